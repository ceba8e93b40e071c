import "server-only";
import { recordAudit } from "../audit/record";
import type { MemberScope } from "../auth/member";
import { getDb } from "../db";
import { own } from "./internal/workspace-row";

export type SetRequireTwoFactorResult =
  { ok: true; required: boolean } | { ok: false; message: string };

export const TURN_ON_YOURS_FIRST =
  "Turn on two-factor for your own account first (Account page): otherwise this would lock you out of the workspace too.";

/**
 * An admin's switch: every member must have two-factor on to use the workspace (lib/auth/
 * member.ts holds the others at /account). An admin without it cannot turn the requirement on,
 * which would send them to /account along with everyone else.
 */
export async function setRequireTwoFactor(
  admin: MemberScope,
  required: boolean,
): Promise<SetRequireTwoFactorResult> {
  return getDb().$transaction(async (tx) => {
    if (required) {
      const self = await tx.user.findUniqueOrThrow({
        where: { id: admin.userId },
        select: { totpEnabledAt: true },
      });
      if (!self.totpEnabledAt) return { ok: false, message: TURN_ON_YOURS_FIRST };
    }
    const before = await tx.workspace.findUniqueOrThrow({
      where: own(admin),
      select: { requireTwoFactor: true },
    });
    if (before.requireTwoFactor === required) return { ok: true, required };
    await tx.workspace.update({ where: own(admin), data: { requireTwoFactor: required } });
    await recordAudit(
      admin,
      {
        action: "workspace.updated",
        target: { type: "workspace", id: admin.workspaceId },
        details: { changed: "require_two_factor", from: before.requireTwoFactor, to: required },
      },
      tx,
    );
    return { ok: true, required };
  });
}
