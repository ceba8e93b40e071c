"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/member";
import { logger } from "@/lib/log";
import { APOLOGY, failed, type ActionResult } from "@/lib/validation/action-result";
import { textFields } from "@/lib/validation/form-data";
import { requireTwoFactorSchema } from "@/lib/validation/two-factor";
import { setRequireTwoFactor } from "@/lib/workspaces/set-require-two-factor";

export type RequireTwoFactorState = ActionResult<{ checked: boolean }>;

/** Admins only (requireAdmin answers 403 to a Member, from a form already on screen too). */
export async function requireTwoFactorAction(
  _previous: RequireTwoFactorState,
  formData: FormData,
): Promise<RequireTwoFactorState> {
  const admin = await requireAdmin();
  const parsed = requireTwoFactorSchema.safeParse(textFields(formData, ["requireTwoFactor"]));
  if (!parsed.success) return failed("Tick the box or clear it, then save.");
  try {
    const result = await setRequireTwoFactor(admin, parsed.data.requireTwoFactor);
    if (!result.ok) return failed(result.message);
    revalidatePath("/settings");
    const message = result.required
      ? "Saved. Members without two-factor are sent to their Account page to turn it on."
      : "Saved. Two-factor is up to each member.";
    return { ok: true, message, checked: result.required };
  } catch (error) {
    logger.error({ err: error }, "two-factor requirement change failed");
    return failed(APOLOGY);
  }
}
