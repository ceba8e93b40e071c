import type { AuditEvent } from "../generated/prisma/client";

/** What an export needs of an event; the page and tests can pass plain objects. */
export type AuditEventRecord = Pick<
  AuditEvent,
  | "id"
  | "action"
  | "actorType"
  | "actorId"
  | "actorLabel"
  | "targetType"
  | "targetId"
  | "ip"
  | "details"
  | "createdAt"
>;

export type AuditJsonEvent = {
  id: string;
  time: string;
  action: string;
  actor: { type: string; id: string | null; label: string | null };
  target: { type: string; id: string | null } | null;
  ip: string | null;
  details: Record<string, unknown>;
};

const CSV_COLUMNS = [
  "time",
  "action",
  "actor_type",
  "actor",
  "actor_id",
  "target_type",
  "target_id",
  "ip",
  "details",
] as const;

// Defuses formulas (OWASP "CSV injection"). A spreadsheet runs a cell that starts with `=`, `+`,
// `-` or `@` (or their full-width forms, which some fold to ASCII) as a formula, and some run one
// that starts with a tab or carriage return. Where a cell starts depends on the reader: a locale
// or an import dialog may split on `,`, `;`, tab or `|`, and a reader that ignores quotes on a
// line break (CR, LF or CRLF). So a `'`, which makes the cell text, goes before every piece that
// starts a formula after any blanks or quotes an importer may strip (at the start of the value
// and after each of those separators), and before a value starting with a tab or CR.
const FORMULA_START =
  /(?<=^|[,;|\t\n]|\r(?!\n))(?=[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])|^(?=[\t\r])/gu;

/**
 * One CSV field, always quoted (RFC 4180, inner quotes doubled). Every piece that a spreadsheet
 * could read as a cell of its own, whichever separator it splits on, is defused as a formula
 * first, so `x;=HYPERLINK(…)` cannot become a live cell where the separator is `;`.
 */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const safe = value.replace(FORMULA_START, "'");
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The header line, CRLF-terminated like every row. */
export const auditCsvHeader = `${CSV_COLUMNS.map(csvField).join(",")}\r\n`;

export function toCsvRow(event: AuditEventRecord): string {
  const cells = [
    event.createdAt.toISOString(),
    event.action,
    event.actorType,
    event.actorLabel,
    event.actorId,
    event.targetType,
    event.targetId,
    event.ip,
    event.details,
  ];
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** The stored details as an object. Text that is not a JSON object is kept, not dropped. */
export function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Fall through: an audit export must not lose what was recorded.
  }
  return { raw: text };
}

export function toJsonEvent(event: AuditEventRecord): AuditJsonEvent {
  return {
    id: event.id,
    time: event.createdAt.toISOString(),
    action: event.action,
    actor: { type: event.actorType, id: event.actorId, label: event.actorLabel },
    target: event.targetType ? { type: event.targetType, id: event.targetId } : null,
    ip: event.ip,
    details: parseDetails(event.details),
  };
}

/**
 * The body of a download, pulled one batch at a time: the database is read only as fast as the
 * client takes the file. JSON is one array, an event per line.
 */
export function auditExportStream(
  batches: AsyncIterable<AuditEventRecord[]>,
  format: "csv" | "json",
  onError: (error: unknown) => void = () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? auditCsvHeader : "["));
    },
    async pull(controller) {
      let next: IteratorResult<AuditEventRecord[]>;
      try {
        next = await iterator.next();
      } catch (error) {
        onError(error);
        controller.error(error);
        return;
      }
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode(first ? "]\n" : "\n]\n"));
        controller.close();
        return;
      }
      let chunk = "";
      for (const event of next.value) {
        if (format === "csv") {
          chunk += toCsvRow(event);
        } else {
          chunk += `${first ? "\n" : ",\n"}${JSON.stringify(toJsonEvent(event))}`;
          first = false;
        }
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
