"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormFeedback } from "@/lib/validation/action-result";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/device-cookie";
import { signIn } from "@/lib/auth/sign-in";
import { startPendingSignIn } from "@/lib/auth/two-factor/pending-sign-in";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/request-ip";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { startSession } from "@/lib/auth/session-cookie";
import { signInSchema } from "@/lib/validation/auth";
import { fieldErrorsOf, textFields } from "@/lib/validation/form-data";

export type SignInState = FormFeedback<"email" | "password"> & { email?: string };

export async function signInAction(
  _previous: SignInState,
  formData: FormData,
): Promise<SignInState> {
  const values = textFields(formData, ["email", "password"]);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), email: values.email };
  const [requestHeaders, cookieStore] = await Promise.all([headers(), cookies()]);
  const ip = clientIp(requestHeaders);
  const result = await signIn({
    ...parsed.data,
    ip,
    deviceToken: cookieStore.get(DEVICE_COOKIE)?.value,
  });
  if (!result.ok && !result.codeNeeded) return { message: result.message, email: values.email };
  // This browser's own allowance of attempts for the account (lib/auth/device-cookie.ts).
  cookieStore.set(DEVICE_COOKIE, result.deviceToken, {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().PUBLIC_URL.startsWith("https://"),
    path: "/login",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
  const next = safeNextPath(formData.get("next"));
  if (!result.ok) {
    // No session yet: the page shows the Code step while this cookie lives (5 minutes).
    const { userId, workspaceId, passwordTag } = result;
    await startPendingSignIn({ userId, workspaceId, passwordTag });
    redirect(`/login?next=${encodeURIComponent(next)}`);
  }
  await startSession(result.userId, result.workspaceId, {
    ip,
    userAgent: requestHeaders.get("user-agent"),
  });
  redirect(next);
}
