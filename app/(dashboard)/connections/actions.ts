"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/member";
import { createConnectSession } from "@/lib/connections/create-connect-session";
import { revokeConnection } from "@/lib/connections/revoke-connection";
import { testConnection } from "@/lib/connections/test-connection";
import { logger } from "@/lib/log";
import { APOLOGY, failed, invalid, type ActionResult } from "@/lib/validation/action-result";
import { textFields } from "@/lib/validation/form-data";
import {
  NEW_CONNECTION_FIELDS,
  newConnectionSchema,
  type NewConnectionField,
} from "@/lib/validation/new-connection";

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

export type NewConnectionState = ActionResult<object, NewConnectionField>;

/**
 * New connection: mints a connect link for the end user the member names (as the API would for
 * the tenant's backend) and opens it; its Connected screen leads back to the connections.
 */
export async function newConnectionAction(
  _previous: NewConnectionState,
  formData: FormData,
): Promise<NewConnectionState> {
  const member = await requireMember();
  const values = textFields(formData, NEW_CONNECTION_FIELDS);
  const parsed = newConnectionSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  let connectUrl: string;
  try {
    const { endUserId, endUserEmail } = parsed.data;
    const session = await createConnectSession(
      member,
      { end_user: { id: endUserId, email: endUserEmail } },
      { returnTo: "/connections", source: "dashboard" },
    );
    connectUrl = session.connectUrl;
  } catch (error) {
    logger.error({ err: error, workspaceId: member.workspaceId }, "new connection failed");
    return { ...failed(APOLOGY), values };
  }
  redirect(connectUrl);
}
