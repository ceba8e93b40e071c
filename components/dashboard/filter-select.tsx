"use client";

/**
 * A GET-form filter: a labelled select whose first option, "All", means no filter. With
 * `submitOnChange` choosing an option applies it at once; the form keeps a submit button for
 * browsers without JavaScript.
 */
export function FilterSelect({
  label,
  name,
  value,
  options,
  submitOnChange = false,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  submitOnChange?: boolean;
}) {
  return (
    <label className="block text-sm">
      {label}
      <select
        name={name}
        defaultValue={value ?? ""}
        onChange={submitOnChange ? (event) => event.currentTarget.form?.requestSubmit() : undefined}
        className="mt-1 block rounded-md border border-slate-300 bg-transparent px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="">All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
