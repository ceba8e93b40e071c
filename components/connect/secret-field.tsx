"use client";

import { useState, type ComponentProps } from "react";
import { Field } from "../ui/field";

/**
 * The Client Secret: hidden as typed, with a Show/Hide button to check a paste. The button says
 * what it does and whether the secret is shown (aria-pressed); the browser is never invited to
 * remember the value (autocomplete off), whichever way it is shown.
 */
export function SecretField({
  toggle,
  ...props
}: Omit<ComponentProps<typeof Field>, "type" | "trailing"> & {
  /** The button's visible word, and its full name (which contains it) for screen readers. */
  toggle: { show: string; hide: string; showSecret: string; hideSecret: string };
}) {
  const [shown, setShown] = useState(false);
  const id = `field-${props.name}`;
  return (
    <Field
      {...props}
      type={shown ? "text" : "password"}
      autoComplete="off"
      trailing={
        <button
          type="button"
          aria-controls={id}
          aria-pressed={shown}
          onClick={() => setShown((value) => !value)}
          className="mr-1 my-1 rounded-md px-2 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none dark:text-slate-200 dark:hover:bg-slate-800"
        >
          {/* Seen: the short word; heard: the full name, which contains it. */}
          <span aria-hidden="true">{shown ? toggle.hide : toggle.show}</span>
          <span className="sr-only">{shown ? toggle.hideSecret : toggle.showSecret}</span>
        </button>
      }
    />
  );
}
