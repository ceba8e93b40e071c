import "server-only";
import { getIronSession, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import {
  ABSOLUTE_LIFETIME_MS,
  IDLE_LIFETIME_MS,
  createSessionRecord,
  endSessionRecord,
} from "./sessions";
import { getEnv } from "../env";

export { ABSOLUTE_LIFETIME_MS, IDLE_LIFETIME_MS };

/**
 * A member's sign-in, sealed into an httpOnly cookie by iron-session. The cookie alone opens
 * nothing: `sessionId` names a row (lib/auth/sessions.ts) that signing out, a password change or
 * a removal deletes, and every dashboard request checks it (lib/auth/member.ts).
 */
export type SessionData = {
  sessionId?: string;
  userId?: string;
  workspaceId?: string;
  /** When the member signed in (ms); the session ends ABSOLUTE_LIFETIME_MS later whatever happens. */
  issuedAt?: number;
  /** Last request seen (ms), refreshed by proxy.ts; IDLE_LIFETIME_MS without one ends the session. */
  lastSeenAt?: number;
};

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

/** True while a session's cookie is signed in and neither its idle nor its absolute lifetime has passed. */
export function isActive(session: SessionData, now = Date.now()): boolean {
  if (
    !session.sessionId ||
    !session.userId ||
    !session.workspaceId ||
    !session.issuedAt ||
    !session.lastSeenAt
  )
    return false;
  return (
    now - session.issuedAt < ABSOLUTE_LIFETIME_MS && now - session.lastSeenAt < IDLE_LIFETIME_MS
  );
}

/**
 * The session in the request's cookies. A cookie that is not a seal of ours (garbage, tampered
 * with, sealed with another secret, expired) means signed out: iron-session answers most of those
 * with an empty session but throws for some malformed ones ("Wrong mac prefix", "Invalid
 * expiration"), which would make every page that reads the session a 500, /login included, for
 * as long as the browser keeps the cookie.
 */
export async function getSession() {
  const store = await cookies();
  try {
    return await getIronSession<SessionData>(store, sessionOptions());
  } catch {
    // Read as if the cookie were absent; save() and destroy() still write to the real store.
    const withoutSeal = {
      get: (name: string) => (name === SESSION_COOKIE ? undefined : store.get(name)),
      set: store.set.bind(store),
    };
    return getIronSession<SessionData>(withoutSeal, sessionOptions());
  }
}

/**
 * The same for code that has the Request and Response instead of next/headers (proxy.ts): an
 * unreadable cookie means signed out, never a thrown error.
 */
export async function getRequestSession(request: Request, response: Response) {
  try {
    return await getIronSession<SessionData>(request, response, sessionOptions());
  } catch {
    const withoutCookies = new Request(request.url, { headers: { cookie: "" } });
    return getIronSession<SessionData>(withoutCookies, response, sessionOptions());
  }
}

/** Signs the browser in: a session row, and the cookie that names it. */
export async function startSession(
  userId: string,
  workspaceId: string,
  client: { ip: string | null; userAgent: string | null },
): Promise<void> {
  const session = await getSession();
  const now = Date.now();
  const sessionId = await createSessionRecord(userId, client, new Date(now));
  Object.assign(session, { sessionId, userId, workspaceId, issuedAt: now, lastSeenAt: now });
  await session.save();
}

/** Moves the signed-in member to another of their workspaces, keeping the session's lifetimes. */
export async function switchSessionWorkspace(workspaceId: string): Promise<void> {
  const session = await getSession();
  session.workspaceId = workspaceId;
  await session.save();
}

/** Signs out: the row goes first, so a copy of the cookie taken earlier opens nothing either. */
export async function endSession(): Promise<{ userId?: string; workspaceId?: string }> {
  const session = await getSession();
  const { sessionId, userId, workspaceId } = session;
  if (sessionId) await endSessionRecord(sessionId);
  session.destroy();
  return { userId, workspaceId };
}
