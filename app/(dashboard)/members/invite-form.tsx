"use client";

import { useActionState, useEffect } from "react";
import { useEnhancedForm } from "@/components/forms/use-enhanced-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLES, ROLE_LABELS } from "@/lib/members/roles";
import { inviteSchema } from "@/lib/validation/members";
import { inviteAction, type InviteState } from "./actions";
import { OneTimeLink } from "./one-time-link";

export function InviteForm() {
  const [state, formAction, pending] = useActionState<InviteState, FormData>(inviteAction, {});
  const values = state.ok === false ? state.values : undefined;
  const { form, errorFor, onSubmit } = useEnhancedForm({
    schema: inviteSchema,
    state,
    formAction,
    defaultValues: { email: values?.email ?? "", role: (values?.role as "admin") ?? "member" },
  });
  useEffect(() => {
    if (state.ok) form.reset({ email: "", role: "member" });
  }, [state, form]);
  return (
    <div className="max-w-2xl space-y-4">
      {state.ok ? (
        <div className="space-y-2">
          <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
            {state.message}
          </p>
          <OneTimeLink label={`Invite link for ${state.email}`} link={state.link} />
        </div>
      ) : null}
      <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
        {state.ok === false && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
        <Field
          label="Email"
          type="email"
          autoComplete="off"
          help="The e-mail they will sign in with."
          error={errorFor("email")}
          defaultValue={values?.email ?? ""}
          {...form.register("email")}
        />
        <div>
          <label htmlFor="field-role" className="block text-sm font-medium">
            Role
          </label>
          <select
            id="field-role"
            aria-describedby="field-role-help"
            defaultValue={values?.role ?? "member"}
            className="mt-1.5 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950"
            {...form.register("role")}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <p id="field-role-help" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Admin: everything, members and settings included. Member: connections and the audit log.
          </p>
        </div>
        <div className="w-full sm:w-44">
          <SubmitButton pending={pending} pendingLabel="Inviting…">
            Invite
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
