"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormResult } from "@/components/forms/use-enhanced-form";
import { createFirstAdmin } from "@/lib/auth/setup";
import { clientIp } from "@/lib/request-ip";
import { startSession } from "@/lib/session";
import { setupSchema } from "@/lib/validation/auth";
import { fieldErrorsOf, textFields } from "@/lib/validation/form-data";

type Field = "email" | "password" | "workspaceName";
export type SetupState = FormResult<Field> & { values?: { email: string; workspaceName: string } };

export async function setupAction(_previous: SetupState, formData: FormData): Promise<SetupState> {
  const values = textFields(formData, ["email", "password", "workspaceName"]);
  const echo = { email: values.email, workspaceName: values.workspaceName };
  const parsed = setupSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf<Field>(parsed.error), values: echo };
  const result = await createFirstAdmin(parsed.data, clientIp(await headers()));
  if (!result.ok) redirect("/login");
  await startSession(result.userId, result.workspaceId);
  redirect("/connections");
}
