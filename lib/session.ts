import "server-only";
import { getIronSession, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import { getEnv } from "./env";

/** A member's sign-in, sealed into an httpOnly cookie by iron-session. */
export type SessionData = {
  userId?: string;
  workspaceId?: string;
  /** When the member signed in (ms); the session ends ABSOLUTE_LIFETIME_MS later whatever happens. */
  issuedAt?: number;
  /** Last request seen (ms), refreshed by proxy.ts; IDLE_LIFETIME_MS without one ends the session. */
  lastSeenAt?: number;
};

export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const IDLE_LIFETIME_MS = 2 * 60 * 60 * 1000;
export const SESSION_COOKIE = "latch_session";

export function sessionOptions(): SessionOptions {
  const env = getEnv();
  return {
    cookieName: SESSION_COOKIE,
    password: env.SESSION_SECRET,
    ttl: ABSOLUTE_LIFETIME_MS / 1000,
    cookieOptions: {
      httpOnly: true,
      sameSite: "lax",
      secure: env.PUBLIC_URL.startsWith("https://"),
      path: "/",
    },
  };
}

/** True while a session is signed in and neither its idle nor its absolute lifetime has passed. */
export function isActive(session: SessionData, now = Date.now()): boolean {
  if (!session.userId || !session.workspaceId || !session.issuedAt || !session.lastSeenAt)
    return false;
  return (
    now - session.issuedAt < ABSOLUTE_LIFETIME_MS && now - session.lastSeenAt < IDLE_LIFETIME_MS
  );
}

export async function getSession() {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}

export async function startSession(userId: string, workspaceId: string): Promise<void> {
  const session = await getSession();
  const now = Date.now();
  Object.assign(session, { userId, workspaceId, issuedAt: now, lastSeenAt: now });
  await session.save();
}

/** Moves the signed-in member to another of their workspaces, keeping the session's lifetimes. */
export async function switchSessionWorkspace(workspaceId: string): Promise<void> {
  const session = await getSession();
  session.workspaceId = workspaceId;
  await session.save();
}

export async function endSession(): Promise<void> {
  (await getSession()).destroy();
}
