import "server-only";
import { recordAudit, type AuditAction } from "../audit/record";

export type AccountTrail = {
  email: string;
  ip: string | null;
  userId: string | null;
  workspaceIds: string[];
};

/**
 * A sign-in event, into each workspace of the account, so its admins see attempts on their
 * members. An unknown e-mail has no workspace: the server log alone has those.
 */
export async function auditAccount(
  trail: AccountTrail,
  action: AuditAction,
  details: Record<string, string | number>,
  workspaceIds = trail.workspaceIds,
) {
  if (!trail.userId) return;
  const actor = { type: "member" as const, id: trail.userId, label: trail.email };
  await Promise.all(
    workspaceIds.map((workspaceId) =>
      recordAudit({ workspaceId, actor, ip: trail.ip }, { action, details }),
    ),
  );
}
