"use client";

import { useState, useSyncExternalStore } from "react";

const BUTTON =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";
const noSubscription = () => () => {};

/**
 * Copies `text` to the clipboard and says so. Rendered only where the Clipboard API exists
 * (after hydration, in a secure context); without it the text beside it stays selectable.
 */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const canCopy = useSyncExternalStore(
    noSubscription,
    () => Boolean(navigator.clipboard),
    () => false,
  );
  const [copied, setCopied] = useState(false);
  if (!canCopy) return null;
  return (
    <button
      type="button"
      className={BUTTON}
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </button>
  );
}
