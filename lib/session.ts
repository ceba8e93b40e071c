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
