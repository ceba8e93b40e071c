import "server-only";
import type { MemberScope } from "../auth/member";
import { getDb } from "../db";
import { own } from "./internal/workspace-row";

/** Whether the workspace requires two-factor, and whether the admin looking has it on. */
export async function getTwoFactorRequirement(admin: MemberScope) {
  const [workspace, self, without] = await Promise.all([
    getDb().workspace.findUniqueOrThrow({ where: own(admin), select: { requireTwoFactor: true } }),
    getDb().user.findUniqueOrThrow({
      where: { id: admin.userId },
      select: { totpEnabledAt: true },
    }),
    getDb().membership.count({
      where: { workspaceId: admin.workspaceId, user: { totpEnabledAt: null } },
    }),
  ]);
  return {
    required: workspace.requireTwoFactor,
    adminHasTwoFactor: self.totpEnabledAt !== null,
    /** Members who would be (or are) held at /account until they turn it on. */
    membersWithout: without,
  };
}
