import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { HashingBusyError, MAX_CONCURRENT_HASHES, hashSlotStats, withHashSlot } from "./hash-slots";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing under a burst", () => {
  it("never runs more than half the thread pool's scrypts at once", async () => {
    expect(MAX_CONCURRENT_HASHES).toBe(2);
    const stored = await hashPassword("a long password");
    const burst = Array.from({ length: 12 }, () => verifyPassword("a wrong guess", stored));
    expect(hashSlotStats().running).toBe(MAX_CONCURRENT_HASHES);
    expect(hashSlotStats().waiting).toBe(10);
    await Promise.all(burst);
    expect(hashSlotStats()).toMatchObject({ running: 0, waiting: 0, peak: MAX_CONCURRENT_HASHES });
  });

  it("leaves the thread pool free for file reads (and DNS) while 12 hashes run", async () => {
    const stored = await hashPassword("a long password");
    // One scrypt's time on this machine, now: the yardstick, so a loaded runner (slower reads
    // and slower hashes alike) does not fail the test, and a saturated pool still does.
    const timed = performance.now();
    await verifyPassword("a wrong guess", stored);
    const oneHashMs = performance.now() - timed;
    const burst = Promise.all(
      Array.from({ length: 12 }, () => verifyPassword("a wrong guess", stored)),
    );
    // Give the hashes a moment to take their threads.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await fs.readFile(__filename);
      reads.push(performance.now() - started);
    }
    await burst;
    // With every pool thread busy hashing, a read would wait for a whole scrypt to finish.
    expect(Math.max(...reads)).toBeLessThan(oneHashMs / 2);
  });

  it("refuses work past a bounded queue instead of piling it up", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = Array.from({ length: MAX_CONCURRENT_HASHES + 64 }, () => withHashSlot(() => gate));
    await expect(withHashSlot(async () => "one too many")).rejects.toBeInstanceOf(HashingBusyError);
    release();
    await Promise.all(held);
    expect(await withHashSlot(async () => "fine again")).toBe("fine again");
  });
});
