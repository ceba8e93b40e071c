import { describe, expect, it } from "vitest";
import { retryAfterMs } from "./retry-after";

const NOW = Date.parse("2026-03-01T12:00:00.000Z");

const wait = (headers: Record<string, string>) => retryAfterMs(new Headers(headers), NOW);

describe("retryAfterMs", () => {
  it("reads Retry-After in seconds", () => {
    expect(wait({ "retry-after": "5" })).toBe(5_000);
    expect(wait({ "retry-after": " 30 " })).toBe(30_000);
    expect(wait({ "retry-after": "0" })).toBe(0);
    expect(wait({ "retry-after": "1.5" })).toBe(1_500);
  });

  it("reads Retry-After as an HTTP date", () => {
    expect(wait({ "retry-after": "Sun, 01 Mar 2026 12:00:07 GMT" })).toBe(7_000);
    // The obsolete RFC 850 and asctime forms are still HTTP dates.
    expect(wait({ "retry-after": "Sunday, 01-Mar-26 12:01:00 GMT" })).toBe(60_000);
    // asctime has no zone, so how far away it is depends on the machine's; it is still a date.
    expect(wait({ "retry-after": "Sun Mar  1 12:00:10 2026" })).not.toBeNull();
  });

  it("reads X-RateLimit-Reset as an ISO 8601 instant", () => {
    expect(wait({ "x-ratelimit-reset": "2026-03-01T12:00:02.500Z" })).toBe(2_500);
    expect(wait({ "x-ratelimit-reset": "2026-03-01T13:00:00+01:00" })).toBe(0);
    expect(wait({ "x-ratelimit-reset": "2026-03-01T12:01:00Z" })).toBe(60_000);
  });

  it("waits out a minute-precision X-RateLimit-Reset until that minute has passed", () => {
    // Atlassian's own form, yyyy-MM-ddTHH:mmZ: the current minute ends at 12:01:00.
    expect(wait({ "x-ratelimit-reset": "2026-03-01T12:00Z" })).toBe(60_000);
    expect(wait({ "x-ratelimit-reset": "2026-03-01T12:02Z" })).toBe(180_000);
    expect(wait({ "x-ratelimit-reset": "2026-03-01T13:00+01:00" })).toBe(60_000);
    expect(wait({ "x-ratelimit-reset": "2026-03-01T11:59Z" })).toBe(0);
  });

  it("prefers Retry-After, and falls back to X-RateLimit-Reset when Retry-After is unusable", () => {
    expect(wait({ "retry-after": "3", "x-ratelimit-reset": "2026-03-01T12:00:09Z" })).toBe(3_000);
    expect(wait({ "retry-after": "soon", "x-ratelimit-reset": "2026-03-01T12:00:09Z" })).toBe(
      9_000,
    );
  });

  it("answers 0 for a moment already past", () => {
    expect(wait({ "retry-after": "Sun, 01 Mar 2026 11:59:00 GMT" })).toBe(0);
    expect(wait({ "x-ratelimit-reset": "2020-01-01T00:00:00Z" })).toBe(0);
  });

  it("answers null without a usable header", () => {
    expect(wait({})).toBeNull();
    for (const value of ["", "soon", "abc 12", "-5", "1e3", "5 seconds", "NaN", "Infinity"]) {
      expect(wait({ "retry-after": value }), `Retry-After: ${value}`).toBeNull();
    }
    for (const value of ["", "later", "abc 12", "-5", "tomorrow at noon"]) {
      expect(wait({ "x-ratelimit-reset": value }), `X-RateLimit-Reset: ${value}`).toBeNull();
    }
  });

  it("measures from the current time by default", () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toISOString();
    const ms = retryAfterMs(new Headers({ "x-ratelimit-reset": inTenSeconds }))!;
    expect(ms).toBeGreaterThan(9_000);
    expect(ms).toBeLessThanOrEqual(10_000);
  });
});
