import "server-only";
import {
  AtlassianError,
  gatewayBaseUrl,
  gatewayBaseUrls,
  primaryProduct,
  productsFromScopes,
  requestAccessToken,
  type Product,
} from "../atlassian";
import type { WorkspaceScope } from "../scope";
import { openSecret, sealSecret } from "../crypto/secrets";
import { getDb } from "../db";
import { getHotReads, type TokenRow } from "../db/hot-reads";
import { releaseLease, tryAcquireLease } from "../db/leases";
import { logger } from "../log";
import { andThen, type MaybePromise } from "../maybe-promise";
import { atlassianConfig } from "./internal/atlassian-config";
import { describeForTenant, isRefusal, isTransient, type Failure } from "./internal/failures";
import { saveCheckResult } from "./internal/save-check";

/** A cached token is handed out until it has less than this left, or half its life if shorter. */
const RENEW_WHEN_LEFT_MS = 5 * 60 * 1000;
/**
 * Longer than a renewal may take (the exchange's 15 s deadline, then up to 20 s waiting for a
 * transaction and 10 s running it: lib/db.ts), so the lease outlives its renewal and no second
 * exchange starts meanwhile.
 */
const LEASE_MS = 60_000;
const POLL_MS = 50;

export type IssuedToken = {
  accessToken: string;
  expiresAt: Date;
  cloudId: string;
  /** The products the site serves (lib/atlassian/products.ts), and each one's gateway base. */
  products: Product[];
  apiBaseUrls: Partial<Record<Product, string>>;
  /** Jira's base when the site serves Jira, else the first: the answer's older field. */
  apiBaseUrl: string;
};

export type AccessTokenOptions = {
  /**
   * A token Atlassian just refused (a 401 from the gateway): it is renewed even if it has time
   * left, unless another caller has already replaced it.
   */
  rejected?: string;
};

export type AccessTokenResult =
  | { ok: true; token: IssuedToken }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "revoked" }
  | {
      ok: false;
      reason: "failing";
      failure: Failure;
      transient: boolean;
      retryAfterSeconds?: number;
    };

// Callers in this process asking for the same connection share one renewal.
const renewals = new Map<string, Promise<AccessTokenResult>>();

/**
 * A valid Atlassian access token for a connection: the cached one while it has more than its
 * renewal window left (renewWindowMs), otherwise a new one from the client-credentials grant
 * (there is no refresh token). Renewal is single-flight within the process (a shared promise) and
 * across processes sharing the database (a lease: the others wait and read the token the holder
 * stored). A connection whose credential Atlassian refused answers failing at once, from the row.
 */
export function getAccessToken(
  scope: WorkspaceScope,
  id: string,
  options: AccessTokenOptions = {},
): MaybePromise<AccessTokenResult> {
  // A cached token on SQLite is answered synchronously (lib/maybe-promise.ts).
  return andThen(loadTokenRow(scope, id), (row) => {
    const settled = settledResult(row, options.rejected);
    if (settled) return settled;
    let renewal = renewals.get(row!.id);
    if (!renewal) {
      renewal = renewAcrossProcesses(scope, row!.id, options.rejected).finally(() =>
        renewals.delete(row!.id),
      );
      renewals.set(row!.id, renewal);
    }
    return renewal;
  });
}

/**
 * The hottest read Latch makes, so it skips Prisma (lib/db/hot-reads.ts); scoped all the same.
 * `fresh` past the memory: a renewal must see what another instance stored just now, and that
 * instance's announcement may reach this one after its lease is gone.
 */
function loadTokenRow(scope: Pick<WorkspaceScope, "workspaceId">, id: string, fresh = false) {
  return getHotReads().tokenRow(scope.workspaceId, id, { fresh });
}

/**
 * How long before its expiry a cached token is renewed: five minutes, or half its lifetime when
 * that is shorter, so a token living a minute is handed out for its first 30 seconds rather than
 * renewed on every call. The lifetime is reckoned from when the token was stored: every write that
 * stores a token also sets lastCheckedAt (connect, Test, scheduled check, renewal), and any later
 * check only moves it on, so the reckoning can come out shorter than the truth, never longer
 * (a token is then renewed a little later, still before it ends).
 */
export function renewWindowMs(expiresAt: Date, storedAt: Date | null): number {
  if (!storedAt) return RENEW_WHEN_LEFT_MS;
  const lifetime = Math.max(0, expiresAt.getTime() - storedAt.getTime());
  return Math.min(RENEW_WHEN_LEFT_MS, lifetime / 2);
}

/**
 * The answer when no renewal is needed: missing, revoked, refused by Atlassian, or a cached
 * token still good.
 */
