"use server";

import { requireMember } from "@/lib/auth/member";
import { createReconnectSession } from "@/lib/connections/create-reconnect-session";
import { logger } from "@/lib/log";
import { APOLOGY, failed, type ActionResult } from "@/lib/validation/action-result";

export type ReconnectLinkState = ActionResult<{ url: string; expiresAt: string }>;

/** Copy reconnect link: a fresh connect link for the connection's end user, shown once. */
export async function reconnectLinkAction(
  _previous: ReconnectLinkState,
  formData: FormData,
): Promise<ReconnectLinkState> {
  const member = await requireMember();
  const id = String(formData.get("id") ?? "");
  try {
    const session = await createReconnectSession(member, id);
    if (!session) return failed("This connection no longer exists in this workspace.");
    return {
      ok: true,
      message: "Send this link to the end user. It works once, for 30 minutes.",
      url: session.connectUrl,
      expiresAt: session.expiresAt.toISOString(),
    };
  } catch (error) {
    logger.error(
      { err: error, workspaceId: member.workspaceId, connectionId: id },
      "reconnect link failed",
    );
    return failed(APOLOGY);
  }
}
