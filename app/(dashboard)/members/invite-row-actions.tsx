"use client";

import { useActionState } from "react";
import { revokeInviteAction, type MemberActionState } from "./actions";
import { BUTTON } from "./member-row-actions";

export function InviteRowActions({ inviteId, email }: { inviteId: string; email: string }) {
  const [state, action, revoking] = useActionState<MemberActionState, FormData>(
    revokeInviteAction,
    {},
  );
  return (
    <div className="flex flex-col gap-1.5">
      <form action={action}>
        <input type="hidden" name="inviteId" value={inviteId} />
        <button
          type="submit"
          className={`${BUTTON} text-red-700 dark:text-red-400`}
          disabled={revoking}
          aria-label={`Revoke the invite for ${email}`}
        >
          {revoking ? "Revoking…" : "Revoke"}
        </button>
      </form>
      <p role="status" className="text-xs text-red-700 dark:text-red-400">
        {state.message}
      </p>
    </div>
  );
}
