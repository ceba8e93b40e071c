"use client";

import { useActionState } from "react";
import { Connected } from "@/components/connect/connected";
import { SessionEnded } from "@/components/connect/session-ended";
import { SitePicker } from "@/components/connect/site-picker";
import { submitConnect } from "./actions";
import { CredentialFields } from "./credential-fields";
import { initialConnectState } from "./form-state";

/**
 * The connect form. It is a real <form> posting to a server action, so it works before the
 * scripts load and without them; once hydrated, react-hook-form adds instant field errors.
 */
export function ConnectForm({
  sessionToken,
  subdomain,
}: {
  sessionToken: string;
  subdomain: string | null;
}) {
  const [state, formAction, pending] = useActionState(submitConnect, initialConnectState);

  if (state.status === "connected") return <Connected site={state.site} scopes={state.scopes} />;
  if (state.status === "session_ended") return <SessionEnded reason={state.reason} />;
  if (state.status === "choose_site") {
    return (
      <form action={formAction} noValidate>
        <input type="hidden" name="session_token" value={sessionToken} />
        <SitePicker
          sites={state.sites}
          error={state.fieldErrors?.site}
          message={state.message}
          pending={pending}
        />
      </form>
    );
  }
  return (
    <CredentialFields
      state={state}
      formAction={formAction}
      pending={pending}
      sessionToken={sessionToken}
      defaultSubdomain={subdomain ?? ""}
    />
  );
}
