import { z } from "zod";
import { AUDIT_ACTIONS } from "../audit/actions";
import { decodeCursor } from "./cursor";

export const AUDIT_ACTOR_TYPES = ["member", "api_key", "end_user", "system"] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const AUDIT_EXPORT_FORMATS = ["csv", "json"] as const;

// A GET form sends "" for "All" and for an untouched date input: that means no filter.
const blankAsMissing = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  // Date rolls 2026-02-30 over into March; a real day prints back as itself.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const day = (label: string) =>
  z.preprocess(
    blankAsMissing,
    z
      .string()
      .trim()
      .refine(isCalendarDay, `Enter the ${label} date as YYYY-MM-DD, like 2026-03-01.`)
      .optional(),
  );

const BAD_LIMIT = "Set limit to a whole number from 1 to 200.";
const BAD_CURSOR = "That page link is not valid any more. Start again from the newest events.";

const filterShape = {
  action: z.preprocess(
    blankAsMissing,
    z.enum(AUDIT_ACTIONS, { error: "Choose an action from the list, or All." }).optional(),
  ),
  actor_type: z.preprocess(
    blankAsMissing,
    z.enum(AUDIT_ACTOR_TYPES, { error: "Choose an actor from the list, or All." }).optional(),
  ),
  from: day("From"),
  to: day("To"),
};

// Both days are YYYY-MM-DD, so comparing the text compares the days.
const rangeInOrder = (query: { from?: string; to?: string }) =>
  !query.from || !query.to || query.from <= query.to;

const rangeProblem = {
  path: ["to"],
  message: "The To date is before the From date: swap them or widen the range.",
  // Judged whenever both dates are readable, even if another field is wrong, so a person sees
  // every problem at once.
  when: (payload: z.core.ParsePayload) =>
    !payload.issues.some((issue) => issue.path?.[0] === "from" || issue.path?.[0] === "to"),
};

/**
 * Filters and paging of the audit log, from URL search params. `to` includes that whole day in
 * UTC. The dates stay text so a page can put them back into its form and links.
 */
export const auditQuerySchema = z
  .object({
    ...filterShape,
    cursor: z.preprocess(
      blankAsMissing,
      z
        .string()
        .refine((text) => text.length <= 200 && decodeCursor(text) !== null, BAD_CURSOR)
        .optional(),
    ),
    limit: z.preprocess(
      blankAsMissing,
      z.coerce
        .number({ error: BAD_LIMIT })
        .int(BAD_LIMIT)
        .min(1, BAD_LIMIT)
        .max(200, BAD_LIMIT)
        .default(50),
    ),
  })
  .refine(rangeInOrder, rangeProblem);

export type AuditQuery = z.output<typeof auditQuerySchema>;

/** The export takes the same filters and a format; it always covers every matching event. */
export const auditExportQuerySchema = z
  .object({
    ...filterShape,
    format: z.preprocess(
      blankAsMissing,
      z.enum(AUDIT_EXPORT_FORMATS, { error: "Choose format=csv or format=json." }).default("csv"),
    ),
  })
  .refine(rangeInOrder, rangeProblem);

export type AuditFilters = Pick<AuditQuery, "action" | "actor_type" | "from" | "to">;
export type AuditExportQuery = z.output<typeof auditExportQuerySchema>;
