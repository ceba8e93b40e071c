import http from "node:http";
import type { AddressInfo } from "node:net";
import { showsConnected, submitFormOverHttp } from "./connect-over-http";
import { e2eSql } from "./db";
import { E2E } from "./env";
import { expect, signIn, test } from "./fixtures";
import { freshDatabase, prepareConnect, startInstance } from "./instances";

/**
 * /metrics as a Prometheus scraper sees it, after what an operator wants counted: a connect, a
 * proxied call, a token renewal, a failed check, a webhook delivery, a scheduled check round and
 * a rate-limit refusal. Its own instance, so the counts are this test's alone.
 */
test.describe.configure({ timeout: 180_000 });

const apiKey = "latch_sk_metrics_0123456789abcdefghijklmnopqrst";
const token = "metrics-scrape-token-0123456789";
const admin = { email: "ops@example.com", password: "metrics-admin-password-1" };

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The text format's sample lines (comments and blank lines skipped). */
function parse(text: string): Sample[] {
  return text
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

const total = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name)
    .filter((s) => Object.entries(labels).every(([key, value]) => s.labels[key] === value))
    .reduce((sum, s) => sum + s.value, 0);

test("/metrics is 404 where METRICS_TOKEN is not set", async ({ request }) => {
  const response = await request.get(`${E2E.appUrl}/metrics`);
  expect(response.status()).toBe(404);
});

test("/metrics counts a connect, a proxied call, a renewal, a failed check, a webhook delivery and a refusal", async ({
  page,
}) => {
  const received: string[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/latch`;

  const databaseUrl = await freshDatabase("metrics");
  const latch = await startInstance({
    DATABASE_URL: databaseUrl,
    ENCRYPTION_KEY: "bWV0cmljcy1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcyE=",
    SESSION_SECRET: "metrics-session-secret-of-32-characters",
    INITIAL_API_KEY: apiKey,
    INITIAL_ADMIN_EMAIL: admin.email,
    INITIAL_ADMIN_PASSWORD: admin.password,
    INITIAL_WORKSPACE_NAME: "Metrics",
    METRICS_TOKEN: token,
    ALLOW_PRIVATE_WEBHOOKS: "true",
    HEALTH_CHECK_INTERVAL: "1m",
    API_RATE_LIMIT: "40",
    LOG_LEVEL: "warn",
  });
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${latch.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${apiKey}`, ...init.headers },
    });
  const scrape = async () => {
    const response = await fetch(`${latch.url}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return parse(await response.text());
  };
  try {
    expect((await fetch(`${latch.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${latch.url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status,
    ).toBe(401);

    await signIn(page, admin.email, admin.password, latch.url);
    await page.goto(`${latch.url}/settings#webhook`);
    await page.getByLabel("Webhook URL").fill(hook);
    await page.getByRole("button", { name: /^Save webhook/ }).click();
    await expect(page.getByText(/^Webhook saved/).first()).toBeVisible();

    // A connect through the form; its connection.created webhook goes out within seconds.
    const { url, values } = await prepareConnect(latch.url, apiKey);
    expect(showsConnected((await submitFormOverHttp(url, values)).html)).toBe(true);
    const [connection] = await e2eSql<{ id: string }>(
      `SELECT "id" FROM "Connection"`,
      [],
      databaseUrl,
    );
    const id = connection!.id;

    expect((await api(`/api/v1/connections/${id}/proxy/jira/rest/api/3/myself`)).status).toBe(200);
    // The cached token is spent: the next token request renews it.
    await e2eSql(
      `UPDATE "Connection" SET "accessTokenExpiresAt" = $1 WHERE "id" = $2`,
      [new Date(Date.now() - 60_000).toISOString(), id],
      databaseUrl,
    );
    // Changed behind Latch's back: on PostgreSQL its memory of the row hears of it this way.
    if (databaseUrl.startsWith("postgres")) {
      await e2eSql(`SELECT pg_notify('latch_hot_rows', '')`, [], databaseUrl);
    }
    expect((await api(`/api/v1/connections/${id}/access-token`)).status).toBe(200);
    // Revoked in Atlassian: Test fails.
    await fetch(`${E2E.fakeUrl}/__fake/revoke`, {
      method: "POST",
      body: JSON.stringify({ client_id: values.clientId }),
    });
    const tested = await (await api(`/api/v1/connections/${id}/test`, { method: "POST" })).json();
    expect(tested.status).toBe("failing");
    // Past the key's 40 a minute.
    const burst = await Promise.all(Array.from({ length: 45 }, () => api("/api/v1/connections")));
    expect(burst.some((response) => response.status === 429)).toBe(true);

    await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    let samples: Sample[] = [];
    await expect
      .poll(
        async () => {
          samples = await scrape();
          return (
            total(samples, "latch_health_check_rounds_total") > 0 &&
            total(samples, "latch_webhook_deliveries_total", { outcome: "delivered" }) > 0
          );
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toBe(true);

    const at = (name: string, labels?: Record<string, string>) => total(samples, name, labels);
    expect(
      at("latch_http_requests_total", {
        route: "/api/v1/connections/{id}/access-token",
        method: "GET",
        status: "200",
      }),
    ).toBe(1);
    expect(
      at("latch_http_request_duration_seconds_count", { route: "/api/v1/connections/{id}/test" }),
    ).toBe(1);
    expect(at("latch_connect_outcomes_total", { outcome: "connected", code: "" })).toBe(1);
    expect(at("latch_token_exchanges_total", { reason: "connect", outcome: "ok" })).toBe(1);
    expect(at("latch_token_exchanges_total", { reason: "renewal", outcome: "ok" })).toBe(1);
    expect(
      at("latch_token_exchanges_total", { reason: "test", outcome: "invalid_credentials" }),
    ).toBe(1);
    for (const endpoint of ["token", "sites", "proxy"]) {
      expect(at("latch_upstream_duration_seconds_count", { endpoint }), endpoint).toBeGreaterThan(
        0,
      );
    }
    expect(at("latch_webhook_deliveries_total", { outcome: "delivered" })).toBeGreaterThan(0);
    expect(at("latch_health_check_rounds_total")).toBeGreaterThan(0);
    expect(at("latch_rate_limit_refusals_total", { limiter: "api_key" })).toBeGreaterThan(0);
    expect(at("latch_process_resident_memory_bytes")).toBeGreaterThan(0);

    // Nothing that names one record or person: no id, token, e-mail or key in any label.
    const labelValues = samples.flatMap((sample) => Object.values(sample.labels));
    for (const secret of [id, values.clientId, apiKey, admin.email, url.split("=")[1]!]) {
      expect(labelValues.filter((value) => value.includes(secret))).toEqual([]);
    }
    expect(samples.filter((sample) => !sample.name.startsWith("latch_"))).toEqual([]);
  } finally {
    await latch.stop();
    receiver.close();
  }
});
