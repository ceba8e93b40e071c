/**
 * Phase 2 benchmark: 100,000 connections in one workspace; server response time of
 * /connections for page 1, a deep cursor page and a search, signed in as a member.
 *
 *   npm run build && npm run bench:dashboard
 */
import { submitFormOverHttp } from "../e2e/connect-over-http";
import { encodeCursor } from "../lib/connections/cursor";
import { percentile, startLatch } from "./lib/server";
import { seedConnections } from "./lib/seed-connections";
import Database from "better-sqlite3";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 50);
const admin = { email: "bench@example.com", password: "bench password 123" };

async function main() {
  const latch = await startLatch("http://127.0.0.1:9", {
    INITIAL_ADMIN_EMAIL: admin.email,
    INITIAL_ADMIN_PASSWORD: admin.password,
    INITIAL_WORKSPACE_NAME: "Bench",
  });
  try {
    const file = latch.databaseFile;
    const workspaceId = (
      new Database(file).prepare("SELECT id FROM Workspace").get() as { id: string }
    ).id;
    const seedStarted = performance.now();
    seedConnections(file, workspaceId, ROWS);
    console.log(
      `Seeded ${ROWS} connections in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    const cookie = await signIn(latch.url);
    const deep = new Database(file)
      .prepare(
        `SELECT id, createdAt FROM Connection ORDER BY createdAt DESC, id DESC LIMIT 1 OFFSET ?`,
      )
      .get(Math.floor(ROWS * 0.9)) as { id: string; createdAt: string };
    const deepCursor = encodeCursor({ id: deep.id, createdAt: new Date(deep.createdAt) });

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
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < SAMPLES + 5; i++) {
        const started = performance.now();
        const response = await fetch(`${latch.url}${path}`, { headers: { cookie } });
        const html = await response.text();
        if (response.status !== 200 || !html.includes("data-connection-id")) {
          throw new Error(`${path} answered ${response.status} without rows`);
        }
        if (i >= 5) times.push(performance.now() - started);
        bytes = html.length;
      }
      console.log(
        `${label.padEnd(36)} median ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms   ${(bytes / 1024).toFixed(0)} KB HTML`,
      );
    }
  } finally {
    latch.stop();
  }
}

async function signIn(baseUrl: string): Promise<string> {
  const { response } = await submitFormOverHttp(`${baseUrl}/login`, admin);
  const cookie = response.headers
    .getSetCookie()
    .find((value) => value.startsWith("latch_session="));
  if (!cookie) throw new Error(`sign-in failed with ${response.status}`);
  return cookie.split(";")[0]!;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
