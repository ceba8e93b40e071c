import "server-only";
import type { MemberScope } from "../auth/member";
import { getDb } from "../db";
import { inWorkspace } from "../scope";
import { asRole, type Role } from "./roles";

export type MemberSummary = {
  userId: string;
  email: string;
  role: Role;
  joinedAt: Date;
  lastSignInAt: Date | null;
  twoFactor: boolean;
  /** Whether the viewing admin may issue this member a password reset link. */
  resettable: boolean;
};

export type InviteSummary = {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
};

/** The workspace's members, oldest first, and its open invites, newest first. */
export async function listMembers(
  scope: MemberScope,
  now = new Date(),
): Promise<{ members: MemberSummary[]; invites: InviteSummary[] }> {
  const db = getDb();
  const [memberships, invites, administered] = await Promise.all([
    db.membership.findMany({
      where: inWorkspace(scope),
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        createdAt: true,
        user: {
          select: {
            id: true,
            email: true,
            lastSignInAt: true,
            totpEnabledAt: true,
            memberships: { select: { workspaceId: true, role: true } },
          },
        },
      },
    }),
    db.invite.findMany({
      where: { ...inWorkspace(scope), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    }),
    administeredWorkspaces(scope.userId),
  ]);
  return {
    members: memberships.map(({ role, createdAt, user }) => ({
      userId: user.id,
      email: user.email,
      role: asRole(role),
      joinedAt: createdAt,
      lastSignInAt: user.lastSignInAt,
      twoFactor: user.totpEnabledAt !== null,
      resettable: user.id !== scope.userId && canIssueReset(administered, user.memberships),
    })),
    invites: invites.map((invite) => ({ ...invite, role: asRole(invite.role) })),
  };
}

export async function administeredWorkspaces(userId: string): Promise<Set<string>> {
  const rows = await getDb().membership.findMany({
    where: { userId, role: "admin" },
    select: { workspaceId: true },
  });
  return new Set(rows.map((row) => row.workspaceId));
}

/**
 * An admin may reset the password of someone who is a Member everywhere they belong, and only
 * in workspaces this admin administers: otherwise a reset would hand this admin an account
 * that is an admin elsewhere, or reaches workspaces they have no say in.
 */
export function canIssueReset(
  administered: Set<string>,
  memberships: { workspaceId: string; role: string }[],
): boolean {
  return memberships.every(
    (membership) => membership.role !== "admin" && administered.has(membership.workspaceId),
  );
}
