import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { submitConnectForm, submitFormOverHttp } from "../../e2e/connect-over-http";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import { BENCH_API_KEY, percentile, type RunningLatch } from "./server";

export const benchAuth = {
  authorization: `Bearer ${BENCH_API_KEY}`,
  "content-type": "application/json",
};

/** Connects one credential through the real flow; returns its access-token path. */
export async function connectOne(latch: RunningLatch, fake: FakeAtlassian): Promise<string> {
  const clientId = `bench-${randomUUID()}`;
  await fetch(`${fake.url}/__fake/credentials`, {
    method: "POST",
    body: JSON.stringify({
      client_id: clientId,
      client_secret: "bench-secret",
      sites: [{ id: randomUUID(), name: "Bench", url: "https://bench.atlassian.net" }],
    }),
  });
  const endUser = `bench-${randomUUID()}`;
  const session = (await (
    await fetch(`${latch.url}/api/v1/connect-sessions`, {
      method: "POST",
      headers: benchAuth,
      body: JSON.stringify({ end_user: { id: endUser } }),
    })
  ).json()) as { connect_url: string };
  await submitConnectForm(session.connect_url, {
    subdomain: "",
    clientId,
    clientSecret: "bench-secret",
  });
  const list = (await (
    await fetch(`${latch.url}/api/v1/connections?end_user_id=${endUser}`, { headers: benchAuth })
  ).json()) as { data: { id: string }[] };
  return `/api/v1/connections/${list.data[0]!.id}/access-token`;
}

/** autocannon against one path of a running Latch. */
export function load(
  latch: RunningLatch,
  path: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
) {
  return autocannon({
    url: `${latch.url}${path}`,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
  });
}

export function formatLoad(label: string, result: autocannon.Result): string {
  return `${label.padEnd(34)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   non-2xx ${result.non2xx}   errors ${result.errors}`;
}

/** Signs in through the login form; returns the session cookie. */
export async function signIn(
  baseUrl: string,
  admin: { email: string; password: string },
): Promise<string> {
  const { response } = await submitFormOverHttp(`${baseUrl}/login`, admin);
  const cookie = response.headers
    .getSetCookie()
    .find((value) => value.startsWith("latch_session="));
  if (!cookie) throw new Error(`sign-in failed with ${response.status}`);
  return cookie.split(";")[0]!;
}

/** Server response times of a dashboard page, after a warm-up. */
export async function timePage(
  latch: RunningLatch,
  path: string,
  cookie: string,
  samples: number,
): Promise<{ median: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < samples + 5; i++) {
    const started = performance.now();
    const response = await fetch(`${latch.url}${path}`, { headers: { cookie } });
    const html = await response.text();
    if (response.status !== 200 || !html.includes("data-connection-id")) {
      throw new Error(`${path} answered ${response.status} without rows`);
    }
    if (i >= 5) times.push(performance.now() - started);
    bytes = html.length;
  }
  return { median: percentile(times, 50), p95: percentile(times, 95), bytes };
}
