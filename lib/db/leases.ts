import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "../db";

/** This process, as a lease holder. */
const PROCESS_ID: string = randomUUID();

/**
 * Takes the named lease for `ms` unless another holder has it and it has not expired. One
 * statement, so two processes racing for it cannot both win, on SQLite or PostgreSQL.
 */
export async function tryAcquireLease(
  name: string,
  ms: number,
  holder = PROCESS_ID,
): Promise<boolean> {
  const now = Date.now();
  const taken = await getDb().$executeRaw`
    INSERT INTO "Lease" ("name", "holder", "expiresAtMs") VALUES (${name}, ${holder}, ${now + ms})
    ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAtMs" = excluded."expiresAtMs"
    WHERE "Lease"."expiresAtMs" <= ${now} OR "Lease"."holder" = ${holder}`;
  return taken === 1;
}

export async function releaseLease(name: string, holder = PROCESS_ID): Promise<void> {
  await getDb().lease.deleteMany({ where: { name, holder } });
}
