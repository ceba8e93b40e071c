"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/validation/action-result";
import { SaveRow } from "./save-row";

export type SwitchState = ActionResult<{ checked: boolean }>;

/** One checkbox saved by its own action: the settings page's on/off switches. */
export function SwitchSettingForm({
  name,
  checked: savedChecked,
  label,
  help,
  saveLabel,
  action,
}: {
  name: string;
  checked: boolean;
  label: string;
  help: React.ReactNode;
  saveLabel: string;
  action: (previous: SwitchState, formData: FormData) => Promise<SwitchState>;
}) {
  const [state, formAction, pending] = useActionState<SwitchState, FormData>(action, {});
  const checked = state.ok ? state.checked : savedChecked;
  const id = `switch-${name}`;
  return (
    <form action={formAction} className="max-w-lg space-y-4">
      {state.ok === false ? <Alert>{state.message}</Alert> : null}
      <div className="flex items-start gap-3">
        <input
          key={String(checked)}
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={checked}
          aria-describedby={`${id}-help`}
          className="mt-0.5 size-4 accent-brand-600"
        />
        <div>
          <label htmlFor={id} className="text-sm font-medium">
            {label}
          </label>
          <p
            id={`${id}-help`}
            className="mt-1 text-xs leading-relaxed text-slate-600 dark:text-slate-400"
          >
            {help}
          </p>
        </div>
      </div>
      <SaveRow
        label={saveLabel}
        pending={pending}
        saved={state.ok ? state.message : null}
        width="sm:w-48"
      />
    </form>
  );
}
