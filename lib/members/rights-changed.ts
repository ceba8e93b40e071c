import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "./roles";

/**
 * What goes with a change of someone's rights in a workspace, in the transaction making it:
 * their unused password-reset links (an admin's link was allowed for a Member, and may no longer
 * be), and, when they are no longer an admin there, the invites they sent that are still open
 * (an invite carries its sender's authority).
 */
export async function afterRightsChange(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  userId: string,
  newRole: Role | null,
): Promise<void> {
  await tx.passwordReset.deleteMany({ where: { userId } });
  if (newRole !== "admin") {
    await tx.invite.updateMany({
      where: { workspaceId, invitedById: userId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }
}
