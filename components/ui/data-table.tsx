import type { ReactNode } from "react";

export type Heading = string | { label: string; className?: string };

// With `cards`, below the lg breakpoint (1024 px: phones and tablets) each row is a card: the
// header row is left to screen readers and every cell stacks, carrying its own visible label.
const CARD_FRAME =
  "max-lg:overflow-visible max-lg:border-0 max-lg:bg-transparent max-lg:dark:bg-transparent";
const CARD_TABLE = "max-lg:block";
const CARD_HEAD = "max-lg:sr-only";
const CARD_BODY = "max-lg:block max-lg:space-y-3 max-lg:divide-y-0";

/** A row that is a card below 1024 px (in a DataTable with `cards`). */
export const CARD_ROW =
  "max-lg:block max-lg:rounded-lg max-lg:border max-lg:border-slate-200 max-lg:bg-white max-lg:p-3 max-lg:dark:border-slate-800 max-lg:dark:bg-slate-900";
/** A cell that stacks inside its card. */
export const CARD_CELL = "max-lg:block max-lg:px-0 max-lg:py-1";

/** A cell's heading, shown inside the card (the table header says it on wider screens). */
export function CardLabel({ children }: { children: ReactNode }) {
  return (
    <span className="block text-xs font-medium text-slate-600 uppercase lg:hidden dark:text-slate-300">
      {children}
    </span>
  );
}

/**
 * The dashboard's tables: a bordered frame (scrolling sideways only if a table cannot fit), a
 * header row, the rows. `fixed` gives each column the width its heading's class sets.
 */
export function DataTable({
  headings,
  children,
  labelledBy,
  empty,
  className = "",
  fixed = false,
  cards = false,
  label,
}: {
  headings: Heading[];
  children: ReactNode;
  /** Shown under the header instead of rows, when there are none. */
  empty?: ReactNode;
  labelledBy?: string;
  className?: string;
  fixed?: boolean;
  cards?: boolean;
  /** Names the scrolling frame for screen readers ("Audit events"). */
  label?: string;
}) {
  return (
    <div
      // A frame that may scroll sideways must be reachable by keyboard to be scrolled (axe:
      // scrollable-region-focusable); a card list never scrolls.
      tabIndex={cards ? undefined : 0}
      role={cards ? undefined : "region"}
      aria-label={cards || labelledBy ? undefined : (label ?? "Table")}
      aria-labelledby={cards ? undefined : labelledBy}
      className={`overflow-x-auto rounded-lg focus-visible:outline-2 focus-visible:outline-brand-600 border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${cards ? CARD_FRAME : ""} ${className}`}
    >
      <table
        aria-labelledby={labelledBy}
        className={`w-full text-left text-sm ${fixed ? "table-fixed" : ""} ${cards ? CARD_TABLE : ""}`}
      >
        <thead
          className={`bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-800 dark:text-slate-300 ${cards ? CARD_HEAD : ""}`}
        >
          <tr>
            {headings.map((heading) => {
              const { label, className: width = "" } =
                typeof heading === "string" ? { label: heading } : heading;
              return (
                <th key={label} scope="col" className={`px-3 py-2 font-medium ${width}`}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody
          className={`divide-y divide-slate-200 dark:divide-slate-800 ${cards ? CARD_BODY : ""}`}
        >
          {children}
        </tbody>
      </table>
      {empty}
    </div>
  );
}
