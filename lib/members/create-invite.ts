import "server-only";
import { recordAudit } from "../audit/record";
import type { MemberScope } from "../auth/member";
import { getDb } from "../db";
import { getEnv } from "../env";
import { newId } from "../ids";
import { inWorkspace } from "../scope";
import { INVITE_TOKEN_PREFIX, newLinkToken } from "./one-time-link";
import type { Role } from "./roles";

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type CreateInviteResult =
  { ok: true; inviteId: string; link: string; expiresAt: Date } | { ok: false; message: string };

/**
 * An admin invites someone by e-mail: a one-time link, shown once (there is no mail server, the
 * admin sends it). A new invite for the same e-mail replaces the open one, so only the latest
 * link works.
 */
export async function createInvite(
  admin: MemberScope,
  input: { email: string; role: Role },
  now = new Date(),
): Promise<CreateInviteResult> {
  const email = input.email.trim().toLowerCase();
  const db = getDb();
  const existing = await db.membership.findFirst({
    where: { ...inWorkspace(admin), user: { email } },
    select: { role: true },
  });
  if (existing) {
    return { ok: false, message: `${email} is already a member of this workspace.` };
  }
  const { token, tokenHash } = newLinkToken(INVITE_TOKEN_PREFIX);
  const inviteId = newId("inv");
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  await db.$transaction(async (tx) => {
    await tx.invite.updateMany({
      where: { ...inWorkspace(admin), email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.invite.create({
      data: {
        id: inviteId,
        workspaceId: admin.workspaceId,
        email,
        role: input.role,
        tokenHash,
        invitedById: admin.userId,
        createdAt: now,
        expiresAt,
      },
    });
    await recordAudit(
      admin,
      {
        action: "member.invited",
        target: { type: "invite", id: inviteId },
        details: { email, role: input.role },
      },
      tx,
    );
  });
  return { ok: true, inviteId, link: `${getEnv().PUBLIC_URL}/invite/${token}`, expiresAt };
}
