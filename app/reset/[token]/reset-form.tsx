"use client";

import { useActionState } from "react";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { resetPasswordSchema } from "@/lib/validation/members";
import { resetPasswordAction, type ResetState } from "./actions";

export function ResetForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState<ResetState, FormData>(
    resetPasswordAction,
    {},
  );
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: resetPasswordSchema,
    state,
    formAction,
    defaultValues: { password: "" },
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" autoComplete="username" value={email} />
      {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        help="At least 10 characters. Every session of this account is signed out."
        error={errorFor("password")}
        {...form.register("password")}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Set password
      </SubmitButton>
    </form>
  );
}
