"use client";

import { useActionState } from "react";
import { endSessionAction, type EndSessionState } from "./actions";

export type SessionRow = {
  handle: string;
  current: boolean;
  device: string;
  ip: string | null;
  signedIn: string;
  lastSeen: string;
};

const BUTTON =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";

/** The member's live sessions; any but this browser's can be signed out from here. */
export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  return (
    <ul className="max-w-2xl divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
      {sessions.map((session) => (
        <li key={session.handle} className="flex flex-wrap items-start justify-between gap-3 p-3">
          <div className="min-w-0 text-sm">
            <p className="font-medium">
              {session.device}
              {session.current ? (
                <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
                  This browser
                </span>
              ) : null}
            </p>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Signed in {session.signedIn} · last active {session.lastSeen}
              {session.ip ? ` · ${session.ip}` : ""}
            </p>
          </div>
          {session.current ? null : (
            <EndSessionButton handle={session.handle} device={session.device} />
          )}
        </li>
      ))}
    </ul>
  );
}

function EndSessionButton({ handle, device }: { handle: string; device: string }) {
  const [state, action, pending] = useActionState<EndSessionState, FormData>(endSessionAction, {});
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="handle" value={handle} />
      <button type="submit" className={BUTTON} disabled={pending} aria-label={`Sign out ${device}`}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
      <p role="status" className="text-xs text-red-700 dark:text-red-400">
        {state.ok === false ? state.message : null}
      </p>
    </form>
  );
}
