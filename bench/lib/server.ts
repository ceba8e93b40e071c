import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

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
  /** `file:…` (SQLite) or `postgresql://…`; e2eSql (e2e/db.ts) runs statements against it. */
  databaseUrl: string;
  logLines: () => Record<string, unknown>[];
  stop: () => Promise<void>;
};

export type Provider = "sqlite" | "postgresql";

/** The PostgreSQL server benchmarks use: LATCH_TEST_POSTGRES_URL or the local default. */
export const BENCH_POSTGRES_URL =
  process.env.LATCH_TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * On a machine with two or more cores and `taskset`, the server gets core 0 and this process
 * (the load generator) the others. Unpinned, the two take turns on the same cores and a figure
 * swings with where the scheduler put them; pinned, it measures the server. BENCH_PIN=0 turns
 * it off; BENCH_SERVER_CPUS chooses the server's cores.
 */
let pinned: { cores: string | undefined } | undefined;

/**
 * Throughput benchmarks call this first. The others (a browser opening the form) leave every
 * core to everyone: a browser confined to one core would measure the confinement.
 */
export function pinForThroughput(): string {
  pinned ??= { cores: pin() };
  return pinned.cores === undefined
    ? "server and load generator unpinned"
    : `server pinned to CPU ${pinned.cores}, load generator to the others`;
}

function pin(): string | undefined {
  // Chosen by hand: the load generator is left where it is.
  if (process.env.BENCH_SERVER_CPUS) return process.env.BENCH_SERVER_CPUS;
  const cores = os.availableParallelism();
  if (process.env.BENCH_PIN === "0" || cores < 2) return undefined;
  try {
    // -a: every thread of this process (libuv's pool included), not just the main one.
    execFileSync("taskset", ["-apc", `1-${cores - 1}`, String(process.pid)], { stdio: "ignore" });
    return "0";
  } catch {
    return undefined; // no taskset: run unpinned
  }
}

/**
 * Starts the production build (`npm start`) on a fresh database, pointed at `upstreamUrl`: a
 * SQLite file in the temp directory, or a new database on BENCH_POSTGRES_URL's server.
 */
export async function startLatch(
  upstreamUrl: string,
  extraEnv: Record<string, string> = {},
  provider: Provider = "sqlite",
): Promise<RunningLatch> {
  if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync(".next/latch-server.mjs"))
    throw new Error("No production build: run `npm run build` first.");
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latch-bench-"));
  const url = `http://127.0.0.1:${port}`;
  const pgDatabase = `latch_bench_${randomBytes(4).toString("hex")}`;
  let databaseUrl = `file:${dir}/latch.db`;
  let secrets = {};
  if (provider === "postgresql") {
    await adminQuery(`CREATE DATABASE "${pgDatabase}"`);
    const target = new URL(BENCH_POSTGRES_URL);
    target.pathname = `/${pgDatabase}`;
    databaseUrl = target.toString();
    secrets = {
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SESSION_SECRET: randomBytes(32).toString("hex"),
    };
  }
  // BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const flags = process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const command = [
    "node",
    ...flags,
    ".next/latch-server.mjs",
    "-p",
    String(port),
    "-H",
    "127.0.0.1",
  ];
  const cpus = pinned?.cores;
  const [program, ...args] = cpus ? ["taskset", "-c", cpus, ...command] : command;
  const child: ChildProcess = spawn(program!, args, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      ...secrets,
      PUBLIC_URL: url,
      ATLASSIAN_AUTH_URL: upstreamUrl,
      ATLASSIAN_API_URL: upstreamUrl,
      INITIAL_API_KEY: BENCH_API_KEY,
      // The limiter still runs (its cost is measured), but never refuses the benchmark.
      API_RATE_LIMIT: "1000000000",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
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
    databaseUrl,
    logLines: () =>
      buffered
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      fs.rmSync(dir, { recursive: true, force: true });
      if (provider === "postgresql") {
        await adminQuery(`DROP DATABASE IF EXISTS "${pgDatabase}" WITH (FORCE)`);
      }
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}
