"use server";

import {
  APOLOGY,
  failed,
  invalid,
  type ActionFailure,
  type ActionResult,
} from "@/lib/validation/action-result";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { requireAdmin } from "@/lib/auth/member";
import { logger } from "@/lib/log";
import { switchSessionWorkspace } from "@/lib/auth/session-cookie";
import { textFields } from "@/lib/validation/form-data";
import {
  allowMissingScopesSchema,
  allowedOriginsSchema,
  requiredScopesSchema,
  createApiKeySchema,
  createWorkspaceSchema,
  renameWorkspaceSchema,
  revokeApiKeySchema,
  themeSettingsSchema,
  webhookSettingsSchemaFor,
  type ThemeSettings,
} from "@/lib/validation/settings";
import {
  revealWebhookSecret,
  rollWebhookSecret,
  setWebhookUrl,
} from "@/lib/webhooks/manage-webhook";
import { webhookAddressPolicy } from "@/lib/webhooks/target";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { renameWorkspace } from "@/lib/workspaces/rename-workspace";
import { setAllowMissingScopes } from "@/lib/workspaces/set-allow-missing-scopes";
import { setAllowedOrigins } from "@/lib/workspaces/set-allowed-origins";
import { setRequiredScopes } from "@/lib/workspaces/set-required-scopes";
import { setThemeSettings } from "@/lib/workspaces/set-theme-settings";

type Result<T extends object, F extends string = never> = ActionResult<T, F>;

export type WorkspaceNameState = Result<{ name: string }, "workspaceName">;
export type CreateApiKeyState = Result<{ key: string }, "keyName">;
export type RevokeApiKeyState = Result<object>;
/** A list setting's answer: the list as stored (normalised, duplicates gone). */
export type ListSettingState<F extends string> = Result<{ items: string[] }, F>;
export type AllowedOriginsState = ListSettingState<"origins">;
export type RequiredScopesState = ListSettingState<"requiredScopes">;
export type NewWorkspaceState = Result<object, "newWorkspaceName">;
export type ThemeState = Result<{ theme: ThemeSettings }, keyof ThemeSettings>;
/** `secret` is set only when this save created the signing secret. */
export type WebhookState = Result<{ url: string | null; secret: string | null }, "webhookUrl">;
export type WebhookSecretState = Result<{ secret: string }>;

const KEY_NOT_FOUND = "This key no longer exists in this workspace.";

export async function renameWorkspaceAction(
  _previous: WorkspaceNameState,
  formData: FormData,
): Promise<WorkspaceNameState> {
  const member = await requireAdmin();
  const values = textFields(formData, ["workspaceName"]);
  const parsed = renameWorkspaceSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const name = parsed.data.workspaceName;
  return orApology(async () => {
    await renameWorkspace(member, name);
    revalidatePath("/settings");
    return { ok: true, message: "Workspace name saved.", name };
  });
}

/** The new key travels back in this answer only; it is never stored or logged. */
export async function createApiKeyAction(
  _previous: CreateApiKeyState,
  formData: FormData,
): Promise<CreateApiKeyState> {
  const member = await requireAdmin();
  const values = textFields(formData, ["keyName"]);
  const parsed = createApiKeySchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return orApology(async () => {
    const { key, apiKey } = await createApiKey(member, parsed.data.keyName);
    revalidatePath("/settings");
    return { ok: true, message: `Created ${apiKey.name}.`, key };
  });
}

export async function revokeApiKeyAction(
  _previous: RevokeApiKeyState,
  formData: FormData,
): Promise<RevokeApiKeyState> {
  const member = await requireAdmin();
  const parsed = revokeApiKeySchema.safeParse(textFields(formData, ["id"]));
  if (!parsed.success) return failed(KEY_NOT_FOUND);
  return orApology(async () => {
    const key = await revokeApiKey(member, parsed.data.id);
    revalidatePath("/settings");
    if (!key) return failed(KEY_NOT_FOUND);
    return { ok: true, message: `Revoked ${key.name}. Requests using it are refused from now on.` };
  });
}

export async function saveRequiredScopesAction(
  _previous: RequiredScopesState,
  formData: FormData,
): Promise<RequiredScopesState> {
  const member = await requireAdmin();
  const values = textFields(formData, ["requiredScopes"]);
  const parsed = requiredScopesSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return orApology(async () => {
    const scopes = await setRequiredScopes(member, parsed.data.requiredScopes);
    revalidatePath("/settings");
    const message = scopes.length
      ? `Saved. The connect form names ${scopes.length === 1 ? "this scope" : `these ${scopes.length} scopes`} and checks every credential for ${scopes.length === 1 ? "it" : "them"}.`
      : "Saved. No scopes are required.";
    return { ok: true, message, items: scopes };
  });
}

