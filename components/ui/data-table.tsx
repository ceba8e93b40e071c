import type { ReactNode } from "react";

/** The dashboard's tables: a bordered, horizontally scrolling frame, a header row, the rows. */
export function DataTable({
  headings,
  children,
  labelledBy,
  empty,
  className = "",
}: {
  headings: string[];
  children: ReactNode;
  /** Shown under the header instead of rows, when there are none. */
  empty?: ReactNode;
  labelledBy?: string;
  className?: string;
}) {
  return (
    <div
      className={`overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <table aria-labelledby={labelledBy} className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-800 dark:text-slate-300">
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col" className="px-3 py-2 font-medium">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">{children}</tbody>
      </table>
      {empty}
    </div>
  );
}
