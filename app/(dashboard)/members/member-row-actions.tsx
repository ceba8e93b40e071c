"use client";

import { useActionState } from "react";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/members/roles";
import {
  changeRoleAction,
  issueResetAction,
  removeMemberAction,
  type MemberActionState,
} from "./actions";
import { OneTimeLink } from "./one-time-link";

export const BUTTON =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";

/**
 * Role, Remove (asks to confirm, through a disclosure that works without JavaScript) and, for a
 * Member, a password reset link. Each outcome is announced beside the buttons.
 */
export function MemberRowActions({
  userId,
  email,
  role,
  resettable,
}: {
  userId: string;
  email: string;
  role: Role;
  resettable: boolean;
}) {
  const [roleState, roleAction, changing] = useActionState<MemberActionState, FormData>(
    changeRoleAction,
    {},
  );
  const [removeState, removeAction, removing] = useActionState<MemberActionState, FormData>(
    removeMemberAction,
    {},
  );
  const [resetState, resetAction, issuing] = useActionState<MemberActionState, FormData>(
    issueResetAction,
    {},
  );
  const outcome = [removeState, roleState, resetState].find((state) => state.message) ?? {};
  return (
    <div className="flex min-w-0 flex-col gap-1.5 lg:min-w-56">
      <div className="flex flex-wrap items-start gap-2">
        <form action={roleAction} className="flex items-center gap-1.5">
          <input type="hidden" name="userId" value={userId} />
          <select
            id={`role-${userId}`}
            // A label element here, even visually hidden, widened the row on a phone.
            aria-label={`Role of ${email}`}
            name="role"
            defaultValue={role}
            className="rounded-md border border-slate-300 bg-transparent px-1.5 py-1 text-xs dark:border-slate-700 dark:bg-slate-950"
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </select>
          <button type="submit" className={BUTTON} disabled={changing}>
            {changing ? "Saving…" : "Change role"}
          </button>
        </form>
        {resettable ? (
          <form action={resetAction}>
            <input type="hidden" name="userId" value={userId} />
            <button type="submit" className={BUTTON} disabled={issuing}>
              {issuing ? "Creating…" : "Reset link"}
            </button>
          </form>
        ) : null}
        <details>
          <summary className={`${BUTTON} cursor-pointer list-none text-red-700 dark:text-red-400`}>
            Remove
          </summary>
          <form
            action={removeAction}
            className="mt-1.5 max-w-64 rounded-md border border-red-200 p-2 text-xs dark:border-red-900"
          >
            <p>Remove {email}? They are signed out at once and can no longer sign in here.</p>
            <input type="hidden" name="userId" value={userId} />
            <button
              type="submit"
              disabled={removing}
              className={`${BUTTON} mt-1.5 border-red-300 text-red-700 dark:text-red-400`}
            >
              {removing ? "Removing…" : "Confirm remove"}
            </button>
          </form>
        </details>
      </div>
      <p
        role="status"
        className={`text-xs ${outcome.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
      >
        {outcome.message}
      </p>
      {resetState.ok && resetState.link ? (
        <OneTimeLink label={`Reset link for ${email}`} link={resetState.link} />
      ) : null}
    </div>
  );
}
