import type { ComponentProps } from "react";

type FieldProps = ComponentProps<"input"> & {
  name: string;
  label: string;
  help: React.ReactNode;
  error?: string;
  /** Set on an optional field: the word for "optional" in the reader's language. */
  optional?: string;
  prefix?: string;
  suffix?: string;
  /** Inside the field's box, after the input (the secret's show/hide button). */
  trailing?: React.ReactNode;
};

/** A labelled input with its help text and error, both tied to it for screen readers. */
export function Field({
  name,
  label,
  help,
  error,
  optional,
  prefix,
  suffix,
  trailing,
  ...input
}: FieldProps) {
  const id = `field-${name}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {optional ? (
          <span className="ml-1 font-normal text-slate-500 dark:text-slate-400">{optional}</span>
        ) : null}
      </label>
      <div
        className={`mt-1.5 flex rounded-lg border bg-white shadow-sm focus-within:ring-2 dark:bg-slate-950 ${
          error
            ? "border-red-500 focus-within:ring-red-500/40"
            : "border-slate-300 focus-within:ring-brand-600/40 dark:border-slate-700"
        }`}
      >
        {prefix ? (
          <span className="flex items-center pl-3 text-sm text-slate-500 dark:text-slate-400">
            {prefix}
          </span>
        ) : null}
        <input
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${helpId}` : helpId}
          className="min-w-0 flex-1 rounded-lg bg-transparent px-3 py-2 text-sm outline-none placeholder:text-slate-400 placeholder:italic dark:placeholder:text-slate-500"
          {...input}
        />
        {suffix ? (
          <span className="flex items-center pr-3 text-sm text-slate-500 dark:text-slate-400">
            {suffix}
          </span>
        ) : null}
        {trailing}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="mt-1.5 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div
        id={helpId}
        className="mt-1.5 text-xs leading-relaxed text-slate-600 dark:text-slate-400"
      >
        {help}
      </div>
    </div>
  );
}
