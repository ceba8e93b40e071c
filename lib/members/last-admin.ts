import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { lockForTransaction } from "../db/dialect";

export const LAST_ADMIN =
  "A workspace needs at least one admin. Make another member an admin first.";

/**
 * Whether taking the admin role from `userId` would leave the workspace with no admin. Run
 * inside the transaction that makes the change, under the workspace's lock, so two admins
 * demoting each other at once cannot both succeed.
 */
export async function isLastAdmin(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  userId: string,
): Promise<boolean> {
  await lockForTransaction(tx, `admins:${workspaceId}`);
  const admins = await tx.membership.findMany({
    where: { workspaceId, role: "admin" },
    select: { userId: true },
    take: 2,
  });
  return admins.length === 1 && admins[0]!.userId === userId;
}
