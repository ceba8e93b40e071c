import "server-only";
import { recordAudit } from "../audit/record";
import type { MemberScope } from "../auth/member";
import { getDb } from "../db";
import { inWorkspace } from "../scope";

/** Ends an open invite: its link stops working at once. False if there was none to end. */
export async function revokeInvite(admin: MemberScope, inviteId: string): Promise<boolean> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const { count } = await tx.invite.updateMany({
      where: { ...inWorkspace(admin), id: inviteId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count !== 1) return false;
    await recordAudit(
      admin,
      { action: "member.invite_revoked", target: { type: "invite", id: inviteId } },
      tx,
    );
    return true;
  });
}
