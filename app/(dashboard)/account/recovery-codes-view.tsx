"use client";

import { useState } from "react";
import { BUTTON } from "./two-factor-panel";

/** Recovery codes, shown once: the server keeps only their hashes. */
export function RecoveryCodesView({
  message,
  codes,
  onDone,
}: {
  message: string;
  codes: string[];
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const text = `Latch recovery codes (each works once):\n\n${codes.join("\n")}\n`;
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied("Copied."),
      () => setCopied("Could not copy: select the codes and copy them by hand."),
    );
  return (
    <div className="max-w-2xl space-y-4">
      <p role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-400">
        {message}
      </p>
      <h3 className="font-semibold">Your recovery codes</h3>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        If you lose your phone, sign in with one of these instead of a code; each works once. Keep
        them somewhere safe, such as a password manager. They are shown only now.
      </p>
      <ul
        aria-label="Recovery codes"
        className="grid max-w-sm grid-cols-2 gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-slate-50 p-4 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {codes.map((code) => (
          <li key={code} data-recovery-code>
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={copy} className={BUTTON}>
          Copy
        </button>
        {/* A data: link downloads without JavaScript, and asks nothing of the CSP. */}
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="latch-recovery-codes.txt"
          className={BUTTON}
        >
          Download
        </a>
        {/* Without JavaScript, a plain GET of the page: the codes are gone from it either way. */}
        <form
          action="/account"
          onSubmit={(event) => {
            event.preventDefault();
            onDone();
          }}
        >
          <button type="submit" className={BUTTON}>
            I have saved them
          </button>
        </form>
        <span role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {copied}
        </span>
      </div>
    </div>
  );
}
