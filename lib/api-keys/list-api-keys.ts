import "server-only";
import { getDb } from "../db";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { listed, type ApiKeySummary } from "./api-key-summary";

export type { ApiKeySummary };

/** The workspace's keys, newest first, revoked ones included so the history stays readable. */
export async function listApiKeys(scope: WorkspaceScope): Promise<ApiKeySummary[]> {
  return getDb().apiKey.findMany({
    where: inWorkspace(scope),
    select: listed,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}
