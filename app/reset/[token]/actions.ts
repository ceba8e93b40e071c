"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/auth/reset-password";
import { clientIp } from "@/lib/http/request-ip";
import { logger } from "@/lib/log";
import { APOLOGY, failed, invalid, type ActionResult } from "@/lib/validation/action-result";
import { textFields } from "@/lib/validation/form-data";
import { resetPasswordSchema } from "@/lib/validation/members";

export type ResetState = ActionResult<object, "password">;

/** Sets the new password, then sends the member to sign in with it (two-factor still applies). */
export async function resetPasswordAction(
  _previous: ResetState,
  formData: FormData,
): Promise<ResetState> {
  const values = textFields(formData, ["token", "password"]);
  const parsed = resetPasswordSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await resetPassword(
      { token: values.token, password: parsed.data.password },
      clientIp(await headers()),
    );
    if (!result.ok) return failed(result.message);
  } catch (error) {
    logger.error({ err: error }, "password reset failed");
    return failed(APOLOGY);
  }
  redirect("/login?reset=1");
}
