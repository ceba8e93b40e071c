import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const TOKEN = "metrics-token-0123456789abcdef";

async function read(authorization: string | null, token: string | undefined) {
  vi.resetModules();
  if (token === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = token;
  const { readMetrics } = await import("./read-metrics");
  return readMetrics(authorization);
}

describe("readMetrics", () => {
  const saved = process.env.METRICS_TOKEN;
  beforeEach(() => {
    process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 1).toString("base64");
    process.env.SESSION_SECRET ??= "s".repeat(32);
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.METRICS_TOKEN;
    else process.env.METRICS_TOKEN = saved;
  });

  it("is disabled without METRICS_TOKEN, whatever is sent", async () => {
    expect(await read(`Bearer ${TOKEN}`, undefined)).toEqual({ kind: "disabled" });
  });

  it("refuses a missing, wrong or differently cased token", async () => {
    for (const header of [
      null,
      "",
      "Bearer",
      `Bearer ${TOKEN}x`,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN.toUpperCase()}`,
    ]) {
      expect(await read(header, TOKEN), String(header)).toEqual({ kind: "unauthorized" });
    }
  });

  it("answers Prometheus text with latch_ series and the process defaults", async () => {
    const answer = await read(`Bearer ${TOKEN}`, TOKEN);
    if (answer.kind !== "ok") throw new Error(`expected metrics, got ${answer.kind}`);
    expect(answer.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(answer.body).toContain("# TYPE latch_http_requests_total counter");
    expect(answer.body).toContain("latch_process_cpu_user_seconds_total");
    const names = [...answer.body.matchAll(/^# TYPE (\S+)/gm)].map((match) => match[1]);
    expect(names.filter((name) => !name!.startsWith("latch_"))).toEqual([]);
  });
});
