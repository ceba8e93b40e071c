import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../testing/test-db";

let rateLimit: typeof import("./rate-limit");

beforeAll(async () => {
  await openTestDatabase();
  rateLimit = await import("./rate-limit");
});

describe("hitRateLimit", () => {
  it("allows up to the limit in a window, then says how long to wait", async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await rateLimit.hitRateLimit("t:a", 3, 60_000));
    expect(results.slice(0, 3).every((result) => result.allowed)).toBe(true);
    expect(results[3]).toEqual({
      allowed: false,
      retryAfterSeconds: expect.any(Number),
      firstRefusal: true,
    });
    const last = results[3] as { retryAfterSeconds: number };
    expect(last.retryAfterSeconds).toBeGreaterThan(55);
    expect(last.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts keys separately and starts afresh after the window", async () => {
    expect((await rateLimit.hitRateLimit("t:b", 1, 50)).allowed).toBe(true);
    expect((await rateLimit.hitRateLimit("t:b", 1, 50)).allowed).toBe(false);
    expect((await rateLimit.hitRateLimit("t:c", 1, 50)).allowed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await rateLimit.hitRateLimit("t:b", 1, 50)).allowed).toBe(true);
  });

  it("counts every one of many concurrent hits (no lost updates between instances)", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () => rateLimit.hitRateLimit("t:concurrent", 10, 60_000)),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
  });

  it("forgets a key when cleared", async () => {
    await rateLimit.hitRateLimit("t:d", 1, 60_000);
    await rateLimit.clearRateLimit("t:d");
    expect((await rateLimit.hitRateLimit("t:d", 1, 60_000)).allowed).toBe(true);
  });
});
