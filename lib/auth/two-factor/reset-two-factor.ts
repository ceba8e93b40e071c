import "server-only";
import { recordAudit } from "../../audit/record";
import type { Db } from "../../db";

/**
 * The operator's way back in for a member who lost both their phone and their recovery codes
 * (`npm run latch -- reset-two-factor EMAIL`): two-factor off, secret and codes gone, recorded
 * in each of the member's workspaces. Their password still applies; a workspace that requires
 * two-factor holds them at /account until they turn it on again.
 */
export async function resetTwoFactor(db: Db, email: string): Promise<"reset" | "off" | "unknown"> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, memberships: { select: { workspaceId: true } } },
  });
  if (!user) return "unknown";
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpSecretSealed: { not: null } },
      data: { totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    if (count === 0) return "off";
    const actor = { type: "system" as const, id: null, label: "operator (reset-two-factor)" };
    for (const { workspaceId } of user.memberships) {
      await recordAudit(
        { workspaceId, actor, ip: null },
        {
          action: "member.two_factor_disabled",
          target: { type: "member", id: user.id },
          details: { by: "operator", email: user.email },
        },
        tx,
      );
    }
    return "reset";
  });
}
