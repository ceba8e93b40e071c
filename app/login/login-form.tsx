"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInSchema } from "@/lib/validation/auth";
import { signInAction, type SignInState } from "./actions";

export function LoginForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: signInSchema,
    state,
    formAction,
    defaultValues: { email: state.email ?? "", password: "" },
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="next" value={next} />
      {state.message ? <Alert>{state.message}</Alert> : null}
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        help="The e-mail you were invited with."
        error={errorFor("email")}
        defaultValue={state.email ?? ""}
        {...form.register("email")}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        help="Forgot it? An admin of your workspace can make you a reset link on the Members page, and whoever runs Latch can too (npm run latch -- reset-password)."
        error={errorFor("password")}
        {...form.register("password")}
      />
      <SubmitButton pending={pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
