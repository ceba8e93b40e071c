import { describe, expect, it } from "vitest";
import type { ChangeFeed } from "./change-feed";
import { postgresHotReads } from "./postgres-hot-reads";

/**
 * The PostgreSQL memory's rules, against a pool whose answers the test releases one by one and a
 * feed it moves by hand: what is remembered, and when nothing may be.
 */

type Pending = { values: unknown[]; release: (row: Record<string, unknown> | null) => void };

function setup() {
  const pending: Pending[] = [];
  let queries = 0;
  const pool = {
    query: (query: { values: unknown[] }) => {
      queries += 1;
      return new Promise((resolve) => {
        pending.push({
          values: query.values,
          release: (row) => resolve({ rows: row ? [row] : [] }),
        });
      });
    },
  };
  const state = { generation: 1, listening: true };
  const feed: ChangeFeed = {
    generation: () => state.generation,
    listening: () => state.listening,
    changed: () => void (state.generation += 1),
    close: async () => undefined,
  };
  const reads = postgresHotReads(pool as never, feed);
  return { reads, pending, state, queries: () => queries };
}

const key = (revokedAt: Date | null) => ({
  id: "key_1",
  workspaceId: "ws_1",
  prefix: "latch_sk_abcd",
  revokedAt,
  lastUsedAt: null,
});

/** Reads the key through the pool, answering with `row`. */
async function readThrough(t: ReturnType<typeof setup>, row: ReturnType<typeof key>) {
  const answer = t.reads.apiKeyByHash("h");
  expect(answer).toBeInstanceOf(Promise);
  t.pending.shift()!.release(row);
  return answer;
}

describe("PostgreSQL hot reads", () => {
  it("answer a remembered row synchronously, without a query", async () => {
    const t = setup();
    await readThrough(t, key(null));
    expect(t.reads.apiKeyByHash("h")).toMatchObject({ id: "key_1", revokedAt: null });
    expect(t.queries()).toBe(1);
  });

  it("forget everything when the generation moves (a change was announced)", async () => {
    const t = setup();
    await readThrough(t, key(null));
    t.state.generation += 1;
    expect(await readThrough(t, key(new Date()))).toMatchObject({ revokedAt: expect.any(Date) });
  });

  it("do not remember a row read while an announcement arrived (it may predate the change)", async () => {
    const t = setup();
    const answer = t.reads.apiKeyByHash("h");
    // The change commits and is announced while the read is on its way back with the old row,
    // and another request (of a different key) comes in meanwhile.
    t.state.generation += 1;
    const other = t.reads.apiKeyByHash("other");
    t.pending.shift()!.release(key(null));
    expect(await answer).toMatchObject({ revokedAt: null });
    t.pending.shift()!.release(null);
    await other;
    expect(await readThrough(t, key(new Date()))).toMatchObject({ revokedAt: expect.any(Date) });
  });

  it("answer nothing from memory while the feed is down, and remember nothing read then", async () => {
    const t = setup();
    await readThrough(t, key(null));
    // Announcements are lost while nobody listens: a revocation now would go unheard.
    t.state.listening = false;
    expect(await readThrough(t, key(new Date()))).toMatchObject({ revokedAt: expect.any(Date) });
    expect(await readThrough(t, key(new Date()))).toMatchObject({ revokedAt: expect.any(Date) });
    // Back (the feed moves the generation as it listens again): remembered again.
    t.state.listening = true;
    t.state.generation += 1;
    await readThrough(t, key(new Date()));
    expect(t.reads.apiKeyByHash("h")).toMatchObject({ revokedAt: expect.any(Date) });
  });

  it("forget at once what this process changed itself, reads in flight included", async () => {
    const t = setup();
    await readThrough(t, key(null));
    const inFlight = t.reads.tokenRow("ws_1", "conn_1");
    t.reads.forget();
    t.pending.shift()!.release({ id: "conn_1", status: "healthy" });
    await inFlight;
    expect(t.reads.apiKeyByHash("h")).toBeInstanceOf(Promise);
    expect(t.reads.tokenRow("ws_1", "conn_1")).toBeInstanceOf(Promise);
  });

  it("read a fresh token row past the memory when asked", async () => {
    const t = setup();
    const first = t.reads.tokenRow("ws_1", "conn_1");
    t.pending.shift()!.release({ id: "conn_1", status: "healthy" });
    await first;
    expect(t.reads.tokenRow("ws_1", "conn_1")).toMatchObject({ status: "healthy" });
    const fresh = t.reads.tokenRow("ws_1", "conn_1", { fresh: true });
    expect(fresh).toBeInstanceOf(Promise);
    t.pending.shift()!.release({ id: "conn_1", status: "revoked" });
    expect(await fresh).toMatchObject({ status: "revoked" });
  });
});
