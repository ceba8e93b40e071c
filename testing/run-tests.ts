/**
 * `npm test`: the unit and browser suites on SQLite, then both again on PostgreSQL.
 *
 * PostgreSQL is LATCH_TEST_POSTGRES_URL (a URL to any database on the server; each run makes
 * throwaway databases beside it), or else postgresql://postgres@127.0.0.1:5432/postgres when
 * something answers there. Without one the PostgreSQL pass is skipped, and says so; under
 * CI=true a missing PostgreSQL is a failure instead.
 */
import { spawnSync } from "node:child_process";
import pg from "pg";

const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function run(label: string, script: string, env: Record<string, string> = {}) {
  console.log(`\n━━ ${label} ━━\n`);
  const result = spawnSync("npm", ["run", "--silent", script], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed.`);
    process.exit(result.status ?? 1);
  }
}

async function main() {
  const postgresUrl = process.env.LATCH_TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
  const postgres = (await reachable(postgresUrl)) ? postgresUrl : null;
  const withoutPostgres = { LATCH_TEST_POSTGRES_URL: "" };
  const withPostgres = { LATCH_TEST_POSTGRES_URL: postgres ?? "", E2E_SKIP_BUILD: "1" };

  run("Unit tests · SQLite", "test:unit", withoutPostgres);
  if (postgres) run("Unit tests · PostgreSQL", "test:unit", withPostgres);
  run("Browser tests · SQLite", "test:e2e", withoutPostgres);
  if (postgres) run("Browser tests · PostgreSQL", "test:e2e", withPostgres);

  if (!postgres) {
    const message = `The PostgreSQL suite was SKIPPED: nothing answered at ${postgresUrl.replace(/\/\/[^@/]*@/, "//")}.
To run it, start PostgreSQL and set LATCH_TEST_POSTGRES_URL to a URL of any database on it
(the user must be allowed to create databases), e.g.
  LATCH_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres npm test`;
    if (process.env.CI === "true") {
      console.error(`\n✗ ${message}\nUnder CI=true this is a failure.`);
      process.exit(1);
    }
    console.warn(`\n⚠ ${message}`);
    return;
  }
  console.log("\n✓ All suites passed on SQLite and PostgreSQL.");
}

void main();
