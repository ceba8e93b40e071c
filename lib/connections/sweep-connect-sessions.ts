import "server-only";
import { getDb } from "../db";
import { HOLDS_PENDING_CHOICE, NO_PENDING_CHOICE } from "./internal/pending-choice";

/**
 * How long an expired session is kept (without any secret) before the sweep deletes it: a week in
 * which an end user opening an old link reads "this link has expired" (or, spent, "connected")
 * rather than "this link is not valid". After that it goes, with the end user's id and e-mail.
 */
export const EXPIRED_SESSIONS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export type SweepResult = { erased: number; purged: number };

/**
 * Forgets what ended connect sessions hold (lib/jobs/connect-session-sweep.ts runs it): the
 * pending choice of every expired or spent one (an end user who stopped at the site picker left a
 * sealed client secret and token there), and the whole row once it expired more than
 * EXPIRED_SESSIONS_KEPT_MS ago. Idempotent, so several instances may run it at once.
 */
export async function sweepConnectSessions(now = new Date()): Promise<SweepResult> {
  const db = getDb();
  const erased = await db.connectSession.updateMany({
    where: {
      AND: [
        { OR: [{ expiresAt: { lte: now } }, { connectedAt: { not: null } }] },
        HOLDS_PENDING_CHOICE,
      ],
    },
    data: NO_PENDING_CHOICE,
  });
  const purged = await db.connectSession.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - EXPIRED_SESSIONS_KEPT_MS) } },
  });
  return { erased: erased.count, purged: purged.count };
}
