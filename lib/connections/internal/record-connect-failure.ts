import "server-only";
import { recordAudit } from "../../audit/record";
import { hitRateLimit } from "../../db/rate-limit";
import { logger } from "../../log";
import type { OpenConnectSession } from "../find-connect-session";
import { ATTEMPTS_PER_SESSION, CONNECT_WINDOW_MS } from "./connect-limits";
import type { Failure } from "./failures";

/**
 * Recorded per link and window: every attempt the link allows, and the first one refused past
 * that, so a script hammering a link adds at most this many rows to the audit log.
 */
export const FAILURES_AUDITED_PER_SESSION = ATTEMPTS_PER_SESSION + 1;

/** What kind of failure it was, for a reader of the audit log; never the message or the input. */
function reasonOf(code: string): string {
  switch (code) {
    case "invalid_client":
    case "invalid_credentials":
      return "credential_refused";
    case "no_sites":
    case "subdomain_not_found":
      return "no_site";
    case "atlassian_unavailable":
    case "atlassian_unexpected_response":
      return "upstream_outage";
    case "atlassian_rate_limited":
    case "rate_limited":
      return "throttled";
    default:
      return "other";
  }
}

/**
 * Puts an end user's failed connect attempt in the workspace's audit log (`connect.failed`), so
 * the tenant can see why someone could not connect. Only the code, the step and the kind of
 * failure are kept: messages can echo what was typed (a subdomain), and nothing typed, least
 * of all the secret, belongs in the log. A failure to record is logged, never shown.
 */
export async function recordConnectFailure(
  session: OpenConnectSession,
  failure: Failure,
  context: { step: string; ip: string | null },
): Promise<void> {
  try {
    const slot = await hitRateLimit(
      `audit:connect_failed:${session.id}`,
      FAILURES_AUDITED_PER_SESSION,
      CONNECT_WINDOW_MS,
    );
    if (!slot.allowed) return;
    const endUser = session.endUser.id;
    await recordAudit(
      {
        workspaceId: session.workspaceId,
        actor: { type: "end_user", id: endUser, label: endUser },
        ip: context.ip,
      },
      {
        action: "connect.failed",
        target: { type: "connect_session", id: session.id },
        details: { code: failure.code, reason: reasonOf(failure.code), step: context.step },
      },
    );
  } catch (error) {
    logger.error(
      { err: error, workspaceId: session.workspaceId, connectSessionId: session.id },
      "recording a failed connect attempt failed",
    );
  }
}
