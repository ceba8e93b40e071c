import { beforeAll, describe, expect, it, vi } from "vitest";
import { openTestDatabase } from "../../testing/test-db";

let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  db = await openTestDatabase();
});

/** A fresh copy of the module: another instance with its own in-memory counts. */
async function instance() {
  vi.resetModules();
  return import("./key-rate-limit");
}

const MINUTE_START = Date.UTC(2026, 10, 28, 12, 0, 0);

describe("hitApiKeyLimit", () => {
  it("allows the limit per minute, then answers when to retry, and starts afresh next minute", async () => {
    const { hitApiKeyLimit } = await instance();
    const results = [];
    for (let i = 0; i < 30; i++) {
      results.push(await hitApiKeyLimit("key_a", 25, MINUTE_START + 15_000 + i));
    }
    expect(results.filter((r) => r.allowed)).toHaveLength(25);
    expect(results.at(-1)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect((await hitApiKeyLimit("key_a", 25, MINUTE_START + 60_000)).allowed).toBe(true);
  });

  it("holds across instances sharing the database", async () => {
    const a = await instance();
    const b = await instance();
    let allowed = 0;
    for (let i = 0; i < 150; i++) {
      const hit = i % 2 ? a.hitApiKeyLimit : b.hitApiKeyLimit;
      if ((await hit("key_b", 100, MINUTE_START + i)).allowed) allowed += 1;
    }
    // Each instance may be a tenth of the remainder behind the other, never more.
    expect(allowed).toBeGreaterThanOrEqual(100);
    expect(allowed).toBeLessThanOrEqual(110);
  });

  it("writes far less than once per request while far from the limit", async () => {
    const { hitApiKeyLimit } = await instance();
    const spy = vi.spyOn(db.getDb().rateLimit, "upsert");
    for (let i = 0; i < 1000; i++) await hitApiKeyLimit("key_c", 1_000_000, MINUTE_START + i / 10);
    expect(spy.mock.calls.length).toBeGreaterThan(0);
    expect(spy.mock.calls.length).toBeLessThan(10);
    spy.mockRestore();
  });
});

describe("hitApiKeyLimit past the limit", () => {
  it("refuses from memory, writing at most every quarter second", async () => {
    const { hitApiKeyLimit } = await instance();
    for (let i = 0; i < 5; i++) await hitApiKeyLimit("key_d", 5, MINUTE_START + i);
    const spy = vi.spyOn(db.getDb().rateLimit, "upsert");
    for (let i = 0; i < 200; i++) {
      expect((await hitApiKeyLimit("key_d", 5, MINUTE_START + 10 + i)).allowed).toBe(false);
    }
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    spy.mockRestore();
  });
});
