"use client";

import { useActionState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { reconnectLinkAction, type ReconnectLinkState } from "./actions";

/**
 * Copy reconnect link: mints a connect link for the same end user and site, and shows it with
 * a Copy button. Each press mints a new link (a link connects once).
 */
export function ReconnectLink({ id }: { id: string }) {
  const [state, formAction, pending] = useActionState<ReconnectLinkState, FormData>(
    reconnectLinkAction,
    {},
  );
  return (
    <div className="space-y-2">
      <form action={formAction}>
        <input type="hidden" name="id" value={id} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {pending ? "Creating link…" : "Copy reconnect link"}
        </button>
      </form>
      {state.ok ? (
        <div className="space-y-1.5">
          <label htmlFor="reconnect-url" className="block text-xs font-medium">
            Reconnect link
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id="reconnect-url"
              readOnly
              value={state.url}
              onFocus={(event) => event.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
            />
            <CopyButton text={state.url} label="the reconnect link" />
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">{state.message}</p>
        </div>
      ) : null}
      {state.ok === false ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
