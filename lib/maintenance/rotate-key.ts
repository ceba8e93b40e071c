import "server-only";
import { open, seal, sealedKeyId, type Keyring, type SealContext } from "../crypto/seal";
import type { Db } from "../db";
import { notifyHotRows } from "../db/change-hot-rows";
import { totpSecretContext } from "../auth/two-factor/totp-secret";

/** One column holding sealed values, and how to page through it and swap one value. */
type SealedColumn = {
  name: string;
  /** Rows with a value in the column, by id, after `afterId`. */
  page: (
    db: Db,
    afterId: string,
    take: number,
  ) => Promise<{ id: string; sealed: string; context: SealContext }[]>;
  /** Replaces the value only if it is still `from` (the app may have written meanwhile). */
  swap: (db: Db, id: string, from: string, to: string) => Promise<boolean>;
};

const connectionColumn = (
  column: "clientSecretSealed" | "accessTokenSealed",
  purpose: SealContext["purpose"],
): SealedColumn => ({
  name: `Connection.${column}`,
  page: async (db, afterId, take) =>
    (
      await db.connection.findMany({
        where: { id: { gt: afterId }, [column]: { not: null } },
        select: { id: true, workspaceId: true, clientSecretSealed: true, accessTokenSealed: true },
        orderBy: { id: "asc" },
        take,
      })
    ).map((row) => ({
      id: row.id,
      sealed: row[column]!,
      context: { workspaceId: row.workspaceId, recordId: row.id, purpose },
    })),
  swap: async (db, id, from, to) =>
    (await db.connection.updateMany({ where: { id, [column]: from }, data: { [column]: to } }))
      .count === 1,
});

const sessionColumn = (
  column: "pendingSecretSealed" | "pendingTokenSealed",
  purpose: SealContext["purpose"],
): SealedColumn => ({
  name: `ConnectSession.${column}`,
  page: async (db, afterId, take) =>
    (
      await db.connectSession.findMany({
        where: { id: { gt: afterId }, [column]: { not: null } },
        select: {
          id: true,
          workspaceId: true,
          pendingSecretSealed: true,
          pendingTokenSealed: true,
        },
        orderBy: { id: "asc" },
        take,
      })
    ).map((row) => ({
      id: row.id,
      sealed: row[column]!,
      context: { workspaceId: row.workspaceId, recordId: row.id, purpose },
    })),
  swap: async (db, id, from, to) =>
    (await db.connectSession.updateMany({ where: { id, [column]: from }, data: { [column]: to } }))
      .count === 1,
});

/** Every column Latch seals (lib/db.ts omits the same ones from queries). */
export const SEALED_COLUMNS: SealedColumn[] = [
  connectionColumn("clientSecretSealed", "client_secret"),
  connectionColumn("accessTokenSealed", "access_token"),
  sessionColumn("pendingSecretSealed", "client_secret"),
  sessionColumn("pendingTokenSealed", "access_token"),
  {
    name: "Workspace.webhookSecretSealed",
    page: async (db, afterId, take) =>
      (
        await db.workspace.findMany({
          where: { id: { gt: afterId }, webhookSecretSealed: { not: null } },
          select: { id: true, webhookSecretSealed: true },
          orderBy: { id: "asc" },
          take,
        })
      ).map((row) => ({
        id: row.id,
        sealed: row.webhookSecretSealed!,
        context: { workspaceId: row.id, recordId: row.id, purpose: "webhook_secret" as const },
      })),
    swap: async (db, id, from, to) =>
      (
        await db.workspace.updateMany({
          where: { id, webhookSecretSealed: from },
          data: { webhookSecretSealed: to },
        })
      ).count === 1,
  },
  {
    name: "User.totpSecretSealed",
    page: async (db, afterId, take) =>
      (
        await db.user.findMany({
          where: { id: { gt: afterId }, totpSecretSealed: { not: null } },
          select: { id: true, totpSecretSealed: true },
          orderBy: { id: "asc" },
          take,
        })
      ).map((row) => ({
        id: row.id,
        sealed: row.totpSecretSealed!,
        context: totpSecretContext(row.id),
      })),
    swap: async (db, id, from, to) =>
      (
        await db.user.updateMany({
          where: { id, totpSecretSealed: from },
          data: { totpSecretSealed: to },
        })
      ).count === 1,
  },
];

export type RotationReport = {
  /** Re-sealed under the current key. */
  resealed: number;
  /** Already under the current key. */
  current: number;
  /** Changed by the running app while we worked (it seals with its own current key). */
  changedMeanwhile: number;
  /** Values neither the current nor the previous key opens: where, never what. */
  unreadable: { column: string; id: string }[];
  /** After the run: values still under another key than the current one, unreadable included. */
  remaining: number;
};

const PAGE = 200;

/**
 * Re-seals every secret and cached token under the keyring's current key, opening each with
 * whichever of the current and previous keys sealed it. Safe while Latch runs: each value is
 * swapped only if it is still what was read, and instances running with both keys read either.
 */
export async function rotateSealedValues(db: Db, keyring: Keyring): Promise<RotationReport> {
  const report: RotationReport = {
    resealed: 0,
    current: 0,
    changedMeanwhile: 0,
    unreadable: [],
    remaining: 0,
  };
  for (const column of SEALED_COLUMNS) {
    let afterId = "";
    for (;;) {
      const rows = await column.page(db, afterId, PAGE);
      if (rows.length === 0) break;
      afterId = rows.at(-1)!.id;
      for (const row of rows) {
        if (sealedKeyId(row.sealed) === keyring.current.id) {
          report.current += 1;
          continue;
        }
        let plaintext: string;
        try {
          plaintext = open(keyring, row.sealed, row.context);
        } catch {
          report.unreadable.push({ column: column.name, id: row.id });
          continue;
        }
        const swapped = await column.swap(
          db,
          row.id,
          row.sealed,
          seal(keyring, plaintext, row.context),
        );
        report[swapped ? "resealed" : "changedMeanwhile"] += 1;
      }
    }
  }
  // Running instances remember sealed tokens: they read the re-sealed ones (after the swaps
  // committed, so announced outside them).
  await notifyHotRows(db, "connection");
  // A value the app rewrote meanwhile may come from an instance still on the old key: the run
  // only counts as done when a last pass finds nothing under another key.
  report.remaining = await countNotUnder(db, keyring.current.id);
  return report;
}

async function countNotUnder(db: Db, keyId: string): Promise<number> {
  let count = 0;
  for (const column of SEALED_COLUMNS) {
    for (let afterId = ""; ;) {
      const rows = await column.page(db, afterId, PAGE);
      if (rows.length === 0) break;
      afterId = rows.at(-1)!.id;
      count += rows.filter((row) => sealedKeyId(row.sealed) !== keyId).length;
    }
  }
  return count;
}
