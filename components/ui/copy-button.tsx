"use client";

import { useEffect, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

/** What the button says; the dashboard's English unless a page in another language passes its own. */
export type CopyWords = {
  copy: string;
  copied: string;
  /** The accessible names, before and after: "Copy the scopes", "Copied the scopes". */
  copyLabel: string;
  copiedLabel: string;
  copiedNote: string;
  refusedNote: string;
};

/**
 * Copies `text` to the clipboard and says so, on the button and to screen readers. Where the
 * clipboard is refused (an insecure origin, a denied permission), it says to copy by hand: the
 * text is always on screen beside it, selectable.
 */
export function CopyButton({
  text,
  label,
  words,
  className = "",
}: {
  text: string;
  /** What is copied, for the accessible name: "Copy the curl command". */
  label: string;
  words?: CopyWords;
  className?: string;
}) {
  const say = words ?? englishWords(label);
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        aria-label={state === "copied" ? say.copiedLabel : say.copyLabel}
        className={`rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 ${className}`}
      >
        {state === "copied" ? say.copied : say.copy}
      </button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {state === "copied" ? say.copiedNote : null}
        {state === "failed" ? say.refusedNote : null}
      </span>
    </span>
  );
}

function englishWords(label: string): CopyWords {
  return {
    copy: "Copy",
    copied: "Copied",
    copyLabel: `Copy ${label}`,
    copiedLabel: `Copied: ${label}`,
    copiedNote: "Copied to the clipboard.",
    refusedNote: "The browser refused; select the text and copy it.",
  };
}
