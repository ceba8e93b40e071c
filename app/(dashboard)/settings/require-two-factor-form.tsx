"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SaveRow } from "./save-row";
import { requireTwoFactorAction, type RequireTwoFactorState } from "./two-factor-actions";

export function RequireTwoFactorForm({
  required,
  adminHasTwoFactor,
  membersWithout,
}: {
  required: boolean;
  adminHasTwoFactor: boolean;
  membersWithout: number;
}) {
  const [state, formAction, pending] = useActionState<RequireTwoFactorState, FormData>(
    requireTwoFactorAction,
    {},
  );
  const checked = state.ok ? state.required : required;
  return (
    <form action={formAction} className="max-w-lg space-y-4">
      {state.ok === false ? <Alert>{state.message}</Alert> : null}
      <div className="flex items-start gap-3">
        <input
          key={String(checked)}
          id="require-two-factor"
          name="requireTwoFactor"
          type="checkbox"
          defaultChecked={checked}
          aria-describedby="require-two-factor-help"
          className="mt-0.5 size-4 accent-brand-600"
        />
        <div>
          <label htmlFor="require-two-factor" className="text-sm font-medium">
            Require two-factor authentication
          </label>
          <p
            id="require-two-factor-help"
            className="mt-1 text-xs leading-relaxed text-slate-600 dark:text-slate-400"
          >
            A member without it can open only their Account page, to turn it on.{" "}
            {membersWithout === 0
              ? "Every member has it on."
              : `${membersWithout} ${membersWithout === 1 ? "member has" : "members have"} it off.`}
            {adminHasTwoFactor ? null : " Turn it on for your own account first."}
          </p>
        </div>
      </div>
      <SaveRow
        label="Save requirement"
        pending={pending}
        saved={state.ok ? state.message : null}
        width="sm:w-48"
      />
    </form>
  );
}
