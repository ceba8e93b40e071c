import { z } from "zod";
import { newPassword } from "./members";

const email = z.email("Enter an e-mail address, like jo@example.com.").max(320).trim();

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(1024),
});

export const setupSchema = z.object({
  email,
  password: newPassword,
  workspaceName: z
    .string()
    .trim()
    .min(1, "Name your workspace.")
    .max(100, "Use at most 100 characters."),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type SetupInput = z.infer<typeof setupSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024),
  newPassword,
});

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
