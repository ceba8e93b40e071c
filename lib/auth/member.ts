import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db";
import { clientIp } from "../request-ip";
import { getSession, isActive } from "../session";
import type { WorkspaceScope } from "./actor";

export type MemberScope = WorkspaceScope & {
  userId: string;
  email: string;
  role: string;
  workspaceName: string;
};

/**
 * The signed-in member and the workspace they are working in, checked against the database on
 * every request (a removed membership stops working at once; layout and page share one check).
 * Sends anyone else to /login.
 */
export const requireMember = cache(async function requireMember(): Promise<MemberScope> {
  const session = await getSession();
  if (!isActive(session)) redirect("/login");
  const membership = await getDb().membership.findUnique({
    where: { userId_workspaceId: { userId: session.userId!, workspaceId: session.workspaceId! } },
    select: {
      role: true,
      user: { select: { email: true } },
      workspace: { select: { name: true } },
    },
  });
  if (!membership) redirect("/login");
  return {
    workspaceId: session.workspaceId!,
    userId: session.userId!,
    email: membership.user.email,
    role: membership.role,
    workspaceName: membership.workspace.name,
    actor: { type: "member", id: session.userId!, label: membership.user.email },
    ip: clientIp(await headers()),
  };
});
