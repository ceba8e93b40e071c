import { z } from "zod";

const password = z.string().min(1, "Enter your password.").max(1024);

/** Confirming the app at Turn on: a TOTP code, which is six digits (a space in the middle is fine). */
export const confirmTwoFactorSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{3}$/, "Enter the 6-digit code your authenticator app shows."),
  confirmPassword: password,
});

/** The sign-in's second step: a TOTP code or a recovery code, told apart by the use case. */
export const signInCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter the code from your authenticator app, or one of your recovery codes.")
    .max(64, "That is longer than any code. Check what you pasted."),
});

export const turnOffTwoFactorSchema = z.object({ turnOffPassword: password });

export const newRecoveryCodesSchema = z.object({ newCodesPassword: password });

/** The workspace switch in Settings: a checkbox, which posts "on" when ticked and nothing else. */
export const requireTwoFactorSchema = z.object({
  requireTwoFactor: z.enum(["on", ""]).transform((value) => value === "on"),
});
