"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { setupSchema } from "@/lib/validation/auth";
import { setupAction, type SetupState } from "./actions";

export function SetupForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<SetupState, FormData>(setupAction, {});
  const defaults = {
    email: state.values?.email ?? "",
    workspaceName: state.values?.workspaceName ?? "",
  };
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: setupSchema,
    state,
    formAction,
    defaultValues: { ...defaults, password: "" },
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="token" value={token} />
      {state.message ? <Alert>{state.message}</Alert> : null}
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        help="You will sign in with it."
        error={errorFor("email")}
        defaultValue={defaults.email}
        {...form.register("email")}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        help="At least 10 characters. A passphrase of a few words is easy to type and hard to guess."
        error={errorFor("password")}
        {...form.register("password")}
      />
      <Field
        label="Workspace name"
        autoComplete="organization"
        help="Usually your company or product. End users see it on the connect form."
        error={errorFor("workspaceName")}
        defaultValue={defaults.workspaceName}
        {...form.register("workspaceName")}
      />
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create admin
      </SubmitButton>
    </form>
  );
}
