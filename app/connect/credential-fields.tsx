"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useEffect, useSyncExternalStore } from "react";
import { useForm } from "react-hook-form";
import { Field } from "@/components/connect/field";
import { FIELD_HELP } from "@/components/connect/field-help";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  connectFormSchema,
  type ConnectFormInput,
  type ConnectFormValues,
} from "@/lib/validation/connect";
import type { ConnectFormState } from "./form-state";

type Props = {
  state: Extract<ConnectFormState, { status: "editing" }>;
  formAction: (formData: FormData) => void;
  pending: boolean;
  sessionToken: string;
  defaultSubdomain: string;
};

const noSubscription = () => () => {};

export function CredentialFields({
  state,
  formAction,
  pending,
  sessionToken,
  defaultSubdomain,
}: Props) {
  // False in the server render and before hydration, when only the server's errors can show.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const defaultValues = {
    subdomain: state.values?.subdomain ?? defaultSubdomain,
    clientId: state.values?.clientId ?? "",
    clientSecret: "",
  };
  const form = useForm<ConnectFormInput, unknown, ConnectFormValues>({
    resolver: zodResolver(connectFormSchema),
    mode: "onTouched",
    defaultValues,
  });
  const { errors } = form.formState;

  // Errors found by the server (a refused secret, an unknown subdomain) sit on their field too.
  useEffect(() => {
    const entries = Object.entries(state.fieldErrors ?? {}) as [keyof ConnectFormInput, string][];
    entries.forEach(([field, message], index) =>
      form.setError(field, { message }, { shouldFocus: index === 0 }),
    );
  }, [state, form]);

  const errorFor = (field: keyof ConnectFormInput) =>
    errors[field]?.message ?? (hydrated ? undefined : state.fieldErrors?.[field]);

  return (
    <form
      action={formAction}
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        const formData = new FormData(event.currentTarget);
        void form.handleSubmit(() => startTransition(() => formAction(formData)))(event);
      }}
    >
      <input type="hidden" name="session_token" value={sessionToken} />
      {state.message ? <Alert>{state.message}</Alert> : null}
      <Field
        label="Subdomain"
        optional
        prefix="https://"
        suffix=".atlassian.net"
        placeholder="acme"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        help={FIELD_HELP.subdomain}
        error={errorFor("subdomain")}
        defaultValue={defaultValues.subdomain}
        {...form.register("subdomain")}
      />
      <Field
        label="Client ID"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        required
        help={FIELD_HELP.clientId}
        error={errorFor("clientId")}
        defaultValue={defaultValues.clientId}
        {...form.register("clientId")}
      />
      <Field
        label="Client Secret"
        type="password"
        autoComplete="off"
        spellCheck={false}
        required
        help={FIELD_HELP.clientSecret}
        error={errorFor("clientSecret")}
        {...form.register("clientSecret")}
      />
      <SubmitButton pending={pending} pendingLabel="Connecting…">
        Connect
      </SubmitButton>
    </form>
  );
}
