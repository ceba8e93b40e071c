"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { startSession } from "@/lib/auth/session-cookie";
import { clientIp } from "@/lib/http/request-ip";
import { logger } from "@/lib/log";
import { acceptInvite } from "@/lib/members/accept-invite";
import { findOpenInvite, INVITE_INVALID } from "@/lib/members/find-invite";
import { APOLOGY, failed, invalid, type ActionResult } from "@/lib/validation/action-result";
import { textFields } from "@/lib/validation/form-data";
import { joinExistingAccountSchema, joinNewAccountSchema } from "@/lib/validation/members";

export type JoinState = ActionResult<object, "password">;

/** Joins with the link's invite and signs the new member in. */
export async function joinAction(_previous: JoinState, formData: FormData): Promise<JoinState> {
  const values = textFields(formData, ["token", "password"]);
  const invite = await findOpenInvite(values.token);
  if (!invite) return failed(INVITE_INVALID);
  const schema = invite.hasAccount ? joinExistingAccountSchema : joinNewAccountSchema;
  const parsed = schema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  const requestHeaders = await headers();
  const ip = clientIp(requestHeaders);
  let joined: { userId: string; workspaceId: string; twoFactor: boolean };
  try {
    const result = await acceptInvite({ token: values.token, password: parsed.data.password }, ip);
    if (!result.ok) {
      return result.field
        ? { ok: false, message: result.message, fieldErrors: { password: result.message } }
        : failed(result.message);
    }
    joined = result;
    // The code is asked at sign-in; a password alone must not open a two-factor account.
    if (!result.twoFactor) {
      await startSession(result.userId, result.workspaceId, {
        ip,
        userAgent: requestHeaders.get("user-agent"),
      });
    }
  } catch (error) {
    logger.error({ err: error, inviteId: invite.id }, "joining with an invite failed");
    return failed(APOLOGY);
  }
  logger.info({ userId: joined.userId, workspaceId: joined.workspaceId }, "member joined");
  redirect(joined.twoFactor ? "/login?joined=1" : "/connections");
}
