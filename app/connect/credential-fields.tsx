"use client";

import { Field } from "@/components/connect/field";
import { FIELD_HELP } from "@/components/connect/field-help";
import { SecretField } from "@/components/connect/secret-field";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ConnectFormInput } from "@/lib/validation/connect";
import type { ConnectFormState } from "./form-state";

type Props = {
  state: Extract<ConnectFormState, { status: "editing" }>;
  formAction: (formData: FormData) => void;
  pending: boolean;
  sessionToken: string;
  defaultSubdomain: string;
};

export function CredentialFields({
  state,
  formAction,
  pending,
  sessionToken,
  defaultSubdomain,
}: Props) {
  const { errors, formProps } = useSchemaForm<keyof ConnectFormInput>({
    loadSchema: () => import("@/lib/validation/connect").then((module) => module.connectFormSchema),
    serverErrors: state.fieldErrors,
    formAction,
  });

  return (
    <form action={formAction} className="space-y-5" {...formProps}>
      <input type="hidden" name="session_token" value={sessionToken} />
      {state.message ? <Alert>{state.message}</Alert> : null}
      <Field
        name="subdomain"
        label="Subdomain"
        optional
        prefix="https://"
        suffix=".atlassian.net"
        placeholder="acme"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        help={FIELD_HELP.subdomain}
        error={errors.subdomain}
        defaultValue={state.values?.subdomain ?? defaultSubdomain}
      />
      <Field
        name="clientId"
        label="Client ID"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        required
        help={FIELD_HELP.clientId}
        error={errors.clientId}
        defaultValue={state.values?.clientId ?? ""}
      />
      <SecretField
        name="clientSecret"
        label="Client Secret"
        spellCheck={false}
        required
        help={FIELD_HELP.clientSecret}
        error={errors.clientSecret}
      />
      <SubmitButton pending={pending} pendingLabel="Connecting…">
        Connect
      </SubmitButton>
    </form>
  );
}
