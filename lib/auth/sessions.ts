import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "../db";

/** How long a session lives, signed in or idle; the cookie's own timers say the same. */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const IDLE_LIFETIME_MS = 2 * 60 * 60 * 1000;
// The row's lastSeenAt is written at most this often: one write per member per few minutes.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** Records a new signed-in browser and returns the id its cookie carries. */
export async function createSessionRecord(
  userId: string,
  client: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const db = getDb();
  // The member's ended sessions are swept as a new one starts: the table stays small.
  await db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  // The members page's "last sign-in": every new session is one.
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: now } });
  await db.session.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    },
  });
  return id;
}

/**
 * Whether the session is still live on the server: not signed out, not ended by a password
 * change or removal, not past its lifetimes. One primary-key read; the idle timer is written
 * back only every few minutes.
 */
export async function isSessionLive(
  id: string,
  userId: string,
  now = new Date(),
): Promise<boolean> {
  const db = getDb();
  const row = await db.session.findUnique({
    where: { id },
    select: { userId: true, lastSeenAt: true, expiresAt: true },
  });
  if (!row || row.userId !== userId || row.expiresAt <= now) return false;
  const idle = now.getTime() - row.lastSeenAt.getTime();
  if (idle >= IDLE_LIFETIME_MS) return false;
  if (idle > TOUCH_AFTER_MS) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  return true;
}

export async function endSessionRecord(id: string): Promise<void> {
  await getDb().session.deleteMany({ where: { id } });
}

/** A member's live sessions, newest first (for /account). */
export async function listSessionRecords(userId: string, now = new Date()) {
  return getDb().session.findMany({
    where: {
      userId,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - IDLE_LIFETIME_MS) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
}

/** Ends one of the member's own sessions; false if it was not theirs or had ended. */
export async function endOwnSessionRecord(userId: string, id: string): Promise<boolean> {
  return (await getDb().session.deleteMany({ where: { id, userId } })).count === 1;
}

/** Ends every session of the member except `keepId` (the one making the change), if given. */
export async function endOtherSessions(userId: string, keepId?: string): Promise<number> {
  const { count } = await getDb().session.deleteMany({
    where: { userId, ...(keepId ? { id: { not: keepId } } : {}) },
  });
  return count;
}
