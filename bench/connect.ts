/**
 * Phase 1 benchmark: 200 connects through the real server path (HTTP → Next → server action →
 * use case → fake Atlassian → SQLite), against a fake that answers at once. Prints Latch's own
 * time per connect with the upstream round trips taken out, and the connect page's first-load
 * JavaScript next to an empty page of the same build.
 *
 *   npm run build && npm run bench:connect
 */
import { randomUUID } from "node:crypto";
import { startFakeAtlassian } from "../testing/fake-atlassian/server";
import { submitConnectForm } from "../e2e/connect-over-http";
import { firstLoadJs } from "./lib/first-load-js";
import { BENCH_API_KEY, percentile, startLatch } from "./lib/server";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;

async function main() {
  const fake = await startFakeAtlassian(0);
  const latch = await startLatch(fake.url);
  try {
    const credential = { client_id: "bench-client", client_secret: "bench-secret" };
    await fetch(`${fake.url}/__fake/credentials`, {
      method: "POST",
      body: JSON.stringify({
        ...credential,
        scope: "read:jira-work",
        sites: [
          {
            id: randomUUID(),
            name: "Bench",
            url: "https://bench.atlassian.net",
            scopes: ["read:jira-work"],
          },
        ],
      }),
    });

    const requestMs: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const session = await createSession(latch.url, `bench-user-${i}`);
      const { ms, html } = await submitConnectForm(session, {
        subdomain: "",
        clientId: credential.client_id,
        clientSecret: credential.client_secret,
      });
      if (!html.includes("Connected")) throw new Error(`connect ${i} did not succeed`);
      if (i >= WARMUP) requestMs.push(ms);
    }

    const connects = latch
      .logLines()
      .filter((line) => line.msg === "connect" && line.outcome === "connected")
      .slice(WARMUP);
    const ownMs = connects.map((line) => line.ownMs as number);
    const upstreamMs = connects.map((line) => line.upstreamMs as number);
    const wholeMinusUpstream = requestMs.map((ms, i) => ms - (upstreamMs[i] ?? 0));

    const connectPage = new URL(await createSession(latch.url, "first-load-js"));
    const connectJs = await firstLoadJs(latch.url, `${connectPage.pathname}${connectPage.search}`);
    const emptyJs = await firstLoadJs(latch.url, "/bench-empty-page-that-does-not-exist");

    const row = (label: string, values: number[]) =>
      console.log(
        `${label.padEnd(52)} median ${percentile(values, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(values, 95).toFixed(2).padStart(7)} ms`,
      );
    console.log(
      `\nLatch connect benchmark: ${RUNS} connects after ${WARMUP} warm-up, fake upstream answering at once\n`,
    );
    row("Latch's own time in the connect use case", ownMs);
    row("Whole HTTP request minus upstream round trips", wholeMinusUpstream);
    row("Upstream round trips (loopback fake)", upstreamMs);
    row("Whole HTTP request, as the browser waits for it", requestMs);
    console.log(`\nFirst-load JavaScript (gzip, scripts + inline RSC payload)`);
    console.log(
      `  connect page: ${(connectJs.gzipBytes / 1024).toFixed(1)} KB in ${connectJs.files} files`,
    );
    console.log(
      `  empty page:   ${(emptyJs.gzipBytes / 1024).toFixed(1)} KB in ${emptyJs.files} files`,
    );
    console.log(
      `  difference:   ${((connectJs.gzipBytes - emptyJs.gzipBytes) / 1024).toFixed(1)} KB`,
    );
  } finally {
    await latch.stop();
    await fake.close();
  }
}

async function createSession(baseUrl: string, endUserId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/connect-sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${BENCH_API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ end_user: { id: endUserId } }),
  });
  if (response.status !== 201) throw new Error(`connect-sessions answered ${response.status}`);
  return ((await response.json()) as { connect_url: string }).connect_url;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