function settledResult(row: TokenRow | null, rejected?: string): AccessTokenResult | null {
  if (!row) return { ok: false, reason: "not_found" };
  if (row.status === "revoked") return { ok: false, reason: "revoked" };
  // Refused (by a renewal, a Test or a scheduled check): no token, and no exchange either, which
  // Atlassian would refuse again. A Test or scheduled check that passes, or connecting again,
  // makes the connection healthy, and tokens flow again.
  if (row.status === "failing" && isRefusal(row.lastErrorCode)) {
    return {
      ok: false,
      reason: "failing",
      failure: { code: row.lastErrorCode!, message: row.lastErrorMessage ?? "" },
      transient: false,
    };
  }
  const expiresAt = row.accessTokenExpiresAt;
  if (
    !row.accessTokenSealed ||
    !expiresAt ||
    expiresAt.getTime() - Date.now() < renewWindowMs(expiresAt, row.lastCheckedAt)
  ) {
    return null;
  }
  const context = {
    workspaceId: row.workspaceId,
    recordId: row.id,
    purpose: "access_token",
  } as const;
  const accessToken = openSecret(row.accessTokenSealed, context);
  if (accessToken === rejected) return null;
  return { ok: true, token: issued(accessToken, expiresAt, row) };
}

function issued(
  accessToken: string,
  expiresAt: Date,
  row: Pick<TokenRow, "siteCloudId" | "scopes">,
): IssuedToken {
  const { apiUrl } = atlassianConfig();
  const cloudId = row.siteCloudId;
  const products = productsFromScopes(row.scopes ? row.scopes.split(" ") : []);
  return {
    accessToken,
    expiresAt,
    cloudId,
    products,
    apiBaseUrls: gatewayBaseUrls(apiUrl, products, cloudId),
    apiBaseUrl: gatewayBaseUrl(apiUrl, primaryProduct(products), cloudId),
  };
}

async function renewAcrossProcesses(
  scope: WorkspaceScope,
  id: string,
  rejected: string | undefined,
): Promise<AccessTokenResult> {
  const lease = `token:${id}`;
  const started = new Date();
  const giveUpAt = Date.now() + LEASE_MS * 2;
  while (Date.now() < giveUpAt) {
    if (await tryAcquireLease(lease, LEASE_MS)) {
      try {
        // Another process may have renewed between our read and the lease.
        const row = await loadTokenRow(scope, id, true);
        return settledResult(row, rejected) ?? (await exchange(scope, row!));
      } finally {
        await releaseLease(lease);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const row = await loadTokenRow(scope, id, true);
    const settled = settledResult(row, rejected);
    if (settled) return settled;
    // The holder's renewal failed: answer with its error rather than trying again at once.
    if (row!.status === "failing" && row!.lastCheckedAt && row!.lastCheckedAt >= started) {
      const failure = {
        code: row!.lastErrorCode ?? "renewal_failed",
        message: row!.lastErrorMessage ?? "",
      };
      // An outage seen by the holder is an outage for its waiters too: 503, not 409.
      return failing(failure, isTransient(failure.code) ? 30 : undefined);
    }
  }
  const failure = {
    code: "renewal_timeout",
    message: "Renewing the token took too long. Try again.",
  };
  return { ok: false, reason: "failing", failure, transient: true, retryAfterSeconds: 5 };
}

async function exchange(scope: WorkspaceScope, row: TokenRow): Promise<AccessTokenResult> {
  const secretRow = await getDb().connection.findUniqueOrThrow({
    where: { id: row.id },
    select: { clientId: true, clientSecretSealed: true },
  });
  if (!secretRow.clientSecretSealed) return { ok: false, reason: "revoked" };
  const context = { workspaceId: row.workspaceId, recordId: row.id };
  const clientSecret = openSecret(secretRow.clientSecretSealed, {
    ...context,
    purpose: "client_secret",
  });
  const started = performance.now();
  try {
    const token = await requestAccessToken(atlassianConfig("renewal"), {
      clientId: secretRow.clientId,
      clientSecret,
    });
    const saved = await saveCheckResult(scope, row, {
      update: {
        accessTokenSealed: sealSecret(token.accessToken, { ...context, purpose: "access_token" }),
        accessTokenExpiresAt: token.expiresAt,
      },
      failure: null,
      trigger: "renewal",
      durationMs: performance.now() - started,
    });
    if (!saved) return { ok: false, reason: "revoked" };
    return { ok: true, token: issued(token.accessToken, token.expiresAt, row) };
  } catch (error) {
    if (!(error instanceof AtlassianError)) throw error;
    logger.warn(
      { connectionId: row.id, upstream: error.code, detail: error.detail },
      "token renewal failed",
    );
    const failure = describeForTenant(error);
    await saveCheckResult(scope, row, {
      update: {},
      failure,
      trigger: "renewal",
      durationMs: performance.now() - started,
    });
    return failing(failure, error.retryAfterSeconds);
  }
}

/** A failing answer: 503 with Retry-After when Atlassian could not answer just now, else 409. */
function failing(failure: Failure, retryAfterSeconds: number | undefined): AccessTokenResult {
  const transient = isTransient(failure.code);
  return {
    ok: false,
    reason: "failing",
    failure,
    transient,
    retryAfterSeconds,
  };
}
