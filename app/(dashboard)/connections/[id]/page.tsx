import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { requireMember } from "@/lib/auth/member";
import {
  listConnectionChecks,
  type ConnectionCheckEntry,
} from "@/lib/connections/list-connection-checks";
import { getConnection } from "@/lib/connections/get-connection";
import { formatDateTime } from "@/lib/i18n/format-date";
import { ConnectionRowActions } from "../connection-row-actions";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Connection" };

const TRIGGER_LABELS: Record<ConnectionCheckEntry["trigger"], string> = {
  test: "Test",
  scheduled: "Scheduled",
  renewal: "Token renewal",
};

export default async function ConnectionPage({ params }: PageProps<"/connections/[id]">) {
  const member = await requireMember();
  const { id } = await params;
  // Looked up within the member's workspace: another workspace's id is simply not found.
  const connection = await getConnection(member, id);
  if (!connection) notFound();
  const checks = await listConnectionChecks(member, connection.id);
  const name = connection.end_user.display_name ?? connection.end_user.id;

  return (
    <div className="space-y-8">
      <div>
        <Link href="/connections" className="text-sm underline">
          ← Connections
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 text-2xl font-semibold [overflow-wrap:anywhere]">
            {name} on {connection.site.name}
          </h1>
          <StatusBadge status={connection.status} />
        </div>
      </div>

      <section className="flex flex-wrap items-start justify-between gap-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <dl className="grid min-w-0 grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
          <Detail label="End user ID">
            <span className="font-mono text-xs">{connection.end_user.id}</span>
          </Detail>
          <Detail label="E-mail">{connection.end_user.email ?? "–"}</Detail>
          <Detail label="Site">
            {connection.site.name} ·{" "}
            <a href={connection.site.url} className="underline" rel="noreferrer" target="_blank">
              {connection.site.url}
            </a>
          </Detail>
          <Detail label="Cloud ID">
            <span className="font-mono text-xs">{connection.site.cloud_id}</span>
          </Detail>
          <Detail label="Client ID">
            <span className="font-mono text-xs break-all">{connection.client_id}</span>
          </Detail>
          <Detail label="Scopes">
            <span className="font-mono text-xs">{connection.scopes.join(" ") || "–"}</span>
          </Detail>
          <Detail label="Created">{formatDateTime(new Date(connection.created_at))}</Detail>
          <Detail label="Last checked">
            {formatDateTime(
              connection.last_checked_at ? new Date(connection.last_checked_at) : null,
            )}
          </Detail>
          <Detail label="Last error">
            {connection.last_error ? (
              <>
                <span className="font-mono text-xs">{connection.last_error.code}</span>:{" "}
                {connection.last_error.message}
              </>
            ) : (
              "–"
            )}
          </Detail>
        </dl>
        <ConnectionRowActions
          id={connection.id}
          revoked={connection.status === "revoked"}
          label={`${connection.end_user.email ?? connection.end_user.id} on ${connection.site.name}`}
        />
      </section>

      <section aria-labelledby="history">
        <h2 id="history" className="text-lg font-semibold">
          Check history
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The last 30 live checks: Tests, scheduled health checks and token renewals.
        </p>
        <CheckHistory checks={checks} />
      </section>
    </div>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      {/* Long e-mails, URLs and errors wrap instead of widening the page past a phone. */}
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function CheckHistory({ checks }: { checks: ConnectionCheckEntry[] }) {
  if (checks.length === 0) {
    return <p className="mt-4 text-sm">No checks recorded yet.</p>;
  }
  return (
    <DataTable headings={["Time", "Trigger", "Outcome", "Error", "Duration"]} className="mt-4">
      {checks.map((check) => (
        <tr key={check.id}>
          <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(check.checkedAt)}</td>
          <td className="px-3 py-2">{TRIGGER_LABELS[check.trigger] ?? check.trigger}</td>
          <td className="px-3 py-2">
            <StatusBadge status={check.outcome} />
          </td>
          <td className="px-3 py-2 font-mono text-xs">{check.errorCode ?? "–"}</td>
          <td className="px-3 py-2 whitespace-nowrap tabular-nums">
            {formatDuration(check.durationMs)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