export type AllowMissingScopesState = ActionResult<{ checked: boolean }>;

export async function saveAllowMissingScopesAction(
  _previous: AllowMissingScopesState,
  formData: FormData,
): Promise<AllowMissingScopesState> {
  const member = await requireAdmin();
  const parsed = allowMissingScopesSchema.safeParse(textFields(formData, ["allowMissingScopes"]));
  if (!parsed.success) return failed("Tick the box or clear it, then save.");
  return orApology(async () => {
    const allowed = await setAllowMissingScopes(member, parsed.data.allowMissingScopes);
    revalidatePath("/settings");
    const message = allowed
      ? "Saved. A credential lacking a required scope connects, and its connection is flagged."
      : "Saved. A credential lacking a required scope is refused; the end user's link stays usable.";
    return { ok: true, message, checked: allowed };
  });
}

export async function saveAllowedOriginsAction(
  _previous: AllowedOriginsState,
  formData: FormData,
): Promise<AllowedOriginsState> {
  const member = await requireAdmin();
  const values = textFields(formData, ["origins"]);
  const parsed = allowedOriginsSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return orApology(async () => {
    const origins = await setAllowedOrigins(member, parsed.data.origins);
    revalidatePath("/settings");
    const count = origins.length;
    const message = count
      ? `Saved. ${count} ${count === 1 ? "origin" : "origins"} may embed the connect form.`
      : "Saved. No site may embed the connect form.";
    return { ok: true, message, items: origins };
  });
}

export async function saveThemeAction(
  _previous: ThemeState,
  formData: FormData,
): Promise<ThemeState> {
  const member = await requireAdmin();
  const values = textFields(formData, ["displayName", "logoUrl", "primaryColor", "themeMode"]);
  const parsed = themeSettingsSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return orApology(async () => {
    const theme = await setThemeSettings(member, parsed.data);
    revalidatePath("/settings");
    return {
      ok: true,
      message: "Appearance saved. Connect forms opened from now on use it.",
      theme,
    };
  });
}

/** A first address also creates the signing secret, which this answer carries to be shown. */
export async function saveWebhookAction(
  _previous: WebhookState,
  formData: FormData,
): Promise<WebhookState> {
  const member = await requireAdmin();
  const values = textFields(formData, ["webhookUrl"]);
  const parsed = webhookSettingsSchemaFor(webhookAddressPolicy()).safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return orApology(async () => {
    const { url, newSecret } = await setWebhookUrl(member, parsed.data.webhookUrl);
    revalidatePath("/settings");
    const message = !url
      ? "Webhook removed. No more events are sent."
      : newSecret
        ? "Webhook saved. Copy the signing secret below to verify deliveries."
        : "Webhook saved. Events are sent to this address from now on.";
    return { ok: true, message, url, secret: newSecret };
  });
}

/** The tenant's own secret, shown on request (`intent=reveal`) or replaced (`intent=roll`). */
export async function webhookSecretAction(
  _previous: WebhookSecretState,
  formData: FormData,
): Promise<WebhookSecretState> {
  const member = await requireAdmin();
  const roll = formData.get("intent") === "roll";
  return orApology(async () => {
    const secret = roll ? await rollWebhookSecret(member) : await revealWebhookSecret(member);
    if (!secret) return failed("Save a webhook URL first.");
    if (!roll) return { ok: true, message: "", secret };
    revalidatePath("/settings");
    return {
      ok: true,
      message: "New signing secret made. Deliveries are signed with it from now on.",
      secret,
    };
  });
}

/** Creates the workspace, then continues in it: the member is its admin. */
export async function createWorkspaceAction(
  _previous: NewWorkspaceState,
  formData: FormData,
): Promise<NewWorkspaceState> {
  const member = await requireAdmin();
  const values = textFields(formData, ["newWorkspaceName"]);
  const parsed = createWorkspaceSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const created = await orApology(async () => ({
    ok: true as const,
    id: await createWorkspace(member.userId, parsed.data.newWorkspaceName, member.ip),
  }));
  if (!created.ok) return created;
  await switchSessionWorkspace(created.id);
  // Outside orApology: redirect() works by throwing, and must not be mistaken for a crash.
  redirect("/connections");
}

/** Runs a change; a crash is logged and the member sees an apology, never the error's words. */
async function orApology<T>(work: () => Promise<T>): Promise<T | ActionFailure> {
  try {
    return await work();
  } catch (error) {
    logger.error({ err: error }, "settings change failed");
    return failed(APOLOGY);
  }
}
