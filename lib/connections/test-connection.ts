import "server-only";
import { AtlassianError, validateCredential } from "../atlassian";
import type { WorkspaceScope } from "../scope";
import { sealSecret } from "../crypto/secrets";
import { logger } from "../log";
import { atlassianConfig, type ExchangeReason } from "./internal/atlassian-config";
import { describeForTenant, siteUnreachableFailure } from "./internal/failures";
import { loadConnectionWithSecret } from "./internal/load-connection";
import type { CheckTrigger } from "./internal/save-check";
import { saveCheckResult, type CheckResult } from "./internal/save-check";
import { connectionSearchText } from "./internal/search-text";
import type { ApiConnection } from "./internal/to-api";

export type TestResult =
  { ok: true; connection: ApiConnection } | { ok: false; reason: "not_found" | "revoked" };

/**
 * Re-runs the token exchange and site lookup now. Success marks the connection healthy (and
 * refreshes its site name, scopes and cached token); any failure marks it failing with an error
 * a member can act on. Either way last_checked_at moves and the check is recorded.
 */
export async function testConnection(
  scope: WorkspaceScope,
  id: string,
  trigger: CheckTrigger = "test",
): Promise<TestResult> {
  const loaded = await loadConnectionWithSecret(scope, id);
  if (!loaded) return { ok: false, reason: "not_found" };
  const { connection, clientSecret } = loaded;
  if (connection.status === "revoked" || !clientSecret) return { ok: false, reason: "revoked" };

  const started = performance.now();
  const reason = trigger === "scheduled" ? "check" : "test";
  const { update, failure } = await checkCredential(connection, clientSecret, reason);
  const saved = await saveCheckResult(scope, connection, {
    update,
    failure,
    trigger,
    durationMs: performance.now() - started,
  });
  return saved ? { ok: true, connection: saved } : { ok: false, reason: "revoked" };
}

type StoredConnection = NonNullable<
  Awaited<ReturnType<typeof loadConnectionWithSecret>>
>["connection"];

async function checkCredential(
  connection: StoredConnection,
  clientSecret: string,
  reason: ExchangeReason,
): Promise<Pick<CheckResult, "update" | "failure">> {
  const context = { workspaceId: connection.workspaceId, recordId: connection.id };
  try {
    const validated = await validateCredential(atlassianConfig(reason), {
      clientId: connection.clientId,
      clientSecret,
    });
    const site = validated.sites.find((candidate) => candidate.cloudId === connection.siteCloudId);
    if (!site) {
      return {
        update: {},
        failure: siteUnreachableFailure({ name: connection.siteName, url: connection.siteUrl }),
      };
    }
    const scopes = site.scopes.length ? site.scopes : validated.token.scopes;
    return {
      failure: null,
      update: {
        siteName: site.name,
        siteUrl: site.url,
        searchText: connectionSearchText({ ...connection, siteName: site.name, siteUrl: site.url }),
        scopes: scopes.join(" "),
        accessTokenSealed: sealSecret(validated.token.accessToken, {
          ...context,
          purpose: "access_token",
        }),
        accessTokenExpiresAt: validated.token.expiresAt,
      },
    };
  } catch (error) {
    if (!(error instanceof AtlassianError)) throw error;
    logger.warn(
      { connectionId: connection.id, upstream: error.code, detail: error.detail },
      "connection check failed",
    );
    return { update: {}, failure: describeForTenant(error) };
  }
}
