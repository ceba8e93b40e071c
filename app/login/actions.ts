"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormResult } from "@/components/forms/use-enhanced-form";
import { signIn } from "@/lib/auth/sign-in";
import { clientIp } from "@/lib/request-ip";
import { safeNextPath } from "@/lib/safe-redirect";
import { startSession } from "@/lib/session";
import { signInSchema } from "@/lib/validation/auth";
import { fieldErrorsOf, textFields } from "@/lib/validation/form-data";

export type SignInState = FormResult<"email" | "password"> & { email?: string };

export async function signInAction(
  _previous: SignInState,
  formData: FormData,
): Promise<SignInState> {
  const values = textFields(formData, ["email", "password"]);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), email: values.email };
  const result = await signIn(parsed.data.email, parsed.data.password, clientIp(await headers()));
  if (!result.ok) return { message: result.message, email: values.email };
  await startSession(result.userId, result.workspaceId);
  redirect(safeNextPath(formData.get("next")));
}
