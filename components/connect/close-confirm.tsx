"use client";

import { useEffect, useRef } from "react";
import type { ConnectCopy } from "@/lib/i18n/connect-copy";

/** Asked inside the iframe when the end user closes a form they have typed in. */
export function CloseConfirm({
  copy,
  onLeave,
  onStay,
}: {
  copy: ConnectCopy["closeConfirm"];
  onLeave: () => void;
  onStay: () => void;
}) {
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby="close-confirm-title"
      aria-describedby="close-confirm-body"
      className="mb-5 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <p id="close-confirm-title" className="font-medium">
        {copy.title}
      </p>
      <p id="close-confirm-body" className="mt-1 text-slate-700 dark:text-slate-300">
        {copy.body}
      </p>
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          onClick={onLeave}
          className="rounded-md border border-slate-300 px-3 py-1.5 font-medium dark:border-slate-600"
        >
          {copy.close}
        </button>
        <button
          ref={stay}
          type="button"
          onClick={onStay}
          className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-on-brand"
        >
          {copy.keepEditing}
        </button>
      </div>
    </div>
  );
}
