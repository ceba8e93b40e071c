/**
 * Phase 4 benchmark: throughput of the access-token endpoint (warm cache) next to /api/health on
 * the same server, in one run, with autocannon; and p99 latency of each.
 *
 *   npm run build && npm run bench:tokens
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { submitConnectForm } from "../e2e/connect-over-http";
import { startFakeAtlassian } from "../e2e/fake-atlassian/server";
import { BENCH_API_KEY, startLatch } from "./lib/server";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function main() {
  const fake = await startFakeAtlassian(0);
  const latch = await startLatch(fake.url, { LOG_LEVEL: "warn" });
  try {
    const auth = { authorization: `Bearer ${BENCH_API_KEY}`, "content-type": "application/json" };
    await fetch(`${fake.url}/__fake/credentials`, {
      method: "POST",
      body: JSON.stringify({
        client_id: "bench",
        client_secret: "bench-secret",
        sites: [{ id: randomUUID(), name: "Bench", url: "https://bench.atlassian.net" }],
      }),
    });
    const session = (await (
      await fetch(`${latch.url}/api/v1/connect-sessions`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ end_user: { id: "bench" } }),
      })
    ).json()) as { connect_url: string };
    await submitConnectForm(session.connect_url, {
      subdomain: "",
      clientId: "bench",
      clientSecret: "bench-secret",
    });
    const list = (await (
      await fetch(`${latch.url}/api/v1/connections`, { headers: auth })
    ).json()) as {
      data: { id: string }[];
    };
    const tokenPath = `/api/v1/connections/${list.data[0]!.id}/access-token`;
    const exchangesBefore = fake.state.calls.token;

    const run = (path: string, headers: Record<string, string> = {}) =>
      autocannon({
        url: `${latch.url}${path}`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        headers,
      });
    await run("/api/health"); // warm-up for both paths
    await run(tokenPath, auth);
    const health = await run("/api/health");
    const token = await run(tokenPath, auth);

    const line = (label: string, result: autocannon.Result) =>
      console.log(
        `${label.padEnd(34)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   non-2xx ${result.non2xx}   errors ${result.errors}`,
      );
    console.log(
      `\n${CONNECTIONS} connections, ${DURATION_S} s each, same server, warm token cache\n`,
    );
    line("GET /api/health", health);
    line("GET …/access-token", token);
    console.log(
      `\nratio access-token / health: ${(token.requests.average / health.requests.average).toFixed(2)}`,
    );
    console.log(`token exchanges during the run: ${fake.state.calls.token - exchangesBefore}`);
  } finally {
    latch.stop();
    await fake.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
