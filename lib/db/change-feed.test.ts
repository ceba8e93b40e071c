import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openTestDatabase, testPostgresUrl } from "../../testing/test-db";

/**
 * The change feed against a real PostgreSQL: announcements move the generation, and a killed
 * LISTEN connection stops the memory being trusted until it is back and re-synced.
 */

const POSTGRES = Boolean(testPostgresUrl());
let url: string;
let admin: pg.Client;
let feedModule: typeof import("./change-feed");
let readsModule: typeof import("./postgres-hot-reads");

beforeAll(async () => {
  if (!POSTGRES) return;
  url = (await openTestDatabase()).url!;
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  feedModule = await import("./change-feed");
  readsModule = await import("./postgres-hot-reads");
});

afterAll(async () => {
  await admin?.end();
});

/** The backend pid of the feed's LISTEN connection (application_name says which it is). */
async function listenerPids(): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'latch-change-feed'`,
  );
  return rows.map((row) => row.pid);
}

describe.skipIf(!POSTGRES)("change feed", () => {
  it("moves the generation when a change commits, not before", async () => {
    const feed = feedModule.listenForChanges(url);
    try {
      await vi.waitFor(() => expect(feed.listening()).toBe(true));
      const before = feed.generation();
      await admin.query("BEGIN");
      await admin.query(`SELECT pg_notify('latch_hot_rows', 'api_key')`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(feed.generation()).toBe(before);
      await admin.query("COMMIT");
      await vi.waitFor(() => expect(feed.generation()).toBeGreaterThan(before), { timeout: 100 });
    } finally {
      await feed.close();
    }
  });

  it("stops trusting the memory when its connection is killed, until it listens again", async () => {
    const feed = feedModule.listenForChanges(url, { retryMinMs: 1_000 });
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const reads = readsModule.postgresHotReads(pool, feed);
    try {
      await admin.query(
        `INSERT INTO "Workspace" ("id", "name", "createdAt", "updatedAt") VALUES ('ws_feed', 'Feed', now(), now())`,
      );
      await admin.query(
        `INSERT INTO "ApiKey" ("id", "workspaceId", "name", "prefix", "hash", "createdAt")
         VALUES ('key_feed', 'ws_feed', 'k', 'latch_sk_feed', 'hash-feed', now())`,
      );
      await vi.waitFor(async () => {
        const first = await reads.apiKeyByHash("hash-feed");
        expect(reads.apiKeyByHash("hash-feed")).toBe(first);
      });
      const [pid] = await listenerPids();
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      await vi.waitFor(() => expect(feed.listening()).toBe(false));
      // Revoked while nobody listens: the announcement is lost, the read still sees it.
      await admin.query(`UPDATE "ApiKey" SET "revokedAt" = now() WHERE "id" = 'key_feed'`);
      expect((await reads.apiKeyByHash("hash-feed"))?.revokedAt).toBeInstanceOf(Date);
      expect(reads.apiKeyByHash("hash-feed")).toBeInstanceOf(Promise);
      expect(feed.listening()).toBe(false);
      // Back after the backoff, on a new connection: remembered again, announcements heard.
      await vi.waitFor(() => expect(feed.listening()).toBe(true), { timeout: 5_000 });
      expect(await listenerPids()).not.toContain(pid);
      await vi.waitFor(async () => {
        const first = await reads.apiKeyByHash("hash-feed");
        expect(reads.apiKeyByHash("hash-feed")).toBe(first);
      });
      const before = feed.generation();
      await admin.query(`SELECT pg_notify('latch_hot_rows', 'api_key')`);
      await vi.waitFor(() => expect(feed.generation()).toBeGreaterThan(before), { timeout: 100 });
    } finally {
      await feed.close();
      await pool.end();
    }
  });
});
