import { z } from "zod";
import { ROLES } from "../members/roles";

const email = z.email("Enter an e-mail address, like jo@example.com.").max(320).trim();
const role = z.enum(ROLES, "Choose Admin or Member.");
const id = z.string().trim().min(1).max(100);

/** A password someone chooses (a new account, a reset, a change). */
export const newPassword = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(1024, "Use at most 1024 characters.");

export const inviteSchema = z.object({ email, role });
export const memberRoleSchema = z.object({ userId: id, role });
export const memberIdSchema = z.object({ userId: id });
export const inviteIdSchema = z.object({ inviteId: id });

/** Joining with an invite: a new account chooses a password; an existing one types its own. */
export const joinNewAccountSchema = z.object({ password: newPassword });
export const joinExistingAccountSchema = z.object({
  password: z.string().min(1, "Enter the password of your Latch account.").max(1024),
});

export const resetPasswordSchema = z.object({ password: newPassword });

// The password's field has a name of its own: /account holds the password form's too.
export const changeEmailSchema = z.object({
  newEmail: email,
  emailPassword: z.string().min(1, "Enter your current password.").max(1024),
});

export const endSessionSchema = z.object({ handle: z.string().regex(/^[0-9a-f]{24}$/) });

export type InviteInput = z.infer<typeof inviteSchema>;
