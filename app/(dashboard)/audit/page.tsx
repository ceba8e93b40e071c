import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { parseDetails } from "@/lib/audit/export-format";
import { AUDIT_EXPORT_MAX_EVENTS, listAuditEvents } from "@/lib/audit/list-audit-events";
import { AUDIT_ACTIONS, auditActionLabel } from "@/lib/audit/actions";
import { auditTargetHref, type TargetContext } from "@/lib/audit/target-href";
import { requireMember } from "@/lib/auth/member";
import { findExistingConnectionIds } from "@/lib/connections/find-existing-connection-ids";
import { isAdmin } from "@/lib/members/roles";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import {
  AUDIT_ACTOR_TYPES,
  auditQuerySchema,
  type AuditActorType,
  type AuditFilters,
} from "@/lib/validation/audit-query";
import { FilterSelect } from "@/components/dashboard/filter-select";
import { CARD_CELL, CARD_ROW, CardLabel, DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Audit log" };

const ACTOR_LABELS: Record<AuditActorType, string> = {
  member: "Member",
  api_key: "API key",
  end_user: "End user",
  system: "System",
};

const FIELDS = ["action", "actor_type", "from", "to", "cursor", "limit"] as const;
const inputClass =
  "mt-1 block rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700";

/** `/audit?…` or `/audit/export?…` keeping only the filters that are set. */
function hrefWith(path: string, params: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const member = await requireMember();
  const params = await searchParams;
  const raw = Object.fromEntries(
    FIELDS.map((name) => {
      const value = params[name];
      return [name, Array.isArray(value) ? value[0] : value];
    }),
  ) as Partial<Record<(typeof FIELDS)[number], string>>;
  const query = auditQuerySchema.safeParse(raw);
  const page = query.success ? await listAuditEvents(member, query.data) : null;
  const targets: TargetContext = {
    workspaceId: member.workspaceId,
    admin: isAdmin(member.role),
    connections: await findExistingConnectionIds(
      member,
      (page?.events ?? []).flatMap((event) =>
        event.targetType === "connection" && event.targetId ? [event.targetId] : [],
      ),
    ),
  };
  const filters: AuditFilters = query.success
    ? {
        action: query.data.action,
        actor_type: query.data.actor_type,
        from: query.data.from,
        to: query.data.to,
      }
    : {};

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>

      <form method="get" action="/audit" className="flex flex-wrap items-end gap-4 text-sm">
        <FilterSelect
          label="Action"
          name="action"
          value={raw.action}
          options={AUDIT_ACTIONS.map((action) => ({
            value: action,
            label: auditActionLabel(action),
          }))}
        />
        <FilterSelect
          label="Actor"
          name="actor_type"
          value={raw.actor_type}
          options={AUDIT_ACTOR_TYPES.map((type) => ({ value: type, label: ACTOR_LABELS[type] }))}
        />
        <label className="block">
          From
          <input type="date" name="from" defaultValue={raw.from ?? ""} className={inputClass} />
        </label>
        <label className="block">
          To
          <input type="date" name="to" defaultValue={raw.to ?? ""} className={inputClass} />
        </label>
        <button
          type="submit"
          className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700"
        >
          Filter
        </button>
      </form>

      {query.success ? (
        <p className="flex flex-wrap gap-4 text-sm">
          <a href={hrefWith("/audit/export", { ...filters, format: "csv" })} className="underline">
            Export CSV
          </a>
          <a href={hrefWith("/audit/export", { ...filters, format: "json" })} className="underline">
            Export JSON
          </a>
          <span className="text-slate-500 dark:text-slate-400">
            Exports hold every matching event, up to the newest{" "}
            {AUDIT_EXPORT_MAX_EVENTS.toLocaleString("en-US")}.
          </span>
        </p>
      ) : (
        <Alert>
          <ul>
            {query.error.issues.map((issue, index) => (
              <li key={index}>{issue.message}</li>
            ))}
          </ul>
        </Alert>
      )}

      {page && page.events.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No events match these filters.</p>
      ) : null}
      {page && page.events.length > 0 ? (
        <EventTable events={page.events} targets={targets} />
      ) : null}

      {raw.cursor || page?.nextCursor ? (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {raw.cursor ? (
            <Link href={hrefWith("/audit", filters)} className="underline">
              Newest events
            </Link>
          ) : null}
          {page?.nextCursor ? (
            <Link
              href={hrefWith("/audit", { ...filters, cursor: page.nextCursor, limit: raw.limit })}
              className="underline"
            >
              Older events
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

/**
 * `2026-03-01 14:05:09 UTC`: one zone for every reader. Not lib/i18n/format-date, which stops at the
 * minute; telling apart events in the same minute needs the seconds.
 */
function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const CELL = `px-2 py-2 ${CARD_CELL}`;

function EventTable({ events, targets }: { events: AuditEvent[]; targets: TargetContext }) {
  return (
    <DataTable headings={["Time", "Action", "Actor", "Target", "IP", "Details"]} cards>
      {events.map((event) => (
        <tr key={event.id} className={`align-top ${CARD_ROW}`}>
          <td className={`${CELL} whitespace-nowrap`}>
            <time dateTime={event.createdAt.toISOString()}>{formatUtc(event.createdAt)}</time>
          </td>
          <td className={CELL}>
            <CardLabel>Action</CardLabel>
            {auditActionLabel(event.action)}
            <span className="block font-mono text-xs break-all text-slate-500 dark:text-slate-400">
              {event.action}
            </span>
          </td>
          <td className={`${CELL} [overflow-wrap:anywhere]`}>
            <CardLabel>Actor</CardLabel>
            {event.actorLabel ?? event.actorId ?? "—"}
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              {ACTOR_LABELS[event.actorType as AuditActorType] ?? event.actorType}
            </span>
          </td>
          <td className={`${CELL} font-mono text-xs break-all`}>
            <CardLabel>Target</CardLabel>
            <Target event={event} targets={targets} />
          </td>
          <td className={`${CELL} font-mono text-xs break-all`}>
            <CardLabel>IP</CardLabel>
            {event.ip ?? "—"}
          </td>
          <td className={`${CELL} font-mono text-xs break-all`}>
            <CardLabel>Details</CardLabel>
            <Details text={event.details} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function Target({ event, targets }: { event: AuditEvent; targets: TargetContext }) {
  if (!event.targetType) return "—";
  const text = `${event.targetType} ${event.targetId ?? ""}`;
  const href = auditTargetHref({ ...event, details: parseDetails(event.details) }, targets);
  return href ? (
    <Link href={href} className="text-brand-700 underline underline-offset-2 dark:text-blue-300">
      {text}
    </Link>
  ) : (
    text
  );
}

function Details({ text }: { text: string }) {
  const entries = Object.entries(parseDetails(text));
  if (entries.length === 0) return "—";
  return entries.map(([key, value]) => (
    <span key={key} className="block">
      {key}: {typeof value === "string" ? value : JSON.stringify(value)}
    </span>
  ));
}
