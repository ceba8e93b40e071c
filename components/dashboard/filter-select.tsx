/** A GET-form filter: a labelled select whose first option, "All", means no filter. */
export function FilterSelect({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <label className="block text-sm">
      {label}
      <select
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 block rounded-md border border-slate-300 bg-transparent px-2 py-1.5 text-sm dark:border-slate-700"
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
