"use client";

import { useEffect } from "react";
import type { ConnectCopy } from "@/lib/i18n/connect-copy";
import { Field } from "@/components/ui/field";
import { CredentialNeeds } from "@/components/connect/credential-needs";
import { SecretField } from "@/components/connect/secret-field";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ConnectFormInput } from "@/lib/validation/connect";
import type { ConnectFormState } from "./form-state";

type Props = {
  copy: ConnectCopy;
  state: Extract<ConnectFormState, { status: "editing" }>;
  formAction: (formData: FormData) => void;
  pending: boolean;
  sessionToken: string;
  defaultSubdomain: string;
  siteDomain: string;
};

export function CredentialFields({
  copy,
  state,
  formAction,
  pending,
  sessionToken,
  defaultSubdomain,
  siteDomain,
}: Props) {
  const { errors, formProps } = useSchemaForm<keyof ConnectFormInput>({
    loadSchema: () => import("@/lib/validation/connect").then((module) => module.connectFormSchema),
    serverErrors: state.fieldErrors,
    formAction,
    describe: (message) => {
      const key = message.replace(/^validation\./, "") as keyof ConnectCopy["validation"];
      return copy.validation[key] ?? message;
    },
  });
  const { form, help } = copy;

  // Scopes are fixed when a credential is created: after a refusal for a missing scope the next
  // try is with a new credential, so its fields start empty (as they do without JavaScript).
  useEffect(() => {
    if (state.code !== "missing_scopes") return;
    const fields = 'input[name="clientId"], input[name="clientSecret"]';
    for (const input of document.querySelectorAll<HTMLInputElement>(fields)) input.value = "";
  }, [state]);

  return (
    <form action={formAction} className="space-y-5" {...formProps}>
      <input type="hidden" name="session_token" value={sessionToken} />
      {state.message ? <Alert>{state.message}</Alert> : null}
      <CredentialNeeds {...help.needs} />
      <Field
        name="subdomain"
        label={form.subdomain}
        optional={form.optional}
        prefix="https://"
        suffix={`.${siteDomain}`}
        placeholder="acme"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        help={help.subdomain}
        error={errors.subdomain}
        defaultValue={state.values?.subdomain ?? defaultSubdomain}
      />
      <Field
        name="clientId"
        label={form.clientId}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        required
        help={help.clientId}
        error={errors.clientId}
        defaultValue={state.values?.clientId ?? ""}
      />
      <SecretField
        name="clientSecret"
        label={form.clientSecret}
        toggle={form}
        spellCheck={false}
        required
        help={help.clientSecret}
        error={errors.clientSecret}
      />
      <SubmitButton pending={pending} pendingLabel={form.connecting}>
        {form.connect}
      </SubmitButton>
    </form>
  );
}
