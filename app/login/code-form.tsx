"use client";

import { useActionState } from "react";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInCodeSchema } from "@/lib/validation/two-factor";
import { cancelSignInAction, signInCodeAction, type SignInCodeState } from "./code-actions";

/** The second step of signing in with two-factor on: a code from the app, or a recovery code. */
export function CodeForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState<SignInCodeState, FormData>(
    signInCodeAction,
    {},
  );
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: signInCodeSchema,
    state,
    formAction,
    defaultValues: { code: "" },
  });
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Two-factor authentication is on for this account: one more step.
      </p>
      <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
        <input type="hidden" name="next" value={next} />
        {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
        <Field
          label="Code"
          autoComplete="one-time-code"
          autoFocus
          spellCheck={false}
          help="The 6-digit code your authenticator app shows for Latch. Lost your phone? Enter one of your recovery codes; each works once."
          error={errorFor("code")}
          {...form.register("code")}
        />
        <SubmitButton pending={pending} pendingLabel="Checking…">
          Verify
        </SubmitButton>
      </form>
      <form action={cancelSignInAction}>
        <button
          type="submit"
          className="text-sm text-slate-600 underline hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
        >
          Start over with another account
        </button>
      </form>
    </div>
  );
}
