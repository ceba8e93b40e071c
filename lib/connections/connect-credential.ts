import "server-only";
import { AtlassianError, chooseSite, validateCredential, type Site } from "../atlassian";
import { englishText } from "../i18n/localize";
import { logger } from "../log";
import type { ConnectFormValues } from "../validation/connect";
import { atlassianConfig } from "./internal/atlassian-config";
import { countConnectAttempt } from "./internal/connect-limits";
import { findConnectSession, type OpenConnectSession } from "./find-connect-session";
import {
  describeAtlassianError,
  noSitesFailure,
  subdomainNotFoundFailure,
  type Failure,
} from "./internal/failures";
import { loadPendingChoice, savePendingChoice } from "./internal/pending-choice";
import { storeConnection, type VerifiedCredential } from "./internal/store-connection";
import type { ApiConnection } from "./internal/to-api";

export type SiteOption = { cloudId: string; name: string; url: string };

export type ConnectOutcome =
  | { kind: "connected"; connection: ApiConnection }
  | { kind: "choose_site"; sites: SiteOption[] }
  | { kind: "failed"; failure: Failure }
  | { kind: "session_ended"; reason: "expired" | "invalid" | "spent" };

/**
 * Step one of the connect form: prove the credential with a live exchange and site lookup,
 * choose the site, and store the connection, or ask the end user to pick among several sites.
 * Attempts are limited per link and per client address (lib/connections/internal/connect-limits.ts).
 */
export async function connectCredential(
  sessionToken: string,
  values: ConnectFormValues,
  ip: string | null = null,
): Promise<ConnectOutcome> {
  return withSession(sessionToken, "connect", async (session, timing) => {
    const limited = await countConnectAttempt(session.id, ip);
    if (limited) return { kind: "failed", failure: limited };
    const subdomain = values.subdomain ?? session.subdomain;
    const credentials = { clientId: values.clientId, clientSecret: values.clientSecret };
    const validated = await validateCredential(atlassianConfig(), credentials);
    timing.upstreamMs += validated.upstreamMs;

    const choice = chooseSite(validated.sites, subdomain);
    switch (choice.kind) {
      case "no_sites":
        return { kind: "failed", failure: noSitesFailure() };
      case "subdomain_not_found":
        return {
          kind: "failed",
          failure: subdomainNotFoundFailure(choice.subdomain, choice.sites),
        };
      case "ask":
        await savePendingChoice(session, {
          ...credentials,
          token: validated.token,
          sites: choice.sites,
        });
        return { kind: "choose_site", sites: choice.sites.map(toOption) };
      case "chosen":
        return store(session, { ...credentials, token: validated.token, site: choice.site });
    }
  });
}

/** Step two, when the credential reached several sites: store the one the end user picked. */
export async function confirmSite(sessionToken: string, cloudId: string): Promise<ConnectOutcome> {
  return withSession(sessionToken, "confirm_site", async (session) => {
    const pending = await loadPendingChoice(session);
    if (!pending) {
      return {
        kind: "failed",
        failure: { code: "choice_expired", message: englishText("failures.choice_expired") },
      };
    }
    const site = pending.sites.find((candidate) => candidate.cloudId === cloudId);
    if (!site) {
      return {
        kind: "choose_site",
        sites: pending.sites.map(toOption),
      };
    }
    return store(session, { ...pending, site });
  });
}

async function store(
  session: OpenConnectSession,
  credential: VerifiedCredential,
): Promise<ConnectOutcome> {
  const connection = await storeConnection(session, credential);
  return connection
    ? { kind: "connected", connection }
    : { kind: "session_ended", reason: "spent" };
}

function toOption(site: Site): SiteOption {
  return { cloudId: site.cloudId, name: site.name, url: site.url };
}

type Timing = { upstreamMs: number };

/**
 * Resolves the session, runs the step, and logs one line with its outcome and timing. Expected
 * upstream failures become results; anything else is logged and rethrown for a generic apology.
 */
async function withSession(
  sessionToken: string,
  step: string,
  run: (session: OpenConnectSession, timing: Timing) => Promise<ConnectOutcome>,
): Promise<ConnectOutcome> {
  const started = performance.now();
  const timing: Timing = { upstreamMs: 0 };
  const lookup = await findConnectSession(sessionToken);
  if (lookup.state !== "open") {
    logger.info({ step, outcome: "session_ended", reason: lookup.state }, "connect");
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
