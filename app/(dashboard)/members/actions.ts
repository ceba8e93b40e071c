"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/member";
import { logger } from "@/lib/log";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { createInvite } from "@/lib/members/create-invite";
import { issueMemberReset } from "@/lib/members/issue-member-reset";
import { removeMember } from "@/lib/members/remove-member";
import { revokeInvite } from "@/lib/members/revoke-invite";
import { ROLE_LABELS } from "@/lib/members/roles";
import { APOLOGY, failed, invalid, type ActionResult } from "@/lib/validation/action-result";
import { textFields } from "@/lib/validation/form-data";
import {
  inviteIdSchema,
  inviteSchema,
  memberIdSchema,
  memberRoleSchema,
} from "@/lib/validation/members";

export type InviteState = ActionResult<{ link: string; email: string }, "email" | "role">;
export type MemberActionState = ActionResult<{ link?: string }>;

/** Every answer but a refusal is logged when it crashes, and shown as the apology. */
async function orApology<T>(
  what: string,
  run: () => Promise<T>,
): Promise<T | ReturnType<typeof failed>> {
  try {
    return await run();
  } catch (error) {
    logger.error({ err: error }, `members: ${what} failed`);
    return failed(APOLOGY);
  }
}

export async function inviteAction(
  _previous: InviteState,
  formData: FormData,
): Promise<InviteState> {
  const admin = await requireAdmin();
  const values = textFields(formData, ["email", "role"]);
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return orApology("invite", async () => {
    const result = await createInvite(admin, parsed.data);
    if (!result.ok) return { ...failed(result.message), values };
    revalidatePath("/members");
    return {
      ok: true,
      message: `Invite for ${parsed.data.email} as ${ROLE_LABELS[parsed.data.role]} created. Send them this link; it works once, for 7 days.`,
      link: result.link,
      email: parsed.data.email,
    } as const;
  });
}

export async function revokeInviteAction(
  _previous: MemberActionState,
  formData: FormData,
): Promise<MemberActionState> {
  const admin = await requireAdmin();
  const parsed = inviteIdSchema.safeParse(textFields(formData, ["inviteId"]));
  if (!parsed.success) return failed("That invite is not valid.");
  return orApology("revoke invite", async () => {
    if (!(await revokeInvite(admin, parsed.data.inviteId))) {
      return failed("That invite was used or revoked already.");
    }
    revalidatePath("/members");
    return { ok: true, message: "Invite revoked: its link no longer works." } as const;
  });
}

export async function changeRoleAction(
  _previous: MemberActionState,
  formData: FormData,
): Promise<MemberActionState> {
  const admin = await requireAdmin();
  const parsed = memberRoleSchema.safeParse(textFields(formData, ["userId", "role"]));
  if (!parsed.success) return failed("Choose Admin or Member.");
  return orApology("change role", async () => {
    const result = await changeMemberRole(admin, parsed.data);
    if (!result.ok) return failed(result.message);
    revalidatePath("/members");
    return {
      ok: true,
      message: `${result.email} is now ${ROLE_LABELS[parsed.data.role]}.`,
    } as const;
  });
}

export async function removeMemberAction(
  _previous: MemberActionState,
  formData: FormData,
): Promise<MemberActionState> {
  const admin = await requireAdmin();
  const parsed = memberIdSchema.safeParse(textFields(formData, ["userId"]));
  if (!parsed.success) return failed("That member is not valid.");
  return orApology("remove member", async () => {
    const result = await removeMember(admin, parsed.data.userId);
    if (!result.ok) return failed(result.message);
    revalidatePath("/members");
    return { ok: true, message: `${result.email} was removed and signed out.` } as const;
  });
}

export async function issueResetAction(
  _previous: MemberActionState,
  formData: FormData,
): Promise<MemberActionState> {
  const admin = await requireAdmin();
  const parsed = memberIdSchema.safeParse(textFields(formData, ["userId"]));
  if (!parsed.success) return failed("That member is not valid.");
  return orApology("issue reset", async () => {
    const result = await issueMemberReset(admin, parsed.data.userId);
    if (!result.ok) return failed(result.message);
    return {
      ok: true,
      message: `Reset link for ${result.email}, valid for one hour. Send it to them; it works once.`,
      link: result.link,
    } as const;
  });
}
