"use server";

import type { FormFeedback } from "@/lib/validation/action-result";
import { headers } from "next/headers";
import { changePassword } from "@/lib/auth/change-password";
import { requireMemberForAccount } from "@/lib/auth/member";
import { logger } from "@/lib/log";
import { clientIp } from "@/lib/http/request-ip";
import { startSession } from "@/lib/auth/session-cookie";
import { changePasswordSchema } from "@/lib/validation/auth";
import { fieldErrorsOf, textFields } from "@/lib/validation/form-data";

export type ChangePasswordState = FormFeedback<"currentPassword" | "newPassword"> & {
  ok?: boolean;
};

export async function changePasswordAction(
  _previous: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  const member = await requireMemberForAccount();
  const values = textFields(formData, ["currentPassword", "newPassword"]);
  const parsed = changePasswordSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const result = await changePassword(member, parsed.data);
    if (!result.ok) {
      return result.field
        ? { fieldErrors: { [result.field]: result.message } }
        : { message: result.message };
    }
    const requestHeaders = await headers();
    await startSession(member.userId, member.workspaceId, {
      ip: clientIp(requestHeaders),
      userAgent: requestHeaders.get("user-agent"),
    });
    const others = result.endedSessions;
    return {
      ok: true,
      message: `Password changed.${others ? ` ${others} other session${others === 1 ? " was" : "s were"} signed out.` : ""}`,
    };
  } catch (error) {
    logger.error({ err: error, userId: member.userId }, "password change failed");
    return {
      message: "Sorry, something went wrong on our side. Nothing was changed; please try again.",
    };
  }
}
