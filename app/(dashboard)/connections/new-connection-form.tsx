"use client";

import { useActionState } from "react";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { newConnectionSchema } from "@/lib/validation/new-connection";
import { newConnectionAction, type NewConnectionState } from "./actions";

/**
 * New connection asks whom the connection is for, then opens the connect form as that end
 * user would see it. A disclosure, so it works without JavaScript and stays out of the way.
 */
export function NewConnectionForm() {
  const [state, formAction, pending] = useActionState<NewConnectionState, FormData>(
    newConnectionAction,
    {},
  );
  const echoed = state.ok === false ? state.values : undefined;
  const defaults = { endUserId: echoed?.endUserId ?? "", endUserEmail: echoed?.endUserEmail ?? "" };
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: newConnectionSchema,
    state,
    formAction,
    defaultValues: defaults,
  });

  return (
    <details className="group relative" open={state.ok === false ? true : undefined}>
      <summary className="cursor-pointer list-none rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
        New connection
      </summary>
      <form
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        aria-label="New connection"
        className="mt-2 w-full space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:absolute sm:right-0 sm:z-10 sm:w-96 dark:border-slate-800 dark:bg-slate-900"
      >
        {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
        <Field
          label="End user ID"
          help="How your app knows this person; the API lists their connections by it."
          error={errorFor("endUserId")}
          defaultValue={defaults.endUserId}
          autoComplete="off"
          {...form.register("endUserId")}
        />
        <Field
          label="End user email"
          optional=" (optional)"
          type="email"
          help="Shown beside the connection in the dashboard."
          error={errorFor("endUserEmail")}
          defaultValue={defaults.endUserEmail}
          autoComplete="off"
          {...form.register("endUserEmail")}
        />
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
        >
          {pending ? "Opening…" : "Open the connect form"}
        </button>
      </form>
    </details>
  );
}
