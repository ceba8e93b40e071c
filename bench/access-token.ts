/**
 * Phase 4 benchmark: throughput of the access-token endpoint (warm cache) next to /api/health on
 * the same server, in one run, with autocannon; and p99 latency of each.
 *
 *   npm run build && npm run bench:tokens
 */
import { startFakeAtlassian } from "../testing/fake-atlassian/server";
import { benchAuth, connectOne, formatLoad, load } from "./lib/measure";
import { pinForThroughput, startLatch } from "./lib/server";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function main() {
  const placement = pinForThroughput();
  const fake = await startFakeAtlassian(0);
  const latch = await startLatch(fake.url, { LOG_LEVEL: "warn" });
  try {
    const tokenPath = await connectOne(latch, fake);
    const exchangesBefore = fake.state.calls.token;
    const options = { connections, seconds };
    await load(latch, "/api/health", options); // warm-up for both paths
    await load(latch, tokenPath, { ...options, headers: benchAuth });
    const health = await load(latch, "/api/health", options);
    const token = await load(latch, tokenPath, { ...options, headers: benchAuth });

    console.log(`\n${connections} connections, ${seconds} s each, same server, warm token cache`);
    console.log(`${placement}\n`);
    console.log(formatLoad("GET /api/health", health));
    console.log(formatLoad("GET …/access-token", token));
    const ratio = token.requests.average / health.requests.average;
    console.log(`\nratio access-token / health: ${ratio.toFixed(2)}`);
    console.log(`token exchanges during the run: ${fake.state.calls.token - exchangesBefore}`);
  } finally {
    await latch.stop();
    await fake.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
