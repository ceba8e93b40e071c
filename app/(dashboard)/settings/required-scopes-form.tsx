"use client";

import { useActionState, useEffect } from "react";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { requiredScopesSchema } from "@/lib/validation/settings";
import { saveRequiredScopesAction, type RequiredScopesState } from "./actions";
import { SaveRow } from "./save-row";

const ID = "field-requiredScopes";

export function RequiredScopesForm({ scopes }: { scopes: string[] }) {
  const [state, formAction, pending] = useActionState<RequiredScopesState, FormData>(
    saveRequiredScopesAction,
    {},
  );
  const saved = scopes.join(" ");
  const defaultText = state.ok === false ? (state.values?.requiredScopes ?? saved) : saved;
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: requiredScopesSchema,
    state,
    formAction,
    defaultValues: { requiredScopes: defaultText },
  });
  // Show the list as stored: lowercased, duplicates gone.
  useEffect(() => {
    if (state.ok) form.reset({ requiredScopes: state.scopes.join(" ") });
  }, [state, form]);
  const error = errorFor("requiredScopes");

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <div>
        <label htmlFor={ID} className="block text-sm font-medium">
          Required scopes
        </label>
        <textarea
          id={ID}
          rows={2}
          spellCheck={false}
          autoCapitalize="none"
          autoComplete="off"
          placeholder="read:jira-work write:jira-work"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ID}-error ${ID}-help` : `${ID}-help`}
          defaultValue={defaultText}
          className={`mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 font-mono text-sm shadow-sm outline-none placeholder:text-slate-400 focus:ring-2 dark:bg-slate-950 ${
            error
              ? "border-red-500 focus:ring-red-500/40"
              : "border-slate-300 focus:ring-brand-600/40 dark:border-slate-700"
          }`}
          {...form.register("requiredScopes")}
        />
        {error ? (
          <p
            id={`${ID}-error`}
            role="alert"
            className="mt-1.5 text-sm text-red-700 dark:text-red-400"
          >
            {error}
          </p>
        ) : null}
        <p
          id={`${ID}-help`}
          className="mt-1.5 text-xs leading-relaxed text-slate-600 dark:text-slate-400"
        >
          The OAuth scopes your app calls Atlassian with, separated by spaces. When a credential
          lacks any of them, the connect form still connects it but tells the person which to add.
        </p>
      </div>
      <SaveRow label="Save scopes" pending={pending} saved={state.ok ? state.message : null} />
    </form>
  );
}
