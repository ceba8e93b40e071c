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
import { revalidatePath } from "next/cache";
import { changeEmail } from "@/lib/auth/change-email";
import { endMemberSession } from "@/lib/auth/end-member-session";
import { APOLOGY, failed, invalid, type ActionResult } from "@/lib/validation/action-result";
import { changeEmailSchema, endSessionSchema } from "@/lib/validation/members";

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

export type ChangeEmailState = ActionResult<{ email: string }, "newEmail" | "emailPassword">;

export async function changeEmailAction(
  _previous: ChangeEmailState,
  formData: FormData,
): Promise<ChangeEmailState> {
  const member = await requireMemberForAccount();
  const values = textFields(formData, ["newEmail", "emailPassword"]);
  const parsed = changeEmailSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { newEmail: values.newEmail });
  try {
    const result = await changeEmail(member, {
      newEmail: parsed.data.newEmail,
      currentPassword: parsed.data.emailPassword,
    });
    if (!result.ok) {
      return result.field
        ? {
            ok: false,
            message: result.message,
            fieldErrors: {
              [result.field === "currentPassword" ? "emailPassword" : result.field]: result.message,
            },
            values: { newEmail: values.newEmail },
          }
        : failed(result.message);
    }
    revalidatePath("/", "layout");
    const others = result.endedSessions;
    return {
      ok: true,
      email: result.email,
      message: `You now sign in with ${result.email}.${others ? ` ${others} other session${others === 1 ? " was" : "s were"} signed out.` : ""}`,
    };
  } catch (error) {
    logger.error({ err: error, userId: member.userId }, "e-mail change failed");
    return failed(APOLOGY);
  }
}

export type EndSessionState = ActionResult;

export async function endSessionAction(
  _previous: EndSessionState,
  formData: FormData,
): Promise<EndSessionState> {
  const member = await requireMemberForAccount();
  const parsed = endSessionSchema.safeParse(textFields(formData, ["handle"]));
  if (!parsed.success) return failed("That session is not valid.");
  if (!(await endMemberSession(member, parsed.data.handle))) {
    return failed("That session has ended already.");
  }
  revalidatePath("/account");
  return { ok: true, message: "Signed out that session." };
}
