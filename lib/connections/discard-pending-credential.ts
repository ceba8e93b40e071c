import "server-only";
import { logger } from "../log";
import { findConnectSession } from "./find-connect-session";
import { erasePendingChoice } from "./internal/pending-choice";

/**
 * The site picker's "Use a different credential": the credential waiting for a site choice is
 * erased (its sealed secret and token with it) and the link stays open for another one. Nothing
 * is spent. Answers whether the link is still open.
 */
export async function discardPendingCredential(
  sessionToken: string,
): Promise<{ open: true } | { open: false; reason: "expired" | "invalid" | "spent" }> {
  const lookup = await findConnectSession(sessionToken);
  if (lookup.state !== "open") return { open: false, reason: lookup.state };
  await erasePendingChoice(lookup.session.id);
  logger.info(
    {
      step: "discard_credential",
      workspaceId: lookup.session.workspaceId,
      connectSessionId: lookup.session.id,
    },
    "connect",
  );
  return { open: true };
}
