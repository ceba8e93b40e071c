"use client";

import { useActionState } from "react";
import { revokeConnectionAction, testConnectionAction, type RowActionState } from "./actions";

const BUTTON =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";

/**
 * Test and Revoke for one row. Revoke asks to confirm through a disclosure, which works with and
 * without JavaScript; the outcome of either is announced next to the buttons. Stacked, so the
 * confirmation opens below Revoke across the whole cell and nothing moves sideways out of view.
 */
export function ConnectionRowActions({
  id,
  revoked,
  label,
}: {
  id: string;
  revoked: boolean;
  label: string;
}) {
  const [testState, testAction, testing] = useActionState<RowActionState, FormData>(
    testConnectionAction,
    {},
  );
  const [revokeState, revokeAction, revoking] = useActionState<RowActionState, FormData>(
    revokeConnectionAction,
    {},
  );
  const outcome = revokeState.message ? revokeState : testState;

  return (
    <div className="flex max-w-xs min-w-0 flex-col gap-1.5">
      {revoked ? null : (
        <div className="flex flex-col items-start gap-1.5">
          <form action={testAction}>
            <input type="hidden" name="id" value={id} />
            <button
              type="submit"
              className={BUTTON}
              disabled={testing}
              aria-label={`Test ${label}`}
            >
              {testing ? "Testing…" : "Test"}
            </button>
          </form>
          <details className="w-full">
            <summary
              className={`${BUTTON} inline-block cursor-pointer list-none text-red-700 dark:text-red-400`}
            >
              Revoke
            </summary>
            <form
              action={revokeAction}
              className="mt-1.5 rounded-md border border-red-200 p-2 text-xs break-words dark:border-red-900"
            >
              <p>
                Revoke {label}? The secret is erased for good; the end user will have to connect
                again.
              </p>
              <input type="hidden" name="id" value={id} />
              <button
                type="submit"
                disabled={revoking}
                className={`${BUTTON} mt-1.5 border-red-300 text-red-700 dark:text-red-400`}
              >
                {revoking ? "Revoking…" : "Confirm revoke"}
              </button>
            </form>
          </details>
        </div>
      )}
      <p
        role="status"
        className={`text-xs break-words ${outcome.ok && outcome.status === "healthy" ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
      >
        {outcome.message}
      </p>
    </div>
  );
}
