"use client";

import { useActionState } from "react";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeEmailSchema } from "@/lib/validation/members";
import { changeEmailAction, type ChangeEmailState } from "./actions";

export function ChangeEmailForm({ email }: { email: string }) {
  const [state, formAction, pending] = useActionState<ChangeEmailState, FormData>(
    changeEmailAction,
    {},
  );
  const typed = state.ok === false ? (state.values?.newEmail ?? "") : "";
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: changeEmailSchema,
    state,
    formAction,
    defaultValues: { newEmail: typed, emailPassword: "" },
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      {state.ok ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state.message}
        </p>
      ) : null}
      <Field
        label="New email"
        type="email"
        autoComplete="email"
        help={`Now ${state.ok ? state.email : email}. You will sign in with the new one.`}
        error={errorFor("newEmail")}
        defaultValue={typed}
        {...form.register("newEmail")}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        help="Your current password. Your other sessions are signed out."
        error={errorFor("emailPassword")}
        {...form.register("emailPassword")}
      />
      <SubmitButton pending={pending} pendingLabel="Changing…">
        Change email
      </SubmitButton>
    </form>
  );
}
