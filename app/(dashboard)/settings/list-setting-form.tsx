"use client";

import { useActionState, useEffect, type ReactNode } from "react";
import type { DefaultValues, Path } from "react-hook-form";
import type { z } from "zod";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import type { ListSettingState } from "./actions";
import { SaveRow } from "./save-row";

type Props<F extends string> = {
  /** The one field the schema and the action read (a textarea holding the list). */
  name: F;
  schema: z.ZodType<Record<F, string[]>, Record<F, string>>;
  action: (previous: ListSettingState<F>, formData: FormData) => Promise<ListSettingState<F>>;
  /** The list as stored, and how it is written out in the textarea. */
  items: string[];
  separator: "\n" | " ";
  label: string;
  help: ReactNode;
  placeholder: string;
  rows: number;
  saveLabel: string;
};

/**
 * A workspace setting that is a list typed into a textarea (allowed origins, required scopes):
 * checked as typed with the action's schema, and shown as stored once saved.
 */
export function ListSettingForm<F extends string>(props: Props<F>) {
  const { name, schema, action, items, separator } = props;
  const [state, formAction, pending] = useActionState(action, {});
  const saved = items.join(separator);
  const defaultText = state.ok === false ? (state.values?.[name] ?? saved) : saved;
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema,
    state,
    formAction,
    defaultValues: { [name]: defaultText } as DefaultValues<Record<F, string>>,
  });
  // react-hook-form cannot see that a record keyed by F has the path F.
  const field = name as unknown as Path<Record<F, string>>;
  // Show the list as stored: normalised, duplicates gone.
  useEffect(() => {
    if (state.ok) form.reset({ [name]: state.items.join(separator) } as Record<F, string>);
  }, [state, form, name, separator]);
  const error = errorFor(field);
  const id = `field-${name}`;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {props.label}
        </label>
        <textarea
          id={id}
          rows={props.rows}
          spellCheck={false}
          autoCapitalize="none"
          autoComplete="off"
          placeholder={props.placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${id}-help` : `${id}-help`}
          defaultValue={defaultText}
          className={`mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 font-mono text-sm shadow-sm outline-none placeholder:text-slate-400 focus:ring-2 dark:bg-slate-950 ${
            error
              ? "border-red-500 focus:ring-red-500/40"
              : "border-slate-300 focus:ring-brand-600/40 dark:border-slate-700"
          }`}
          {...form.register(field)}
        />
        {error ? (
          <p
            id={`${id}-error`}
            role="alert"
            className="mt-1.5 text-sm text-red-700 dark:text-red-400"
          >
            {error}
          </p>
        ) : null}
        <p
          id={`${id}-help`}
          className="mt-1.5 text-xs leading-relaxed text-slate-600 dark:text-slate-400"
        >
          {props.help}
        </p>
      </div>
      <SaveRow label={props.saveLabel} pending={pending} saved={state.ok ? state.message : null} />
    </form>
  );
}
