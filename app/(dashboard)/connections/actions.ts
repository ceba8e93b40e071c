"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/member";
import { createConnectSession } from "@/lib/connections/connect-sessions";
import { revokeConnection } from "@/lib/connections/revoke-connection";
import { testConnection } from "@/lib/connections/test-connection";

export type RowActionState = {
  status?: "healthy" | "failing" | "revoked" | "error";
  message?: string;
};

const NOT_FOUND = "This connection no longer exists in this workspace.";

export async function testConnectionAction(
  _previous: RowActionState,
  formData: FormData,
): Promise<RowActionState> {
  const member = await requireMember();
  const result = await testConnection(member, String(formData.get("id") ?? ""));
  revalidatePath("/connections");
  if (!result.ok) {
    return result.reason === "revoked"
      ? { status: "revoked", message: "Revoked connections cannot be tested." }
      : { status: "error", message: NOT_FOUND };
  }
  const { connection } = result;
  return connection.status === "healthy"
    ? {
        status: "healthy",
        message: `Healthy: Atlassian accepted the credential and it reaches ${connection.site.name}.`,
      }
    : { status: "failing", message: connection.last_error?.message ?? "The test failed." };
}

export async function revokeConnectionAction(
  _previous: RowActionState,
  formData: FormData,
): Promise<RowActionState> {
  const member = await requireMember();
  const revoked = await revokeConnection(member, String(formData.get("id") ?? ""));
  revalidatePath("/connections");
  return revoked
    ? { status: "revoked", message: "Revoked. The client secret and cached token are erased." }
    : { status: "error", message: NOT_FOUND };
}

/** A member connects an account themselves: the same connect form, as its end user. */
export async function newConnectionAction() {
  const member = await requireMember();
  const session = await createConnectSession(member, {
    end_user: { id: member.email, email: member.email },
  });
  redirect(session.connectUrl);
}
