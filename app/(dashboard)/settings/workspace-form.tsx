"use client";

import { useActionState, useEffect } from "react";
import { Field } from "@/components/ui/field";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { renameWorkspaceSchema } from "@/lib/validation/settings";
import { renameWorkspaceAction, type WorkspaceNameState } from "./actions";
import { SaveRow } from "./save-row";

export function WorkspaceForm({ name }: { name: string }) {
  const [state, formAction, pending] = useActionState<WorkspaceNameState, FormData>(
    renameWorkspaceAction,
    {},
  );
  const defaultName = state.ok === false ? (state.values?.workspaceName ?? name) : name;
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: renameWorkspaceSchema,
    state,
    formAction,
    defaultValues: { workspaceName: defaultName },
  });
  // Show the name as saved (trimmed), and make it the value the form compares against.
  useEffect(() => {
    if (state.ok) form.reset({ workspaceName: state.name });
  }, [state, form]);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <Field
        label="Workspace name"
        autoComplete="organization"
        help="Members see it in the dashboard; end users see it on the connect form."
        error={errorFor("workspaceName")}
        defaultValue={defaultName}
        {...form.register("workspaceName")}
      />
      <SaveRow
        label="Save"
        pending={pending}
        saved={state.ok ? state.message : null}
        width="sm:w-32"
      />
    </form>
  );
}
