import "server-only";
import { AtlassianError, validateCredential } from "../atlassian";
import { recordAudit } from "../audit/record";
import type { WorkspaceScope } from "../auth/actor";
import { sealSecret } from "../crypto/secrets";
import { getDb } from "../db";
import { logger } from "../log";
import { atlassianConfig } from "./atlassian-config";
import { describeForTenant, siteUnreachableFailure, type Failure } from "./failures";
import { loadConnectionWithSecret } from "./load-connection";
import { connectionSearchText } from "./search-text";
import { toApiConnection, type ApiConnection } from "./to-api";

export type TestResult =
  { ok: true; connection: ApiConnection } | { ok: false; reason: "not_found" | "revoked" };

/**
 * Re-runs the token exchange and site lookup now. Success marks the connection healthy (and
 * refreshes its site name, scopes and cached token); any failure marks it failing with an error
 * a member can act on. Either way last_checked_at moves and the audit log records the test.
 */
export async function testConnection(scope: WorkspaceScope, id: string): Promise<TestResult> {
  const loaded = await loadConnectionWithSecret(scope, id);
  if (!loaded) return { ok: false, reason: "not_found" };
  const { connection, clientSecret } = loaded;
  if (connection.status === "revoked" || !clientSecret) return { ok: false, reason: "revoked" };

  const context = { workspaceId: connection.workspaceId, recordId: connection.id };
  const now = new Date();
  let update: Parameters<ReturnType<typeof getDb>["connection"]["update"]>[0]["data"];
  let failure: Failure | null = null;
  try {
    const validated = await validateCredential(atlassianConfig(), {
      clientId: connection.clientId,
      clientSecret,
    });
    const site = validated.sites.find((candidate) => candidate.cloudId === connection.siteCloudId);
    if (!site) {
      failure = siteUnreachableFailure({ name: connection.siteName, url: connection.siteUrl });
      update = {};
    } else {
      const scopes = site.scopes.length ? site.scopes : validated.token.scopes;
      update = {
        siteName: site.name,
        siteUrl: site.url,
        searchText: connectionSearchText({ ...connection, siteName: site.name, siteUrl: site.url }),
        scopes: scopes.join(" "),
        accessTokenSealed: sealSecret(validated.token.accessToken, {
          ...context,
          purpose: "access_token",
        }),
        accessTokenExpiresAt: validated.token.expiresAt,
      };
    }
  } catch (error) {
    if (!(error instanceof AtlassianError)) throw error;
    logger.warn(
      { connectionId: id, upstream: error.code, detail: error.detail },
      "connection test failed",
    );
    failure = describeForTenant(error);
    update = {};
  }

  const saved = await getDb().$transaction(async (tx) => {
    const row = await tx.connection.update({
      where: { id: connection.id },
      data: {
        ...update,
        status: failure ? "failing" : "healthy",
        lastCheckedAt: now,
        lastErrorCode: failure?.code ?? null,
        lastErrorMessage: failure?.message ?? null,
      },
    });
    await recordAudit(
      scope,
      {
        action: "connection.tested",
        target: { type: "connection", id: connection.id },
        details: { outcome: failure ? "failing" : "healthy", code: failure?.code ?? null },
      },
      tx,
    );
    return row;
  });
  return { ok: true, connection: toApiConnection(saved) };
}
