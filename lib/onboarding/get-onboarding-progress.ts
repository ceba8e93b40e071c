import "server-only";
import { getDb } from "../db";
import { parseOriginList } from "../embed/origins";
import type { WorkspaceScope } from "../scope";

/** Which first steps a workspace has taken, each read from what exists, never from a flag. */
export type OnboardingProgress = {
  /** A live (unrevoked) API key. */
  apiKey: boolean;
  /** A connect session was minted, by the API or the dashboard (sessions are swept; audit stays). */
  sessionMinted: boolean;
  /** An end user used a link: a connection exists, or an attempt failed. */
  linkUsed: boolean;
  originsSet: boolean;
  webhookSet: boolean;
  hasConnection: boolean;
};

type Row = {
  allowedOrigins: string;
  webhookUrl: string | null;
  apiKey: number | bigint;
  minted: number | bigint;
  connection: number | bigint;
  failedAttempt: number | bigint;
};

/**
 * The onboarding checklist's state in one statement: each EXISTS stops at its first row, on
 * an index led by the workspace id, so it costs the same for an empty workspace and a busy one.
 * Plain SQL both databases read alike (CASE gives 0/1 on each).
 */
export async function getOnboardingProgress(
  scope: Pick<WorkspaceScope, "workspaceId">,
): Promise<OnboardingProgress | null> {
  const id = scope.workspaceId;
  const [row] = await getDb().$queryRaw<Row[]>`
    SELECT w."allowedOrigins", w."webhookUrl",
      CASE WHEN EXISTS (SELECT 1 FROM "ApiKey" k
        WHERE k."workspaceId" = ${id} AND k."revokedAt" IS NULL) THEN 1 ELSE 0 END AS "apiKey",
      CASE WHEN EXISTS (SELECT 1 FROM "ConnectSession" s WHERE s."workspaceId" = ${id})
        OR EXISTS (SELECT 1 FROM "AuditEvent" e
          WHERE e."workspaceId" = ${id} AND e."action" = 'connect_session.created')
        THEN 1 ELSE 0 END AS "minted",
      CASE WHEN EXISTS (SELECT 1 FROM "Connection" c WHERE c."workspaceId" = ${id})
        THEN 1 ELSE 0 END AS "connection",
      CASE WHEN EXISTS (SELECT 1 FROM "AuditEvent" f
          WHERE f."workspaceId" = ${id} AND f."action" = 'connect.failed')
        THEN 1 ELSE 0 END AS "failedAttempt"
    FROM "Workspace" w WHERE w."id" = ${id}`;
  if (!row) return null;
  const hasConnection = Number(row.connection) === 1;
  return {
    apiKey: Number(row.apiKey) === 1,
    // A connection implies a link was minted and used, even one from before links were audited.
    sessionMinted: Number(row.minted) === 1 || hasConnection,
    linkUsed: hasConnection || Number(row.failedAttempt) === 1,
    originsSet: parseOriginList(row.allowedOrigins).length > 0,
    webhookSet: Boolean(row.webhookUrl),
    hasConnection,
  };
}
