"use server";

import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/member";
import { endSession, switchSessionWorkspace } from "@/lib/session";
import { listMemberWorkspaces } from "@/lib/workspaces/list-member-workspaces";

export async function signOutAction() {
  await endSession();
  redirect("/login");
}

/** Switches only to a workspace the member belongs to; anything else is ignored. */
export async function switchWorkspaceAction(formData: FormData) {
  const member = await requireMember();
  const wanted = formData.get("workspaceId");
  const workspaces = await listMemberWorkspaces(member.userId);
  if (workspaces.some((workspace) => workspace.id === wanted)) {
    await switchSessionWorkspace(wanted as string);
  }
  redirect("/connections");
}
