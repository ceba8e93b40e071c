"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireMemberForAccount } from "@/lib/auth/member";
import { recordSignOut } from "@/lib/auth/sign-out";
import { clientIp } from "@/lib/http/request-ip";
import { endSession, switchSessionWorkspace } from "@/lib/auth/session-cookie";
import { listMemberWorkspaces } from "@/lib/workspaces/list-member-workspaces";

/** Ends the session on the server (its row), not only the cookie in this browser. */
export async function signOutAction() {
  const ended = await endSession();
  await recordSignOut(ended, clientIp(await headers()));
  redirect("/login");
}

/**
 * Switches only to a workspace the member belongs to; anything else is ignored. Open to a member
 * held at /account by one workspace's two-factor requirement: another may not require it.
 */
export async function switchWorkspaceAction(formData: FormData) {
  const member = await requireMemberForAccount();
  const wanted = formData.get("workspaceId");
  const workspaces = await listMemberWorkspaces(member.userId);
  if (workspaces.some((workspace) => workspace.id === wanted)) {
    await switchSessionWorkspace(wanted as string);
  }
  redirect("/connections");
}
