import "server-only";
import { getDb } from "../db";
import { INVITE_TOKEN_PREFIX, linkTokenHash } from "./one-time-link";
import { asRole, type Role } from "./roles";

export type OpenInvite = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: Role;
  expiresAt: Date;
  /** The e-mail has an account already: it joins with that account's password. */
  hasAccount: boolean;
};

export const INVITE_INVALID =
  "This invite link does not work: it was used already, revoked, or is older than 7 days. Ask an admin of the workspace for a new one.";

/** The open invite a link carries, or null when it is used, revoked, expired or not ours. */
export async function findOpenInvite(
  token: string | null | undefined,
  now = new Date(),
): Promise<OpenInvite | null> {
  const tokenHash = linkTokenHash(token, INVITE_TOKEN_PREFIX);
  if (!tokenHash) return null;
  const db = getDb();
  const invite = await db.invite.findUnique({
    where: { tokenHash },
    include: { workspace: { select: { name: true } } },
  });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= now) return null;
  const account = await db.user.findUnique({
    where: { email: invite.email },
    select: { id: true },
  });
  return {
    id: invite.id,
    workspaceId: invite.workspaceId,
    workspaceName: invite.workspace.name,
    email: invite.email,
    role: asRole(invite.role),
    expiresAt: invite.expiresAt,
    hasAccount: account !== null,
  };
}
