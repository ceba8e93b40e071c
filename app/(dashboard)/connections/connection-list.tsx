import Link from "next/link";
import { RelativeTime } from "@/components/dashboard/relative-time";
import { ScopeChips } from "@/components/dashboard/scope-chips";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { CARD_CELL, CARD_ROW, CardLabel, DataTable } from "@/components/ui/data-table";
import type { ListedConnection } from "@/lib/connections/list-connection-page";
import { ConnectionRowActions } from "./connection-row-actions";

// Fixed widths that add up to the 1120 px the page has at 1280 px (and the 992 px at 1024) and still leave Test, Revoke
// and the revoke confirmation inside the table (e2e/dashboard-widths.spec.ts measures it).
const HEADINGS = [
  { label: "End user", className: "w-[16%]" },
  { label: "Site", className: "w-[14%]" },
  { label: "Status", className: "w-[16%]" },
  { label: "Scopes", className: "w-[20%]" },
  { label: "Created", className: "w-[8%]" },
  { label: "Last checked", className: "w-[9%]" },
  { label: "Actions", className: "w-[17%]" },
];

const CELL = `px-3 py-2 ${CARD_CELL}`;
// The two times sit side by side in a card.
const TIME_CELL =
  "px-3 py-2 max-lg:inline-block max-lg:w-1/2 max-lg:px-0 max-lg:py-1 max-lg:align-top";
const MUTED = "text-xs text-slate-600 dark:text-slate-400";

/** The connections as a table, or one card per connection on a phone. */
export function ConnectionList({
  connections,
  empty,
}: {
  connections: ListedConnection[];
  empty: React.ReactNode;
}) {
  const now = new Date();
  return (
    <DataTable headings={HEADINGS} fixed cards className="mt-4" empty={empty}>
      {connections.map((connection) => (
        <tr
          key={connection.id}
          data-connection-id={connection.id}
          className={`align-top ${CARD_ROW}`}
        >
          <td className={`${CELL} [overflow-wrap:anywhere]`}>
            <Link
              href={`/connections/${connection.id}`}
              className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-blue-300"
            >
              {connection.end_user.display_name ?? connection.end_user.id}
            </Link>
            {connection.end_user.email ? (
              <div className={MUTED}>{connection.end_user.email}</div>
            ) : null}
          </td>
          <td className={`${CELL} [overflow-wrap:anywhere]`}>
            <CardLabel>Site</CardLabel>
            <div>{connection.site.name}</div>
            <div className={MUTED}>{connection.site.url}</div>
          </td>
          <td className={CELL}>
            <CardLabel>Status</CardLabel>
            <StatusBadge status={connection.status} />
            <StatusNote connection={connection} now={now} />
          </td>
          <td className={CELL}>
            <CardLabel>Scopes</CardLabel>
            <ScopeChips scopes={connection.scopes} missing={connection.missing_scopes} />
          </td>
          <td className={TIME_CELL}>
            <CardLabel>Created</CardLabel>
            <RelativeTime value={connection.created_at} now={now} />
          </td>
          <td className={TIME_CELL}>
            <CardLabel>Last checked</CardLabel>
            <RelativeTime value={connection.last_checked_at} now={now} />
          </td>
          <td className={`${CELL} max-lg:pt-2`}>
            <ConnectionRowActions
              id={connection.id}
              revoked={connection.status === "revoked"}
              label={`${connection.end_user.email ?? connection.end_user.id} on ${connection.site.name}`}
            />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * When it was revoked, or the last error cut to two lines: the whole message is still in the
 * page for screen readers, on hover, and on the connection's own page.
 */
function StatusNote({ connection, now }: { connection: ListedConnection; now: Date }) {
  if (connection.status === "revoked") {
    return (
      <p className={`mt-1 ${MUTED}`}>
        Revoked{" "}
        <RelativeTime value={connection.revoked_at} fallback="at an unknown time" now={now} />
      </p>
    );
  }
  if (!connection.last_error) return null;
  return (
    <p
      title={connection.last_error.message}
      className={`mt-1 line-clamp-2 [overflow-wrap:anywhere] ${MUTED}`}
    >
      {connection.last_error.message}
    </p>
  );
}
