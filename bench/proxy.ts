/**
 * Phase 12 benchmark: what the proxy adds to a call. In one run, against the same fake gateway:
 * the median latency of a direct call (the tenant's own client with a token from Latch) and of
 * the same call through Latch's proxy, one at a time over kept-alive connections, interleaved;
 * their difference is Latch's overhead (target ≤ 3 ms). Then the proxy's throughput under load.
 *
 *   npm run build && npm run bench:proxy
 */
import http from "node:http";
import { startFakeAtlassian } from "../testing/fake-atlassian/server";
import { benchAuth, connectOne, formatLoad } from "./lib/measure";
import { percentile, pinForThroughput, startLatch } from "./lib/server";
import autocannon from "autocannon";

const samples = Number(process.env.BENCH_SAMPLES ?? 2000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const UPSTREAM_PATH = "/rest/api/3/myself";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET, its body read; answers the milliseconds it took. */
function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (response) => {
        if (response.statusCode !== 200)
          reject(new Error(`${url} answered ${response.statusCode}`));
        response.resume();
        response.on("end", () => resolve(performance.now() - started));
      })
      .on("error", reject);
  });
}

async function main() {
  const placement = pinForThroughput();
  const fake = await startFakeAtlassian(0);
  const latch = await startLatch(fake.url, { LOG_LEVEL: "warn" });
  try {
    const tokenPath = await connectOne(latch, fake);
    const token = (await (
      await fetch(`${latch.url}${tokenPath}`, { headers: benchAuth })
    ).json()) as {
      access_token: string;
      api_base_url: string;
    };
    const direct = {
      url: `${token.api_base_url}${UPSTREAM_PATH}`,
      headers: { authorization: `Bearer ${token.access_token}` },
    };
    const proxyPath = `${tokenPath.replace(/\/access-token$/, "")}/proxy/jira${UPSTREAM_PATH}`;
    const proxied = {
      url: `${latch.url}${proxyPath}`,
      headers: { authorization: benchAuth.authorization },
    };

    const times = { direct: [] as number[], proxied: [] as number[] };
    for (let i = 0; i < samples + 200; i++) {
      // Interleaved, so drift (GC, CPU frequency) touches both alike; the first 200 warm up.
      const d = await timedGet(direct.url, direct.headers);
      const p = await timedGet(proxied.url, proxied.headers);
      if (i >= 200) {
        times.direct.push(d);
        times.proxied.push(p);
      }
    }
    const median = { direct: percentile(times.direct, 50), proxied: percentile(times.proxied, 50) };
    const p99 = { direct: percentile(times.direct, 99), proxied: percentile(times.proxied, 99) };

    const load = (url: string, headers: Record<string, string>) =>
      autocannon({ url, connections, duration: seconds, headers });
    await load(proxied.url, proxied.headers); // warm-up under load
    const directLoad = await load(direct.url, direct.headers);
    const proxiedLoad = await load(proxied.url, proxied.headers);

    console.log(
      `\nGET ${UPSTREAM_PATH} against the fake gateway, ${samples} sequential calls each`,
    );
    console.log(`${placement}\n`);
    console.log(`direct   median ${median.direct.toFixed(2)} ms   p99 ${p99.direct.toFixed(2)} ms`);
    console.log(
      `proxied  median ${median.proxied.toFixed(2)} ms   p99 ${p99.proxied.toFixed(2)} ms`,
    );
    console.log(
      `median overhead of the proxy: ${(median.proxied - median.direct).toFixed(2)} ms (target ≤ 3 ms)`,
    );
    console.log(`\n${connections} connections, ${seconds} s each`);
    console.log(formatLoad("GET direct (fake gateway)", directLoad));
    console.log(formatLoad("GET …/proxy/jira/…", proxiedLoad));
    console.log(`token exchanges during the run: ${fake.state.calls.token}`);
  } finally {
    agent.destroy();
    await latch.stop();
    await fake.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
