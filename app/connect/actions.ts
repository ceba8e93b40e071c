"use server";

import { headers } from "next/headers";
import { confirmSite } from "@/lib/connections/confirm-site";
import { connectCredential, type ConnectOutcome } from "@/lib/connections/connect-credential";
import { discardPendingCredential } from "@/lib/connections/discard-pending-credential";
import { connectFormSchema, siteChoiceSchema, type ConnectField } from "@/lib/validation/connect";
import { localizeFailure, localizeMessage, localizedText } from "@/lib/i18n/localize";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { clientIp } from "@/lib/http/request-ip";
import { configuredSiteDomain } from "@/lib/connections/configured-site-domain";
import type { ConnectFormState, FieldErrors } from "./form-state";

/**
 * The connect form's server action: validates with the browser's schema, then runs the use case.
 * Messages come back worded in the page's language (proxy.ts chose it from the page's URL and
 * the browser's languages), so the page shows them as they are, with or without JavaScript.
 */
export async function submitConnect(
  _previous: ConnectFormState,
  formData: FormData,
): Promise<ConnectFormState> {
  const sessionToken = text(formData, "session_token");
  const locale = await requestLocale();
  const intent = formData.get("intent");
  if (intent === "choose_site") return chooseSite(sessionToken, formData, locale);
  if (intent === "different_credential") return differentCredential(sessionToken, locale);

  const values = { subdomain: text(formData, "subdomain"), clientId: text(formData, "clientId") };
  const parsed = connectFormSchema.safeParse({
    ...values,
    clientSecret: text(formData, "clientSecret"),
  });
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ConnectField;
      fieldErrors[field] ??= localizeMessage(locale, issue.message, {
        domain: configuredSiteDomain(),
      });
    }
    return { status: "editing", fieldErrors, values };
  }
  try {
    const ip = clientIp(await headers());
    return toState(await connectCredential(sessionToken, parsed.data, ip), locale, values);
  } catch {
    return { status: "editing", ...apology(locale), values };
  }
}

async function chooseSite(
  sessionToken: string,
  formData: FormData,
  locale: Locale,
): Promise<ConnectFormState> {
  const parsed = siteChoiceSchema.safeParse({ site: text(formData, "site") });
  try {
    const outcome = await confirmSite(sessionToken, parsed.success ? parsed.data.site : "");
    const state = toState(outcome, locale);
    if (state.status === "choose_site") {
      const site = localizedText(locale, "validation.siteMissingThenConnect");
      return { ...state, fieldErrors: { site } };
    }
    return state;
  } catch {
    return { status: "editing", ...apology(locale) };
  }
}

/** Back to the empty form, the link unspent, the waiting credential erased. */
async function differentCredential(
  sessionToken: string,
  locale: Locale,
): Promise<ConnectFormState> {
  try {
    const outcome = await discardPendingCredential(sessionToken);
    return outcome.open
      ? { status: "editing" }
      : { status: "session_ended", reason: outcome.reason };
  } catch {
    return { status: "editing", ...apology(locale) };
  }
}

function apology(locale: Locale) {
  return { code: "internal_error", message: localizedText(locale, "failures.internal_error") };
}

function toState(
  outcome: ConnectOutcome,
  locale: Locale,
  values?: { subdomain: string; clientId: string },
): ConnectFormState {
  switch (outcome.kind) {
    case "connected":
      return { status: "connected", connection: outcome.connection };
    case "choose_site":
      return { status: "choose_site", sites: outcome.sites };
    case "session_ended":
      return { status: "session_ended", reason: outcome.reason };
    case "failed": {
      const { field, code } = outcome.failure;
      const message = localizeFailure(locale, outcome.failure);
      // Scopes are fixed when a credential is created: the next try is with another Client ID.
      if (code === "missing_scopes" && values) values = { ...values, clientId: "" };
      return field
        ? { status: "editing", code, fieldErrors: { [field]: message }, values }
        : { status: "editing", code, message, values };
    }
  }
}

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}
