"use client";

import { useActionState, useEffect, useRef } from "react";
import { CloseConfirm } from "@/components/connect/close-confirm";
import type { ConnectCopy } from "@/lib/i18n/connect-copy";
import { Connected } from "@/components/connect/connected";
import { SessionEnded } from "@/components/connect/session-ended";
import { SitePicker } from "@/components/connect/site-picker";
import { StepHeading } from "@/components/connect/step-heading";
import { submitConnect } from "./actions";
import { CredentialFields } from "./credential-fields";
import { initialConnectState, type ConnectFormState } from "./form-state";
import { useEmbedBridge, type EmbedContext } from "./use-embed-bridge";

/**
 * The connect form. It is a real <form> posting to a server action, so it works before the
 * scripts load and without them. Standalone, the session token comes from the link; embedded,
 * it arrives from the host page by postMessage, and outcomes are posted back.
 */
export function ConnectForm({
  copy,
  title,
  intro,
  sessionToken,
  subdomain,
  requiredScopes,
  siteDomain,
  embed,
  returnTo = null,
}: {
  copy: ConnectCopy;
  /** The first step's heading and intro (the page's title); later steps have their own. */
  title: string;
  intro: string;
  /** A dashboard path the Connected screen links back to (a member connecting from there). */
  returnTo?: string | null;
  sessionToken: string | null;
  subdomain: string | null;
  requiredScopes: string[];
  /** Shown after the Subdomain field: atlassian.net, or Government Cloud's domain. */
  siteDomain: string;
  embed: EmbedContext | null;
}) {
  const [state, formAction, pending] = useActionState(submitConnect, initialConnectState);
  const bridge = useEmbedBridge(embed);
  const token = sessionToken ?? bridge.token;
  const { post } = bridge;

  // Posted once per outcome: the copy is read through a ref, so a new copy object from a
  // server render does not post the same outcome again.
  const ended = useRef(copy.ended);
  useEffect(() => {
    ended.current = copy.ended;
  }, [copy.ended]);
  useEffect(() => {
    const message = outcomeMessage(state, ended.current);
    if (message) post(message);
  }, [state, post]);

  const content = (() => {
    if (state.status === "connected") {
      const granted = state.connection.scopes;
      return (
        <Connected
          step={copy.form.step3}
          copy={copy.connected}
          site={state.connection.site}
          scopes={granted}
          missingScopes={requiredScopes.filter((scope) => !granted.includes(scope))}
          backHref={embed ? null : returnTo}
          onDone={embed ? bridge.confirmClose : undefined}
        />
      );
    }
    if (state.status === "session_ended")
      return <SessionEnded copy={copy.ended} reason={state.reason} />;
    if (state.status === "choose_site") {
      return (
        <form action={formAction} noValidate>
          <input type="hidden" name="session_token" value={token ?? ""} />
          <StepHeading step={copy.form.step2} title={copy.form.siteTitle} />
          <SitePicker
            copy={copy.form}
            sites={state.sites}
            error={state.fieldErrors?.site}
            message={state.message}
            pending={pending}
          />
        </form>
      );
    }
    return (
      <>
        <StepHeading step={copy.form.step1} title={title} intro={intro} />
        <CredentialFields
          copy={copy}
          state={state}
          formAction={formAction}
          pending={pending || !token}
          sessionToken={token ?? ""}
          defaultSubdomain={subdomain ?? ""}
          siteDomain={siteDomain}
        />
      </>
    );
  })();

  return (
    <>
      {bridge.confirmingClose ? (
        <CloseConfirm
          copy={copy.closeConfirm}
          onLeave={bridge.confirmClose}
          onStay={bridge.cancelClose}
        />
      ) : null}
      {content}
    </>
  );
}

function outcomeMessage(state: ConnectFormState, ended: ConnectCopy["ended"]) {
  switch (state.status) {
    case "connected":
      return { source: "latch", type: "connected", connection: state.connection } as const;
    case "session_ended":
      return sessionEndedMessage(state.reason, ended);
    case "editing":
      if (!state.code) return null;
      return {
        source: "latch",
        type: "error",
        error: {
          code: state.code,
          message: state.message ?? Object.values(state.fieldErrors ?? {})[0] ?? "",
        },
      } as const;
    default:
      return null;
  }
}

/** Told to the embedding page, in the reader's language like the rest (it may show it). */
export function sessionEndedMessage(
  reason: "expired" | "invalid" | "spent",
  ended: ConnectCopy["ended"],
) {
  const code = `session_${reason}` as const;
  return { source: "latch", type: "error", error: { code, message: ended[code] } } as const;
}
