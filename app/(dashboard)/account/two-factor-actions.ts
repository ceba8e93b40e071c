"use server";

import { revalidatePath } from "next/cache";
import { requireMemberForAccount } from "@/lib/auth/member";
import { beginTwoFactor } from "@/lib/auth/two-factor/begin-two-factor";
import { cancelTwoFactorSetup } from "@/lib/auth/two-factor/cancel-two-factor-setup";
import { confirmTwoFactor } from "@/lib/auth/two-factor/confirm-two-factor";
import { disableTwoFactor } from "@/lib/auth/two-factor/disable-two-factor";
import { regenerateRecoveryCodes } from "@/lib/auth/two-factor/regenerate-recovery-codes";
import { logger } from "@/lib/log";
import {
  APOLOGY,
  failed,
  invalid,
  type ActionFailure,
  type ActionResult,
} from "@/lib/validation/action-result";
import { textFields } from "@/lib/validation/form-data";
import {
  confirmTwoFactorSchema,
  newRecoveryCodesSchema,
  turnOffTwoFactorSchema,
} from "@/lib/validation/two-factor";

// Open to a member whose workspace requires two-factor and who has not turned it on yet: these
// actions are how they do (requireMemberForAccount). The codes travel back in the answer only.
export type BeginTwoFactorState = ActionResult;
export type ConfirmTwoFactorState = ActionResult<
  { recoveryCodes: string[] },
  "code" | "confirmPassword"
>;
export type TurnOffTwoFactorState = ActionResult<object, "turnOffPassword">;
export type NewRecoveryCodesState = ActionResult<{ recoveryCodes: string[] }, "newCodesPassword">;

export async function beginTwoFactorAction(): Promise<BeginTwoFactorState> {
  const member = await requireMemberForAccount();
  return orApology(async () => {
    const result = await beginTwoFactor(member);
    revalidatePath("/account");
    return result.ok ? { ok: true, message: "" } : failed(result.message);
  });
}

export async function cancelTwoFactorSetupAction(): Promise<BeginTwoFactorState> {
  const member = await requireMemberForAccount();
  return orApology(async () => {
    await cancelTwoFactorSetup(member);
    revalidatePath("/account");
    return { ok: true, message: "" };
  });
}

export async function confirmTwoFactorAction(
  _previous: ConfirmTwoFactorState,
  formData: FormData,
): Promise<ConfirmTwoFactorState> {
  const member = await requireMemberForAccount();
  const values = textFields(formData, ["code", "confirmPassword"]);
  const echo = { code: values.code };
  const parsed = confirmTwoFactorSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, echo);
  return orApology(async () => {
    const result = await confirmTwoFactor(member, {
      code: parsed.data.code,
      password: parsed.data.confirmPassword,
    });
    if (!result.ok) {
      const field = result.field === "password" ? "confirmPassword" : result.field;
      return field
        ? {
            ok: false,
            message: result.message,
            fieldErrors: { [field]: result.message },
            values: echo,
          }
        : failed(result.message);
    }
    revalidatePath("/account");
    return { ok: true, message: "Two-factor is on.", recoveryCodes: result.recoveryCodes };
  });
}

export async function turnOffTwoFactorAction(
  _previous: TurnOffTwoFactorState,
  formData: FormData,
): Promise<TurnOffTwoFactorState> {
  const member = await requireMemberForAccount();
  const parsed = turnOffTwoFactorSchema.safeParse(textFields(formData, ["turnOffPassword"]));
  if (!parsed.success) return invalid(parsed.error);
  return orApology(async () => {
    const result = await disableTwoFactor(member, parsed.data.turnOffPassword);
    if (!result.ok) return passwordFailure(result, "turnOffPassword");
    revalidatePath("/account");
    return { ok: true, message: "Two-factor is off. Signing in needs only your password." };
  });
}

export async function newRecoveryCodesAction(
  _previous: NewRecoveryCodesState,
  formData: FormData,
): Promise<NewRecoveryCodesState> {
  const member = await requireMemberForAccount();
  const parsed = newRecoveryCodesSchema.safeParse(textFields(formData, ["newCodesPassword"]));
  if (!parsed.success) return invalid(parsed.error);
  return orApology(async () => {
    const result = await regenerateRecoveryCodes(member, parsed.data.newCodesPassword);
    if (!result.ok) return passwordFailure(result, "newCodesPassword");
    revalidatePath("/account");
    return {
      ok: true,
      message: "New recovery codes made. The old ones no longer work.",
      recoveryCodes: result.recoveryCodes,
    };
  });
}

function passwordFailure<F extends string>(
  result: { field?: "password"; message: string },
  field: F,
): ActionFailure<F> {
  if (!result.field) return failed(result.message);
  return {
    ok: false,
    message: result.message,
    fieldErrors: { [field]: result.message } as Partial<Record<F, string>>,
  };
}

/** A crash is logged and the member sees an apology, never the error's words (nor a secret). */
async function orApology<T>(work: () => Promise<T>): Promise<T | ActionFailure> {
  try {
    return await work();
  } catch (error) {
    logger.error({ err: error }, "two-factor change failed");
    return failed(APOLOGY);
  }
}
