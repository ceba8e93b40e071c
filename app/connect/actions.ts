"use server";

import { headers } from "next/headers";
import { confirmSite, connectCredential, type ConnectOutcome } from "@/lib/connections/connect";
import { connectFormSchema, siteChoiceSchema, type ConnectField } from "@/lib/validation/connect";
import { clientIp } from "@/lib/request-ip";
import type { ConnectFormState, FieldErrors } from "./form-state";

const APOLOGY = "Sorry, something went wrong on our side. Nothing was saved; please try again.";

/** The connect form's server action: validates with the browser's schema, then runs the use case. */
export async function submitConnect(
  _previous: ConnectFormState,
  formData: FormData,
): Promise<ConnectFormState> {
  const sessionToken = text(formData, "session_token");
  if (formData.get("intent") === "choose_site") return chooseSite(sessionToken, formData);

  const values = { subdomain: text(formData, "subdomain"), clientId: text(formData, "clientId") };
  const parsed = connectFormSchema.safeParse({
    ...values,
    clientSecret: text(formData, "clientSecret"),
  });
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ConnectField;
      fieldErrors[field] ??= issue.message;
    }
    return { status: "editing", fieldErrors, values };
  }
  try {
    const ip = clientIp(await headers());
    return toState(await connectCredential(sessionToken, parsed.data, ip), values);
  } catch {
    return { status: "editing", code: "internal_error", message: APOLOGY, values };
  }
}

async function chooseSite(sessionToken: string, formData: FormData): Promise<ConnectFormState> {
  const parsed = siteChoiceSchema.safeParse({ site: text(formData, "site") });
  try {
    const outcome = await confirmSite(sessionToken, parsed.success ? parsed.data.site : "");
    const state = toState(outcome);
    if (state.status === "choose_site") {
      return { ...state, fieldErrors: { site: "Choose the site to connect, then press Connect." } };
    }
    return state;
  } catch {
    return { status: "editing", code: "internal_error", message: APOLOGY };
  }
}

function toState(
  outcome: ConnectOutcome,
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
      const { field, message, code } = outcome.failure;
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
