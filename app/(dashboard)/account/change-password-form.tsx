"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordSchema } from "@/lib/validation/auth";
import { changePasswordAction, type ChangePasswordState } from "./actions";

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState<ChangePasswordState, FormData>(
    changePasswordAction,
    {},
  );
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: changePasswordSchema,
    state,
    formAction,
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      {state.message && !state.ok ? <Alert>{state.message}</Alert> : null}
      {state.ok ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state.message}
        </p>
      ) : null}
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        help="The one you signed in with."
        error={errorFor("currentPassword")}
        {...form.register("currentPassword")}
      />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        help="At least 10 characters. Your other sessions are signed out."
        error={errorFor("newPassword")}
        {...form.register("newPassword")}
      />
      <SubmitButton pending={pending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
