import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../testing/test-db";

let leases: typeof import("./leases");

beforeAll(async () => {
  await openTestDatabase();
  leases = await import("./leases");
});

describe("leases", () => {
  it("goes to one holder at a time, however many ask at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => leases.tryAcquireLease("job", 60_000, `holder-${i}`)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("can be taken over once it expires, and renewed by its holder", async () => {
    expect(await leases.tryAcquireLease("short", 20, "a")).toBe(true);
    expect(await leases.tryAcquireLease("short", 20, "b")).toBe(false);
    expect(await leases.tryAcquireLease("short", 20, "a")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await leases.tryAcquireLease("short", 60_000, "b")).toBe(true);
  });

  it("is free again once released, and only its holder can release it", async () => {
    expect(await leases.tryAcquireLease("released", 60_000, "a")).toBe(true);
    await leases.releaseLease("released", "b");
    expect(await leases.tryAcquireLease("released", 60_000, "b")).toBe(false);
    await leases.releaseLease("released", "a");
    expect(await leases.tryAcquireLease("released", 60_000, "b")).toBe(true);
  });
});
