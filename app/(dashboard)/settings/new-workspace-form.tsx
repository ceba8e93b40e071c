"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { createWorkspaceSchema } from "@/lib/validation/settings";
import { createWorkspaceAction, type NewWorkspaceState } from "./actions";

/** On success the action switches the session to the new workspace and leaves this page. */
export function NewWorkspaceForm() {
  const [state, formAction, pending] = useActionState<NewWorkspaceState, FormData>(
    createWorkspaceAction,
    {},
  );
  const defaultName = state.ok === false ? (state.values?.newWorkspaceName ?? "") : "";
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: createWorkspaceSchema,
    state,
    formAction,
    defaultValues: { newWorkspaceName: defaultName },
  });

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <Field
        label="New workspace name"
        autoComplete="off"
        help="You become its admin and switch to it. Its connections, API keys and settings are its own."
        error={errorFor("newWorkspaceName")}
        defaultValue={defaultName}
        {...form.register("newWorkspaceName")}
      />
      <div className="w-full sm:w-48">
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create workspace
        </SubmitButton>
      </div>
    </form>
  );
}
