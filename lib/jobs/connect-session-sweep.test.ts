import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("../connections/sweep-connect-sessions", () => ({ sweepConnectSessions: vi.fn() }));
vi.mock("../log", () => ({ logger: { info: vi.fn(), error: vi.fn() } }));

const { startConnectSessionSweep, SWEEP_EVERY_MS } = await import("./connect-session-sweep");
const { logger } = await import("../log");

afterEach(() => {
  vi.useRealTimers();
});

describe("startConnectSessionSweep", () => {
  it("sweeps within a minute of start, then every interval, and survives a failing sweep", async () => {
    vi.useFakeTimers();
    const sweep = vi
      .fn()
      .mockResolvedValueOnce({ erased: 1, purged: 2 })
      .mockRejectedValueOnce(new Error("database went away"))
      .mockResolvedValue({ erased: 0, purged: 0 });
    const stop = startConnectSessionSweep(SWEEP_EVERY_MS, sweep);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sweep).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith({ erased: 1, purged: 2 }, expect.any(String));
    await vi.advanceTimersByTimeAsync(SWEEP_EVERY_MS);
    expect(sweep).toHaveBeenCalledTimes(2);
    expect(logger.error).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(SWEEP_EVERY_MS);
    expect(sweep).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(10 * SWEEP_EVERY_MS);
    expect(sweep).toHaveBeenCalledTimes(3);
  });

  it("never starts a sweep before the previous one ended", async () => {
    vi.useFakeTimers();
    let finish: () => void = () => {};
    const sweep = vi.fn(
      () =>
        new Promise<{ erased: number; purged: number }>((resolve) => {
          finish = () => resolve({ erased: 0, purged: 0 });
        }),
    );
    const stop = startConnectSessionSweep(1000, sweep);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sweep).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sweep).toHaveBeenCalledTimes(2);
    stop();
  });

  it("is one of the background jobs start-up runs (lib/jobs/index.ts)", async () => {
    const fs = await import("node:fs/promises");
    const jobs = await fs.readFile(new URL("./index.ts", import.meta.url), "utf8");
    expect(jobs).toMatch(/^\s+startConnectSessionSweep\(\),$/m);
    const start = await fs.readFile(new URL("../server/start.ts", import.meta.url), "utf8");
    expect(start).toMatch(/^\s+\S.*= startBackgroundJobs\(env\);$/m);
  });
});
