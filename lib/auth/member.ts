import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db";
import { clientIp } from "../http/request-ip";
import { getSession, isActive } from "./session-cookie";
import type { WorkspaceScope } from "../scope";
import { isSessionLive } from "./sessions";
import { asRole, isAdmin, type Role } from "../members/roles";

export type MemberScope = WorkspaceScope & {
  userId: string;
  sessionId: string;
  email: string;
  role: Role;
  workspaceName: string;
};

/**
 * The signed-in member and the workspace they are working in, checked against the database on
 * every request: the session row (signed out, or ended by a password change, means out at
 * once, whoever holds a copy of the cookie) and the membership (a removed member stops at
 * once). Two primary-key reads side by side; layout and page share one check. Sends anyone
 * else to /login. A member whose workspace requires two-factor and who has not turned it on
 * may still use this for what turning it on needs (the Account page, the layout, signing out);
 * every other page and action goes through requireMember.
 */
export const requireMemberForAccount = cache(async function requireMemberForAccount(): Promise<
  MemberScope & { mustTurnOnTwoFactor: boolean }
> {
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
        user: { select: { email: true, totpEnabledAt: true } },
        workspace: { select: { name: true, requireTwoFactor: true } },
      },
    }),
  ]);
  if (!live || !membership) redirect("/login");
  return {
    sessionId: session.sessionId!,
    workspaceId: session.workspaceId!,
    userId: session.userId!,
    email: membership.user.email,
    role: asRole(membership.role),
    workspaceName: membership.workspace.name,
    actor: { type: "member", id: session.userId!, label: membership.user.email },
    ip: clientIp(await headers()),
    mustTurnOnTwoFactor: membership.workspace.requireTwoFactor && !membership.user.totpEnabledAt,
  };
});

/**
 * The signed-in member, as requireMemberForAccount checks them; one whose workspace requires
 * two-factor and who has not turned it on is sent to /account, which says so, from any page,
 * route or action (read on every request: an admin's switch takes effect at once).
 */
export const requireMember = cache(async function requireMember(): Promise<MemberScope> {
  const { mustTurnOnTwoFactor, ...member } = await requireMemberForAccount();
  if (mustTurnOnTwoFactor) redirect("/account");
  return member;
});

/**
 * The signed-in member, who must be an admin of the workspace: anyone else gets the 403 page
 * (app/forbidden.tsx), from a page, a route or a server action alike. The role is read on every
 * request, so a demotion takes effect at once, even for a form already on screen.
 */
export async function requireAdmin(): Promise<MemberScope> {
  const member = await requireMember();
  if (!isAdmin(member.role)) forbidden();
  return member;
}

/** Whether this browser's session is live (for /login, which sends signed-in members on). */
export async function hasLiveSession(): Promise<boolean> {
  const session = await getSession();
  return isActive(session) && (await isSessionLive(session.sessionId!, session.userId!));
}
