"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/member";
import { createConnectSession } from "@/lib/connections/create-connect-session";
import { revokeConnection } from "@/lib/connections/revoke-connection";
import { testConnection } from "@/lib/connections/test-connection";
import { failed, type ActionResult } from "@/lib/validation/action-result";

/** A row action's answer: the connection's status after it, or why nothing happened. */
export type RowActionState = ActionResult<{ status: "healthy" | "failing" | "revoked" }>;

const NOT_FOUND = "This connection no longer exists in this workspace.";

export async function testConnectionAction(
  _previous: RowActionState,
  formData: FormData,
): Promise<RowActionState> {
  const member = await requireMember();
  const result = await testConnection(member, String(formData.get("id") ?? ""));
  revalidatePath("/connections");
  if (!result.ok) {
    return failed(
      result.reason === "revoked" ? "Revoked connections cannot be tested." : NOT_FOUND,
    );
  }
  const { connection } = result;
  return connection.status === "healthy"
    ? {
        ok: true,
        status: "healthy",
        message: `Healthy: Atlassian accepted the credential and it reaches ${connection.site.name}.`,
      }
    : {
        ok: true,
        status: "failing",
        message: connection.last_error?.message ?? "The test failed.",
      };
}

export async function revokeConnectionAction(
  _previous: RowActionState,
  formData: FormData,
): Promise<RowActionState> {
  const member = await requireMember();
  const revoked = await revokeConnection(member, String(formData.get("id") ?? ""));
  revalidatePath("/connections");
  return revoked
    ? {
        ok: true,
        status: "revoked",
        message: "Revoked. The client secret and cached token are erased.",
      }
    : failed(NOT_FOUND);
}

/** A member connects an account themselves: the same connect form, as its end user. */
export async function newConnectionAction() {
  const member = await requireMember();
  const session = await createConnectSession(member, {
    end_user: { id: member.email, email: member.email },
  });
  redirect(session.connectUrl);
}
