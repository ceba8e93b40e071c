import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";

export const CHECKS_KEPT = 30;

export type CheckTrigger = "test" | "scheduled" | "renewal";

/** Records one live check of a connection and forgets all but the last CHECKS_KEPT. */
export async function recordCheck(
  tx: Pick<Prisma.TransactionClient, "connectionCheck">,
  check: {
    connectionId: string;
    trigger: CheckTrigger;
    outcome: "healthy" | "failing";
    errorCode: string | null;
    durationMs: number;
  },
): Promise<void> {
  await tx.connectionCheck.create({
    data: { id: newId("chk"), ...check, durationMs: Math.round(check.durationMs) },
  });
  const stale = await tx.connectionCheck.findMany({
    where: { connectionId: check.connectionId },
    orderBy: { checkedAt: "desc" },
    skip: CHECKS_KEPT,
    select: { id: true },
  });
  if (stale.length) {
    await tx.connectionCheck.deleteMany({ where: { id: { in: stale.map((row) => row.id) } } });
  }
}
