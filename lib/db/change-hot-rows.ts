import "server-only";
import { getDb, type Db } from "../db";
import { getEnv } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { HOT_ROWS_CHANNEL } from "./change-feed";
import { getHotReads } from "./hot-reads";

/** What an interactive transaction hands its callback, secret columns omitted as everywhere. */
type Tx = Parameters<Extract<Parameters<Db["$transaction"]>[0], (...args: never[]) => unknown>>[0];

/**
 * Announces a change to an API key or a connection, the rows the hot reads remember
 * (lib/db/postgres-hot-reads.ts). Sent inside the changing transaction, PostgreSQL delivers it
 * at commit and only then, so no instance hears of a change it cannot read yet, nor of one
 * rolled back. SQLite needs none: `PRAGMA data_version` tells every connection.
 */
export async function notifyHotRows(
  tx: Pick<Prisma.TransactionClient, "$executeRaw">,
  what: "api_key" | "connection",
): Promise<void> {
  if (getEnv().databaseProvider !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_notify(${HOT_ROWS_CHANNEL}, ${what})`;
}

/**
 * A transaction that changes API keys or connections: announced to every instance, and
 * forgotten by this one as soon as it commits, before its own announcement comes back, so the
 * change holds on the very next request here too.
 */
export async function changeHotRows<T>(
  what: "api_key" | "connection",
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const result = await getDb().$transaction(async (tx) => {
    const value = await fn(tx);
    await notifyHotRows(tx, what);
    return value;
  });
  getHotReads().forget();
  return result;
}
