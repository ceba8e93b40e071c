import fs from "node:fs";
import path from "node:path";
import { submitConnectForm } from "./connect-over-http";
import { e2eSql } from "./db";
import { E2E } from "./env";
import { expect, signIn, site, test } from "./fixtures";
import { freshDatabase, startInstance, type Instance } from "./instances";

// Two instances behind one database, as README "Scaling out" describes: on PostgreSQL in the
// suite's PostgreSQL pass, on one SQLite file in its SQLite pass.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const apiKey = "latch_sk_pair_0123456789abcdefghijklmnopqrstuvw";
const admin = { email: "pair@example.com", password: "pair-password-long" };
const migrationsDir = E2E.postgresUrl ? "prisma/postgresql/migrations" : "prisma/migrations";

let databaseUrl: string;
let a: Instance;
let b: Instance;

test.beforeAll(async () => {
  databaseUrl = await freshDatabase("pair");
  const env = {
    DATABASE_URL: databaseUrl,
    ENCRYPTION_KEY: "cGFpci1lbmNyeXB0aW9uLWtleS1vZi0zMi1ieXRlcyE=",
    SESSION_SECRET: "pair-session-secret-of-at-least-32-characters",
    INITIAL_WORKSPACE_NAME: "Pair",
    INITIAL_ADMIN_EMAIL: admin.email,
    INITIAL_ADMIN_PASSWORD: admin.password,
    INITIAL_API_KEY: apiKey,
    // The shortest allowed: each instance runs a round every 10 s.
    HEALTH_CHECK_INTERVAL: "1m",
  };
  // Started together on an empty database: both race to migrate and to apply INITIAL_*.
  [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const sql = <T>(text: string, values: unknown[] = []) => e2eSql<T>(text, values, databaseUrl);
const authorized = { authorization: `Bearer ${apiKey}` };

test("instances started together migrate once and apply the first-run settings once", async () => {
  const migrations = fs
    .readdirSync(migrationsDir)
    .filter((name) => fs.existsSync(path.join(migrationsDir, name, "migration.sql")));
  expect(await sql(`SELECT "migration_name" FROM "_prisma_migrations"`)).toHaveLength(
    migrations.length,
  );
  const migrated = [a, b].filter((instance) =>
    instance.logs().some((line) => line.msg === "Applied database migrations"),
  );
  expect(migrated).toHaveLength(1);
  expect(await sql(`SELECT "name" FROM "Workspace"`)).toEqual([{ name: "Pair" }]);
});

test("a connection made on one instance, a session and a token renewal shared by both", async ({
  page,
  credential,
  request,
}) => {
  const cred = await credential({ sites: [site("Pair Site", "pairsite")] });
  const session = await (
    await fetch(`${a.url}/api/v1/connect-sessions`, {
      method: "POST",
      headers: { ...authorized, "content-type": "application/json" },
      body: JSON.stringify({ end_user: { id: "pair-user" } }),
    })
  ).json();
  expect((await submitConnectForm(session.connect_url, { subdomain: "", ...cred })).connected).toBe(
    true,
  );
  const { data } = await (
    await fetch(`${b.url}/api/v1/connections`, { headers: authorized })
  ).json();
  const id = data[0].id as string;

  // Signed in on A, the same cookie is a session on B (cookies ignore the port).
  await signIn(page, admin.email, admin.password, a.url);
  await page.goto(`${b.url}/connections`);
  await expect(page).toHaveURL(`${b.url}/connections`);
  await expect(page.getByRole("row").filter({ hasText: "pair-user" })).toBeVisible();

  // 100 callers on an expired token, half on each instance: one exchange between them.
  await sql(`UPDATE "Connection" SET "accessTokenExpiresAt" = $1 WHERE "id" = $2`, [
    "2000-01-01T00:00:00.000+00:00",
    id,
  ]);
  const exchanges = async () =>
    (
      (await (await request.get(`${E2E.fakeUrl}/__fake/stats`)).json()) as {
        token_requests: { clientId: string }[];
      }
    ).token_requests.filter((entry) => entry.clientId === cred.clientId).length;
  const before = await exchanges();
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      fetch(`${(i % 2 ? a : b).url}/api/v1/connections/${id}/access-token`, {
        headers: authorized,
      }).then(async (response) => ({ status: response.status, body: await response.json() })),
    ),
  );
  expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(200));
  expect(new Set(answers.map((answer) => answer.body.access_token)).size).toBe(1);
  expect((await exchanges()) - before).toBe(1);
});

test("a due connection gets one scheduled check, though both instances run rounds", async () => {
  const [row] = await sql<{ id: string }>(`SELECT "id" FROM "Connection"`);
  const scheduled = async () =>
    (
      await sql(
        `SELECT "id" FROM "ConnectionCheck" WHERE "connectionId" = $1 AND "trigger" = 'scheduled'`,
        [row!.id],
      )
    ).length;
  const start = await scheduled();
  // Last checked long ago: due now. The next round on either instance (every 10 s) checks it,
  // and after that it is not due again for about a minute.
  await sql(`UPDATE "Connection" SET "lastCheckedAt" = $1 WHERE "id" = $2`, [
    "2000-01-01T00:00:00.000+00:00",
    row!.id,
  ]);
  await expect.poll(scheduled, { timeout: 20_000 }).toBe(start + 1);
  // Long enough for both instances to run another round: neither checks it again.
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  expect(await scheduled()).toBe(start + 1);
  const roundsRun = [a, b].map(
    (instance) => instance.logs().filter((line) => line.msg === "health check round").length,
  );
  expect(roundsRun.every((count) => count > 0)).toBe(true);
});
