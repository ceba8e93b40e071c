import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db";
import { clientIp } from "../http/request-ip";
import { getSession, isActive } from "./session-cookie";
import type { WorkspaceScope } from "../scope";
import { isSessionLive } from "./sessions";

export type MemberScope = WorkspaceScope & {
  userId: string;
  sessionId: string;
  email: string;
  role: string;
  workspaceName: string;
};

/**
 * The signed-in member and the workspace they are working in, checked against the database on
 * every request: the session row (signed out, or ended by a password change, means out at
 * once, whoever holds a copy of the cookie) and the membership (a removed member stops at
 * once). Two primary-key reads side by side; layout and page share one check. Sends anyone
 * else to /login.
 */
export const requireMember = cache(async function requireMember(): Promise<MemberScope> {
  const session = await getSession();
  if (!isActive(session)) redirect("/login");
  const [live, membership] = await Promise.all([
    isSessionLive(session.sessionId!, session.userId!),
    getDb().membership.findUnique({
      where: {
        userId_workspaceId: { userId: session.userId!, workspaceId: session.workspaceId! },
      },
      select: {
        role: true,
        user: { select: { email: true } },
        workspace: { select: { name: true } },
      },
    }),
  ]);
  if (!live || !membership) redirect("/login");
  return {
    sessionId: session.sessionId!,
    workspaceId: session.workspaceId!,
    userId: session.userId!,
    email: membership.user.email,
    role: membership.role,
    workspaceName: membership.workspace.name,
    actor: { type: "member", id: session.userId!, label: membership.user.email },
    ip: clientIp(await headers()),
  };
});

/** Whether this browser's session is live (for /login, which sends signed-in members on). */
export async function hasLiveSession(): Promise<boolean> {
  const session = await getSession();
  return isActive(session) && (await isSessionLive(session.sessionId!, session.userId!));
}
