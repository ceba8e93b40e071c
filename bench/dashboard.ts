/**
 * Phase 2 benchmark: 100,000 connections in one workspace; server response time of
 * /connections for page 1, a deep cursor page and a search, signed in as a member.
 *
 *   npm run build && npm run bench:dashboard
 */
import { e2eSql } from "../e2e/db";
import { encodeCursor } from "../lib/validation/cursor";
import { signIn, timePage } from "./lib/measure";
import { seedConnections } from "./lib/seed-connections";
import { startLatch } from "./lib/server";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 50);
export const BENCH_ADMIN = { email: "bench@example.com", password: "bench password 123" };

export const ADMIN_ENV = {
  INITIAL_ADMIN_EMAIL: BENCH_ADMIN.email,
  INITIAL_ADMIN_PASSWORD: BENCH_ADMIN.password,
  INITIAL_WORKSPACE_NAME: "Bench",
};

async function main() {
  const latch = await startLatch("http://127.0.0.1:9", ADMIN_ENV);
  try {
    const [workspace] = await e2eSql<{ id: string }>(
      `SELECT "id" FROM "Workspace"`,
      [],
      latch.databaseUrl,
    );
    const seedStarted = performance.now();
    await seedConnections(latch.databaseUrl, workspace!.id, ROWS);
    console.log(
      `Seeded ${ROWS} connections in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    const cookie = await signIn(latch.url, BENCH_ADMIN);
    const [deep] = await e2eSql<{ id: string; createdAt: string }>(
      `SELECT "id", "createdAt" FROM "Connection" ORDER BY "createdAt" DESC, "id" DESC LIMIT 1 OFFSET $1`,
      [Math.floor(ROWS * 0.9)],
      latch.databaseUrl,
    );
    const deepCursor = encodeCursor({ id: deep!.id, createdAt: new Date(deep!.createdAt) });

    const cases = [
      ["page 1", "/connections"],
      [`deep cursor (row ${Math.floor(ROWS * 0.9)})`, `/connections?cursor=${deepCursor}`],
      ["search by end user id", `/connections?q=user-04242`],
      ["search by site, failing only", `/connections?q=site-40.atlassian&status=failing`],
    ] as const;
    console.log(
      `\n/connections server response, ${SAMPLES} requests each after 5 warm-up, ${ROWS} rows\n`,
    );
    for (const [label, path] of cases) {
      const { median, p95, bytes } = await timePage(latch, path, cookie, SAMPLES);
      console.log(
        `${label.padEnd(36)} median ${median.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   ${(bytes / 1024).toFixed(0)} KB HTML`,
      );
    }
  } finally {
    await latch.stop();
  }
}

if (process.argv[1] === __filename) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
