"use client";

import { useActionState } from "react";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { joinExistingAccountSchema, joinNewAccountSchema } from "@/lib/validation/members";
import { joinAction, type JoinState } from "./actions";

export function JoinForm({
  token,
  email,
  hasAccount,
}: {
  token: string;
  email: string;
  hasAccount: boolean;
}) {
  const [state, formAction, pending] = useActionState<JoinState, FormData>(joinAction, {});
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: hasAccount ? joinExistingAccountSchema : joinNewAccountSchema,
    state,
    formAction,
    defaultValues: { password: "" },
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <Field
        label="Password"
        type="password"
        autoComplete={hasAccount ? "current-password" : "new-password"}
        help={
          hasAccount
            ? `${email} has a Latch account already: enter its password to add this workspace to it.`
            : "Choose one: at least 10 characters. A passphrase of a few words is easy to type and hard to guess."
        }
        error={errorFor("password")}
        {...form.register("password")}
      />
      <SubmitButton pending={pending} pendingLabel="Joining…">
        Join
      </SubmitButton>
    </form>
  );
}
