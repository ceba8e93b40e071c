"use client";

import { useActionState, useEffect } from "react";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { allowedOriginsSchema } from "@/lib/validation/settings";
import { saveAllowedOriginsAction, type AllowedOriginsState } from "./actions";
import { SaveRow } from "./save-row";

const ID = "field-origins";

export function OriginsForm({ origins }: { origins: string[] }) {
  const [state, formAction, pending] = useActionState<AllowedOriginsState, FormData>(
    saveAllowedOriginsAction,
    {},
  );
  const saved = origins.join("\n");
  const defaultText = state.ok === false ? (state.values?.origins ?? saved) : saved;
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: allowedOriginsSchema,
    state,
    formAction,
    defaultValues: { origins: defaultText },
  });
  // Show the list as stored: normalised, one per line, duplicates gone.
  useEffect(() => {
    if (state.ok) form.reset({ origins: state.origins.join("\n") });
  }, [state, form]);
  const error = errorFor("origins");

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <div>
        <label htmlFor={ID} className="block text-sm font-medium">
          Allowed origins
        </label>
        <textarea
          id={ID}
          rows={Math.max(4, origins.length + 2)}
          spellCheck={false}
          autoCapitalize="none"
          autoComplete="off"
          placeholder="https://app.example.com"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ID}-error ${ID}-help` : `${ID}-help`}
          defaultValue={defaultText}
          className={`mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 font-mono text-sm shadow-sm outline-none placeholder:text-slate-400 focus:ring-2 dark:bg-slate-950 ${
            error
              ? "border-red-500 focus:ring-red-500/40"
              : "border-slate-300 focus:ring-brand-600/40 dark:border-slate-700"
          }`}
          {...form.register("origins")}
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
          One origin per line, like https://app.example.com. Only these sites may embed the connect
          form.
        </p>
      </div>
      <SaveRow label="Save origins" pending={pending} saved={state.ok ? state.message : null} />
    </form>
  );
}
