import "server-only";
import { AtlassianError, type Site } from "../../atlassian";
import { logger } from "../../log";
import { metrics } from "../../metrics/registry";
import { findConnectSession, type OpenConnectSession } from "../find-connect-session";
import { describeAtlassianError, missingScopesFailure, type Failure } from "./failures";
import { grantedScopes, missingScopes } from "./granted-scopes";
import { erasePendingChoice } from "./pending-choice";
import { recordConnectFailure } from "./record-connect-failure";
import { storeConnection, type VerifiedCredential } from "./store-connection";
import type { ApiConnection } from "./to-api";

/** What both steps of connecting a credential share: the outcome, the session and the log line. */

export type SiteOption = { cloudId: string; name: string; url: string };

export type ConnectOutcome =
  | { kind: "connected"; connection: ApiConnection }
  | { kind: "choose_site"; sites: SiteOption[] }
  | { kind: "failed"; failure: Failure }
  | { kind: "session_ended"; reason: "expired" | "invalid" | "spent" };

/**
 * Stores a verified credential, unless it lacks a scope the workspace requires: then nothing is
 * stored and the link stays open for a credential that has them (scopes are fixed when a
 * credential is created, so a new one is needed), unless the workspace lets it connect flagged.
 */
export async function store(
  session: OpenConnectSession,
  credential: VerifiedCredential,
): Promise<ConnectOutcome> {
  const missing = missingScopes(session.requiredScopes, grantedScopes(credential));
  if (missing.length && !session.allowMissingScopes) {
    await erasePendingChoice(session.id);
    return { kind: "failed", failure: missingScopesFailure(missing) };
  }
  const connection = await storeConnection(session, credential);
  return connection
    ? { kind: "connected", connection }
    : { kind: "session_ended", reason: "spent" };
}

export function toOption(site: Site): SiteOption {
  return { cloudId: site.cloudId, name: site.name, url: site.url };
}

type Timing = { upstreamMs: number };

/**
 * Resolves the session, runs the step, logs one line with its outcome and timing, and puts a
 * failure in the tenant's audit log (throttled, record-connect-failure.ts). Expected upstream
 * failures become results; anything else is logged and rethrown for a generic apology.
 */
export async function withSession(
  attempt: { sessionToken: string; step: string; ip?: string | null },
  run: (session: OpenConnectSession, timing: Timing) => Promise<ConnectOutcome>,
): Promise<ConnectOutcome> {
  const { sessionToken, step, ip = null } = attempt;
  const started = performance.now();
  const timing: Timing = { upstreamMs: 0 };
  const lookup = await findConnectSession(sessionToken);
  if (lookup.state !== "open") {
    logger.info({ step, outcome: "session_ended", reason: lookup.state }, "connect");
    metrics().connectOutcomes.inc({ outcome: "session_ended", code: `session_${lookup.state}` });
    return { kind: "session_ended", reason: lookup.state };
  }
  const { session } = lookup;
  const context = { step, workspaceId: session.workspaceId, connectSessionId: session.id };
  let outcome: ConnectOutcome;
  try {
    outcome = await run(session, timing);
  } catch (error) {
    if (!(error instanceof AtlassianError)) {
      logger.error({ ...context, err: error }, "connect failed unexpectedly");
      throw error;
    }
    logger.warn(
      { ...context, upstream: error.code, detail: error.detail },
      "Atlassian refused or failed",
    );
    outcome = { kind: "failed", failure: describeAtlassianError(error) };
  }
  if (outcome.kind === "failed") await recordConnectFailure(session, outcome.failure, { step, ip });
  metrics().connectOutcomes.inc({
    outcome: outcome.kind,
    code: outcome.kind === "failed" ? outcome.failure.code : "",
  });
  const durationMs = performance.now() - started;
  logger.info(
    {
      ...context,
      outcome: outcome.kind,
      code: outcome.kind === "failed" ? outcome.failure.code : undefined,
      connectionId: outcome.kind === "connected" ? outcome.connection.id : undefined,
      durationMs: round(durationMs),
      upstreamMs: round(timing.upstreamMs),
      ownMs: round(durationMs - timing.upstreamMs),
    },
    "connect",
  );
  return outcome;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
