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
import { checkAdvice } from "@/lib/connections/check-advice";
import { listConnectFailures, type ConnectFailure } from "@/lib/audit/list-connect-failures";
import { formatDateTime } from "@/lib/i18n/format-date";
import { ConnectionRowActions } from "../connection-row-actions";
import { DataTable } from "@/components/ui/data-table";
import { ReconnectLink } from "./reconnect-link";

export const metadata: Metadata = { title: "Connection" };

const TRIGGER_LABELS: Record<ConnectionCheckEntry["trigger"], string> = {
  test: "Test",
  scheduled: "Scheduled",
  renewal: "Token renewal",
  proxy: "Proxied API call",
};

export default async function ConnectionPage({ params }: PageProps<"/connections/[id]">) {
  const member = await requireMember();
  const { id } = await params;
  // Looked up within the member's workspace: another workspace's id is simply not found.
  const connection = await getConnection(member, id);
  if (!connection) notFound();
  const [checks, connectFailures] = await Promise.all([
    listConnectionChecks(member, connection.id),
    listConnectFailures(member, connection.end_user.id),
  ]);
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
              <span className="font-mono text-xs">{connection.last_error.code}</span>
            ) : (
              "–"
            )}
          </Detail>
        </dl>
        <div className="space-y-4">
          <ConnectionRowActions
            id={connection.id}
            revoked={connection.status === "revoked"}
            label={`${connection.end_user.email ?? connection.end_user.id} on ${connection.site.name}`}
          />
          <ReconnectLink id={connection.id} />
        </div>
      </section>

      {connection.last_error ? <Diagnosis error={connection.last_error} /> : null}

      <section aria-labelledby="history">
        <h2 id="history" className="text-lg font-semibold">
          Check history
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The last 30 live checks: Tests, scheduled health checks and token renewals.
        </p>
        <CheckHistory checks={checks} />
      </section>

      {connectFailures.length ? <ConnectFailures failures={connectFailures} /> : null}
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

/** Why the connection is failing: the last error in full, and what to do about it. */
function Diagnosis({ error }: { error: { code: string; message: string } }) {
  return (
    <section
      aria-labelledby="diagnosis"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm [overflow-wrap:anywhere] text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <h2 id="diagnosis" className="text-lg font-semibold">
        Why it is failing
      </h2>
      <p className="mt-2">{error.message}</p>
      <p className="mt-2">
        <span className="font-semibold">What to do: </span>
        {checkAdvice(error.code).advice}
      </p>
      <p className="mt-2 text-xs">
        Error code <code className="font-mono">{error.code}</code>
      </p>
    </section>
  );
}

function CheckHistory({ checks }: { checks: ConnectionCheckEntry[] }) {
  if (checks.length === 0) {
    return <p className="mt-4 text-sm">No checks recorded yet.</p>;
  }
  return (
    <DataTable
      headings={["Time", "Trigger", "Outcome", "Error", "What to do", "Duration"]}
      className="mt-4"
    >
      {checks.map((check) => {
        const advice = check.errorCode ? checkAdvice(check.errorCode) : null;
        return (
          <tr key={check.id} className="align-top">
            <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(check.checkedAt)}</td>
            <td className="px-3 py-2">{TRIGGER_LABELS[check.trigger] ?? check.trigger}</td>
            <td className="px-3 py-2">
              <StatusBadge status={check.outcome} />
            </td>
            <td className="max-w-72 px-3 py-2 text-xs">
              {advice ? (
                <>
                  {advice.message}
                  <code className="mt-0.5 block font-mono text-slate-600 dark:text-slate-400">
                    {check.errorCode}
                  </code>
                </>
              ) : (
                "–"
              )}
            </td>
            <td className="max-w-80 px-3 py-2 text-xs">{advice?.advice ?? "–"}</td>
            <td className="px-3 py-2 whitespace-nowrap tabular-nums">
              {formatDuration(check.durationMs)}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

/** The end user's failed attempts to connect (again), from the audit log. */
function ConnectFailures({ failures }: { failures: ConnectFailure[] }) {
  return (
    <section aria-labelledby="connect-failures">
      <h2 id="connect-failures" className="text-lg font-semibold">
        Failed connect attempts by this end user
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        The latest {failures.length}, from the audit log.
      </p>
      <ul className="mt-3 space-y-2 text-sm">
        {failures.map((failure) => {
          const advice = checkAdvice(failure.code);
          return (
            <li key={failure.id}>
              <span className="whitespace-nowrap">{formatDateTime(failure.at)}</span>:{" "}
              {advice.message} <code className="font-mono text-xs">{failure.code}</code>
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {advice.advice}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
