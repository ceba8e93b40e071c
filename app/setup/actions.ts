"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormFeedback } from "@/lib/validation/action-result";
import { createFirstAdmin } from "@/lib/auth/setup";
import { clientIp } from "@/lib/http/request-ip";
import { startSession } from "@/lib/auth/session-cookie";
import { setupSchema } from "@/lib/validation/auth";
import { fieldErrorsOf, textFields } from "@/lib/validation/form-data";

type Field = "email" | "password" | "workspaceName";
export type SetupState = FormFeedback<Field> & {
  values?: { email: string; workspaceName: string };
};

export async function setupAction(_previous: SetupState, formData: FormData): Promise<SetupState> {
  const values = textFields(formData, ["email", "password", "workspaceName", "token"]);
  const echo = { email: values.email, workspaceName: values.workspaceName };
  const parsed = setupSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf<Field>(parsed.error), values: echo };
  const requestHeaders = await headers();
  const ip = clientIp(requestHeaders);
  const result = await createFirstAdmin({ ...parsed.data, token: values.token }, ip);
  if (!result.ok) {
    if (result.reason === "done") redirect("/login");
    return { message: result.message, values: echo };
  }
  await startSession(result.userId, result.workspaceId, {
    ip,
    userAgent: requestHeaders.get("user-agent"),
  });
  redirect("/connections");
}
