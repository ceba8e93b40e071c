import { showsConnected, submitFormOverHttp } from "./connect-over-http";
import { e2eSql } from "./db";
import { expect, test } from "./fixtures";
import { freshDatabase, prepareConnect, startInstance } from "./instances";

// Each test runs its own instance on its own database, so its load and its crash touch no one.
test.describe.configure({ timeout: 180_000 });

const apiKey = "latch_sk_resilience_0123456789abcdefghijklmnopq";
const instanceEnv = (databaseUrl: string) => ({
  DATABASE_URL: databaseUrl,
  ENCRYPTION_KEY: "cmVzaWxpZW5jZS1lbmNyeXB0aW9uLWtleS0zMi1ieXQ=",
  SESSION_SECRET: "resilience-session-secret-of-32-characters",
  INITIAL_API_KEY: apiKey,
  LOG_LEVEL: "warn",
});
const auth = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };

test("200 concurrent connect submissions: each connects or is told to wait, never a 5xx", async () => {
  const databaseUrl = await freshDatabase("load");
  const latch = await startInstance(instanceEnv(databaseUrl));
  try {
    const attempts = await Promise.all(
      Array.from({ length: 200 }, () => prepareConnect(latch.url, apiKey)),
    );
    const started = performance.now();
    const results = await Promise.all(
      attempts.map(async ({ url, values }) => {
        const { ms, html, response } = await submitFormOverHttp(url, values);
        return { ms, status: response.status, html };
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `200 concurrent connects: ${(200 / seconds).toFixed(1)} connects/s, p50 ${times[99]!.toFixed(0)} ms, p95 ${times[189]!.toFixed(0)} ms, max ${times[199]!.toFixed(0)} ms`,
    );
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    const unexpected = results.filter(
      (r) => r.status !== 429 && !showsConnected(r.html) && !/Too many attempts/.test(r.html),
    );
    expect(
      unexpected.map((r) => /role="alert"[^>]*>([^<]*)/.exec(r.html)?.[1] ?? `status ${r.status}`),
    ).toEqual([]);
    const [stored] = await e2eSql<{ count: number | string }>(
      `SELECT COUNT(*) AS "count" FROM "Connection"`,
      [],
      databaseUrl,
    );
    expect(Number(stored!.count)).toBe(results.filter((r) => showsConnected(r.html)).length);
  } finally {
    await latch.stop();
  }
});

test("kill -9 with 50 connects in flight: after a restart every stored connection opens, nothing is half-written", async () => {
  const databaseUrl = await freshDatabase("crash");
  const first = await startInstance(instanceEnv(databaseUrl));
  const attempts = await Promise.all(
    Array.from({ length: 50 }, () => prepareConnect(first.url, apiKey)),
  );
  const inFlight = attempts.map(({ url, values }) =>
    submitFormOverHttp(url, values).then(
      () => "answered",
      () => "cut off",
    ),
  );
  // Crash once some have been stored and others are still running.
  await expect
    .poll(
      async () =>
        Number(
          (
            await e2eSql<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "Connection"`, [], databaseUrl)
          )[0]!.n,
        ),
      { timeout: 30_000, intervals: [20] },
    )
    .toBeGreaterThan(0);
  await first.crash();
  const outcomes = await Promise.all(inFlight);
  expect(outcomes).toContain("cut off");

  const second = await startInstance(instanceEnv(databaseUrl));
  try {
    const rows = await e2eSql<{
      id: string;
      clientSecretSealed: string | null;
      accessTokenSealed: string | null;
    }>(`SELECT "id", "clientSecretSealed", "accessTokenSealed" FROM "Connection"`, [], databaseUrl);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.clientSecretSealed).toMatch(/^v1\./);
      expect(row.accessTokenSealed).toMatch(/^v1\./);
      const token = await fetch(`${second.url}/api/v1/connections/${row.id}/access-token`, {
        headers: auth,
      });
      expect(token.status).toBe(200);
      // Renewal opens the sealed client secret too.
      const tested = await fetch(`${second.url}/api/v1/connections/${row.id}/test`, {
        method: "POST",
        headers: auth,
      });
      expect((await tested.json()).status).toBe("healthy");
    }
    // A session is spent exactly when its connection exists: no connection without a spent
    // session, no spent session without its connection.
    const sessions = await e2eSql<{ connectionId: string | null }>(
      `SELECT "connectionId" FROM "ConnectSession" WHERE "connectionId" IS NOT NULL`,
      [],
      databaseUrl,
    );
    expect(sessions.map((s) => s.connectionId).sort()).toEqual(rows.map((r) => r.id).sort());
    if (databaseUrl.startsWith("file:")) {
      const check = await e2eSql<{ integrity_check: string }>(
        "PRAGMA integrity_check",
        [],
        databaseUrl,
      );
      expect(check).toEqual([{ integrity_check: "ok" }]);
    }
  } finally {
    await second.stop();
  }
});
