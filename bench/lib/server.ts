import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const BENCH_API_KEY = "latch_sk_bench_0123456789abcdefghijklmnopqrstu";

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type RunningLatch = {
  url: string;
  databaseFile: string;
  logLines: () => Record<string, unknown>[];
  stop: () => void;
};

/** Starts the production build (`npm start`) on a fresh SQLite file, pointed at `upstreamUrl`. */
export async function startLatch(
  upstreamUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<RunningLatch> {
  if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync(".next/latch-server.mjs"))
    throw new Error("No production build: run `npm run build` first.");
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latch-bench-"));
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    "node",
    [".next/latch-server.mjs", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: `file:${dir}/latch.db`,
        PUBLIC_URL: url,
        ATLASSIAN_AUTH_URL: upstreamUrl,
        ATLASSIAN_API_URL: upstreamUrl,
        INITIAL_API_KEY: BENCH_API_KEY,
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    },
  );
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => (buffered += chunk.toString("utf8")));
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    databaseFile: `${dir}/latch.db`,
    logLines: () =>
      buffered
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}
