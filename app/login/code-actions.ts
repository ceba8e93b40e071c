"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { startSession } from "@/lib/auth/session-cookie";
import { endPendingSignIn, readPendingSignIn } from "@/lib/auth/two-factor/pending-sign-in";
import { START_OVER, verifySecondFactor } from "@/lib/auth/two-factor/verify-second-factor";
import { clientIp } from "@/lib/http/request-ip";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { failed, invalid, type ActionResult } from "@/lib/validation/action-result";
import { textFields } from "@/lib/validation/form-data";
import { signInCodeSchema } from "@/lib/validation/two-factor";

export type SignInCodeState = ActionResult<object, "code">;

/** The sign-in's second step: the pending sign-in's cookie names the account, never the form. */
export async function signInCodeAction(
  _previous: SignInCodeState,
  formData: FormData,
): Promise<SignInCodeState> {
  const parsed = signInCodeSchema.safeParse(textFields(formData, ["code"]));
  if (!parsed.success) return invalid(parsed.error);
  const pending = await readPendingSignIn();
  if (!pending) return failed(START_OVER);
  const requestHeaders = await headers();
  const ip = clientIp(requestHeaders);
  const result = await verifySecondFactor(pending, { code: parsed.data.code, ip });
  if (!result.ok) {
    if (result.startOver) await endPendingSignIn();
    return result.startOver || result.retryAfterSeconds
      ? failed(result.message)
      : { ok: false, message: result.message, fieldErrors: { code: result.message } };
  }
  await endPendingSignIn();
  await startSession(result.userId, result.workspaceId, {
    ip,
    userAgent: requestHeaders.get("user-agent"),
  });
  redirect(safeNextPath(formData.get("next")));
}

/** "Start over": forgets the pending sign-in, back to Email and Password. */
export async function cancelSignInAction() {
  await endPendingSignIn();
  redirect("/login");
}
