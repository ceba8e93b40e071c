import "server-only";
import { getDb } from "../../db";
import type { MemberScope } from "../member";

/** Forgets a secret that was shown but never confirmed; one in use is left alone. */
export async function cancelTwoFactorSetup(member: MemberScope): Promise<void> {
  await getDb().user.updateMany({
    where: { id: member.userId, totpEnabledAt: null },
    data: { totpSecretSealed: null, totpLastStep: null },
  });
}
