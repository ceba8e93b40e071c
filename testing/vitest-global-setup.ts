import { randomBytes } from "node:crypto";
import pg from "pg";
import { testDatabasePrefix, testPostgresUrl } from "./test-db";

/**
 * With PostgreSQL, every test file creates a throwaway database (testing/test-db.ts); they
 * are named after this run and dropped when it ends.
 */
export default function setup() {
  process.env.LATCH_TEST_RUN ??= randomBytes(4).toString("hex");
  const serverUrl = testPostgresUrl();
  if (!serverUrl) return;
  return async function teardown() {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
        [testDatabasePrefix()],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  };
}
