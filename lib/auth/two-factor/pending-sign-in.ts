import "server-only";
import { sealData, unsealData } from "iron-session";
import { cookies } from "next/headers";
import { getEnv } from "../../env";
import { sha256 } from "../../ids";

/**
 * A sign-in whose password was right, waiting for its second step: sealed by iron-session into
 * an httpOnly cookie that lives 5 minutes and only on /login. The code step trusts the user id
 * in it only because the seal is ours; it is also bound to the password hash of the moment, so
 * a password changed meanwhile voids it. It opens nothing by itself: lib/auth/member.ts wants a
 * session, which starts only after the code (lib/auth/two-factor/verify-second-factor.ts).
 */
export const PENDING_SIGN_IN_COOKIE = "latch_pending_sign_in";
export const PENDING_SIGN_IN_TTL_SECONDS = 5 * 60;

export type PendingSignIn = {
  kind: "pending_sign_in";
  userId: string;
  workspaceId: string;
  passwordTag: string;
  issuedAt: number;
};

/** Stands for a password hash in the cookie: the hash itself never leaves the server. */
export function passwordTagOf(passwordHash: string): string {
  return sha256(`latch-pending-sign-in\0${passwordHash}`);
}

function sealOptions() {
  return { password: getEnv().SESSION_SECRET, ttl: PENDING_SIGN_IN_TTL_SECONDS };
}

export async function startPendingSignIn(
  pending: Omit<PendingSignIn, "kind" | "issuedAt">,
): Promise<void> {
  const data: PendingSignIn = { ...pending, kind: "pending_sign_in", issuedAt: Date.now() };
  (await cookies()).set(PENDING_SIGN_IN_COOKIE, await sealData(data, sealOptions()), {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().PUBLIC_URL.startsWith("https://"),
    path: "/login",
    maxAge: PENDING_SIGN_IN_TTL_SECONDS,
  });
}

/** The pending sign-in in this browser, or null (none, expired, forged or unreadable). */
export async function readPendingSignIn(now = Date.now()): Promise<PendingSignIn | null> {
  const value = (await cookies()).get(PENDING_SIGN_IN_COOKIE)?.value;
  if (!value) return null;
  try {
    const data = await unsealData<Partial<PendingSignIn>>(value, sealOptions());
    const fresh =
      typeof data.issuedAt === "number" && now - data.issuedAt < PENDING_SIGN_IN_TTL_SECONDS * 1000;
    if (data.kind !== "pending_sign_in" || !fresh) return null;
    if (!data.userId || !data.workspaceId || !data.passwordTag) return null;
    return data as PendingSignIn;
  } catch {
    return null;
  }
}

export async function endPendingSignIn(): Promise<void> {
  (await cookies()).delete({ name: PENDING_SIGN_IN_COOKIE, path: "/login" });
}
