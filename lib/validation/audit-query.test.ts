import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { encodeCursor } from "./cursor";
import { auditExportQuerySchema, auditQuerySchema } from "./audit-query";

/** The messages a failed parse carries, keyed by the field they belong to. */
function problems(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
  if (result.success) throw new Error("expected the input to be refused");
  const byPath: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    (byPath[issue.path.join(".")] ??= []).push(issue.message);
  }
  return byPath;
}

describe("auditQuerySchema", () => {
  it("defaults to the newest 50 events with no filters", () => {
    expect(auditQuerySchema.parse({})).toEqual({ limit: 50 });
  });

  it("treats the empty values a GET form sends as no filter", () => {
    expect(
      auditQuerySchema.parse({
        action: "",
        actor_type: "",
        from: "",
        to: " ",
        cursor: "",
        limit: "",
      }),
    ).toEqual({ limit: 50 });
  });

  it("accepts every filter", () => {
    const cursor = encodeCursor({ createdAt: new Date(1_767_225_600_000), id: "evt_abc" });
    expect(
      auditQuerySchema.parse({
        action: "connection.revoked",
        actor_type: "api_key",
        from: "2026-02-01",
        to: "2026-02-28",
        cursor,
        limit: "200",
      }),
    ).toEqual({
      action: "connection.revoked",
      actor_type: "api_key",
      from: "2026-02-01",
      to: "2026-02-28",
      cursor,
      limit: 200,
    });
  });

  it("accepts a single day as the range", () => {
    expect(auditQuerySchema.parse({ from: "2026-03-01", to: "2026-03-01" })).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-01",
    });
  });

  it("refuses an unknown action or actor with a message naming the list", () => {
    expect(
      problems(auditQuerySchema.safeParse({ action: "drop.tables", actor_type: "root" })),
    ).toEqual({
      action: ["Choose an action from the list, or All."],
      actor_type: ["Choose an actor from the list, or All."],
    });
  });

  it.for(["2026-02-30", "2026-13-01", "01/03/2026", "2026-3-1", "yesterday", "2026-03-01T00:00"])(
    "refuses %j as a date, showing the format wanted",
    (value) => {
      expect(problems(auditQuerySchema.safeParse({ from: value, to: value }))).toEqual({
        from: ["Enter the From date as YYYY-MM-DD, like 2026-03-01."],
        to: ["Enter the To date as YYYY-MM-DD, like 2026-03-01."],
      });
    },
  );

  it("accepts 29 February only in a leap year", () => {
    expect(auditQuerySchema.safeParse({ from: "2028-02-29" }).success).toBe(true);
    expect(auditQuerySchema.safeParse({ from: "2026-02-29" }).success).toBe(false);
  });

  it("refuses a To date before the From date, on the To field", () => {
    expect(problems(auditQuerySchema.safeParse({ from: "2026-03-02", to: "2026-03-01" }))).toEqual({
      to: ["The To date is before the From date: swap them or widen the range."],
    });
  });

  it.for(["0", "201", "-1", "2.5", "many"])("refuses %j as a limit", (limit) => {
    expect(problems(auditQuerySchema.safeParse({ limit }))).toEqual({
      limit: ["Set limit to a whole number from 1 to 200."],
    });
  });

  it.for(["garbage", "x".repeat(201), Buffer.from("1.evt a").toString("base64url")])(
    "refuses the tampered cursor %j",
    (cursor) => {
      expect(problems(auditQuerySchema.safeParse({ cursor }))).toEqual({
        cursor: ["That page link is not valid any more. Start again from the newest events."],
      });
    },
  );
});

describe("auditExportQuerySchema", () => {
  it("takes the same filters, defaults to CSV and ignores paging", () => {
    expect(
      auditExportQuerySchema.parse({ action: "api_key.created", cursor: "x", limit: "1" }),
    ).toEqual({ action: "api_key.created", format: "csv" });
    expect(auditExportQuerySchema.parse({ format: "json" })).toEqual({ format: "json" });
  });

  it("refuses an unknown format and the same bad filters", () => {
    expect(
      problems(
        auditExportQuerySchema.safeParse({ format: "xlsx", from: "2026-03-02", to: "2026-03-01" }),
      ),
    ).toEqual({
      format: ["Choose format=csv or format=json."],
      to: ["The To date is before the From date: swap them or widen the range."],
    });
  });
});
