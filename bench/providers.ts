/**
 * Phase 5 benchmark, in one run: SQLite next to PostgreSQL (LATCH_TEST_POSTGRES_URL, or the local
 * server), each on a fresh database of its own: access-token throughput (warm cache) beside
 * /api/health, and /connections page 1 over 100,000 connections.
 *
 *   npm run build && npm run bench:providers
 */
import { e2eSql } from "../e2e/db";
import { startFakeAtlassian } from "../testing/fake-atlassian/server";
import { ADMIN_ENV, BENCH_ADMIN } from "./dashboard";
import { benchAuth, connectOne, load, signIn, timePage } from "./lib/measure";
import { seedConnections } from "./lib/seed-connections";
import { BENCH_POSTGRES_URL, startLatch, type Provider, pinForThroughput } from "./lib/server";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function measure(provider: Provider) {
  const fake = await startFakeAtlassian(0);
  const latch = await startLatch(fake.url, { ...ADMIN_ENV, LOG_LEVEL: "warn" }, provider);
  try {
    const tokenPath = await connectOne(latch, fake);
    const options = { connections, seconds };
    await load(latch, tokenPath, { ...options, seconds: 3, headers: benchAuth }); // warm-up
    const health = await load(latch, "/api/health", options);
    const token = await load(latch, tokenPath, { ...options, headers: benchAuth });

    const [workspace] = await e2eSql<{ id: string }>(
      `SELECT "id" FROM "Workspace"`,
      [],
      latch.databaseUrl,
    );
    const seedStarted = performance.now();
    await seedConnections(latch.databaseUrl, workspace!.id, ROWS);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const page = await timePage(
      latch,
      "/connections",
      await signIn(latch.url, BENCH_ADMIN),
      SAMPLES,
    );
    return { health, token, page, seedSeconds };
  } finally {
    await latch.stop();
    await fake.close();
  }
}

async function main() {
  const placement = pinForThroughput();
  const results = [];
  for (const provider of ["sqlite", "postgresql"] as const) {
    results.push({ provider, ...(await measure(provider)) });
  }
  console.log(
    `\nPostgreSQL: ${BENCH_POSTGRES_URL.replace(/\/\/[^@/]*@/, "//")}; autocannon ${connections} connections, ${seconds} s; ${ROWS} rows, ${SAMPLES} page loads; ${placement}\n`,
  );
  console.log(
    "provider     health req/s  token req/s  token p99  ratio   page 1 median  page 1 p95  seed",
  );
  for (const r of results) {
    console.log(
      [
        r.provider.padEnd(12),
        r.health.requests.average.toFixed(0).padStart(12),
        r.token.requests.average.toFixed(0).padStart(12),
        `${r.token.latency.p99} ms`.padStart(10),
        (r.token.requests.average / r.health.requests.average).toFixed(2).padStart(6),
        `${r.page.median.toFixed(1)} ms`.padStart(14),
        `${r.page.p95.toFixed(1)} ms`.padStart(11),
        `${r.seedSeconds.toFixed(1)} s`.padStart(6),
        r.token.non2xx || r.token.errors
          ? `  (token non-2xx ${r.token.non2xx}, errors ${r.token.errors})`
          : "",
      ].join(" "),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
