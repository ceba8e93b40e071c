/**
 * Gives the e2e app an empty database before it starts: the SQLite directory is removed by the
 * web server command; a PostgreSQL database (LATCH_TEST_POSTGRES_URL) is dropped and recreated.
 */
import pg from "pg";
import { E2E } from "./env";

async function main() {
  if (!E2E.postgresUrl) return;
  const name = new URL(E2E.postgresUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.LATCH_TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
