import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { newId } from "../ids";
import { isThemeMode } from "../theme/theme";
import { originSchema } from "../validation/connect-session";
import {
  MAX_ALLOWED_ORIGINS,
  requiredScopesTextSchema,
  themeSettingsSchema,
  type ThemeSettings,
} from "../validation/settings";

export type { ThemeSettings };
export type WorkspaceSettings = {
  name: string;
  allowedOrigins: string[];
  requiredScopes: string[];
  theme: ThemeSettings;
};

// The list ends up in a Content-Security-Policy header, so it is checked here too, whoever calls.
const originListSchema = z.array(originSchema).max(MAX_ALLOWED_ORIGINS);

// A Workspace row is the scope itself: it is found by the scope's id, never by one from a form.
const own = (scope: WorkspaceScope) => ({ id: scope.workspaceId });

const themeColumns = { displayName: true, logoUrl: true, primaryColor: true, themeMode: true };

export async function getWorkspaceSettings(scope: WorkspaceScope): Promise<WorkspaceSettings> {
  const workspace = await getDb().workspace.findUniqueOrThrow({
    where: own(scope),
    select: { name: true, allowedOrigins: true, requiredScopes: true, ...themeColumns },
  });
  return {
    name: workspace.name,
    allowedOrigins: parseOrigins(workspace.allowedOrigins),
    requiredScopes: splitScopes(workspace.requiredScopes),
    theme: toThemeSettings(workspace),
  };
}

export async function getThemeSettings(scope: WorkspaceScope): Promise<ThemeSettings> {
  const workspace = await getDb().workspace.findUniqueOrThrow({
    where: own(scope),
    select: themeColumns,
  });
  return toThemeSettings(workspace);
}

/** Stores how the connect form looks; answers the settings as stored. */
export async function setThemeSettings(
  scope: WorkspaceScope,
  values: ThemeSettings,
): Promise<ThemeSettings> {
  // These end up in a style attribute and an image's src on the connect form: checked here too.
  const wanted = themeSettingsSchema.parse(asFormText(values));
  return getDb().$transaction(async (tx) => {
    const before = toThemeSettings(
      await tx.workspace.findUniqueOrThrow({ where: own(scope), select: themeColumns }),
    );
    const changed = (Object.keys(wanted) as (keyof ThemeSettings)[]).filter(
      (field) => wanted[field] !== before[field],
    );
    if (!changed.length) return before;
    await tx.workspace.update({ where: own(scope), data: wanted });
    await recordAudit(
      scope,
      {
        action: "workspace.updated",
        target: { type: "workspace", id: scope.workspaceId },
        details: {
          changed: changed.map(snakeCase).join(" "),
          ...Object.fromEntries(changed.map((field) => [snakeCase(field), wanted[field]])),
        },
      },
      tx,
    );
    return wanted;
  });
}

export async function renameWorkspace(scope: WorkspaceScope, name: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: own(scope),
      select: { name: true },
    });
    if (before.name === name) return;
    await tx.workspace.update({ where: own(scope), data: { name } });
    await recordAudit(
      scope,
      {
        action: "workspace.updated",
        target: { type: "workspace", id: scope.workspaceId },
        details: { changed: "name", from: before.name, to: name },
      },
      tx,
    );
  });
}

/** Replaces the origins that may embed the connect form; answers the list as stored. */
export async function setAllowedOrigins(
  scope: WorkspaceScope,
  origins: string[],
): Promise<string[]> {
  const wanted = [...new Set(originListSchema.parse(origins))];
  return getDb().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: own(scope),
      select: { allowedOrigins: true },
    });
    const previous = parseOrigins(before.allowedOrigins);
    const added = wanted.filter((origin) => !previous.includes(origin));
    const removed = previous.filter((origin) => !wanted.includes(origin));
    // The same origins in another order change nothing a browser would notice.
    if (!added.length && !removed.length) return previous;
    await tx.workspace.update({
      where: own(scope),
      data: { allowedOrigins: JSON.stringify(wanted) },
    });
    await recordAudit(
      scope,
      {
        action: "workspace.updated",
        target: { type: "workspace", id: scope.workspaceId },
        details: {
          changed: "allowed_origins",
          added: added.join(" "),
          removed: removed.join(" "),
          count: wanted.length,
        },
      },
      tx,
    );
    return wanted;
  });
}

/** Stored space-separated, as OAuth writes them. */
export function splitScopes(text: string): string[] {
  return text.split(" ").filter(Boolean);
}

/** Replaces the scopes the workspace's app needs (the connect form warns when one is missing). */
export async function setRequiredScopes(
  scope: WorkspaceScope,
  scopes: string[],
): Promise<string[]> {
  const wanted = requiredScopesTextSchema.parse(scopes.join(" "));
  return getDb().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: own(scope),
      select: { requiredScopes: true },
    });
    if (before.requiredScopes === wanted.join(" ")) return wanted;
    await tx.workspace.update({ where: own(scope), data: { requiredScopes: wanted.join(" ") } });
    await recordAudit(
      scope,
      {
        action: "workspace.updated",
        target: { type: "workspace", id: scope.workspaceId },
        details: { changed: "required_scopes", scopes: wanted.join(" ") },
      },
      tx,
    );
    return wanted;
  });
}

/** A new workspace with the user as its admin; answers its id. */
export async function createWorkspace(
  userId: string,
  name: string,
  ip: string | null,
): Promise<string> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true },
    });
    const workspace = await tx.workspace.create({
      data: {
        id: newId("ws"),
        name,
        memberships: { create: { userId, role: "admin" } },
      },
      select: { id: true },
    });
    const scope: WorkspaceScope = {
      workspaceId: workspace.id,
      actor: { type: "member", id: userId, label: user.email },
      ip,
    };
    await recordAudit(
      scope,
      {
        action: "workspace.created",
        target: { type: "workspace", id: workspace.id },
        details: { name },
      },
      tx,
    );
    return workspace.id;
  });
}

/** The stored JSON array; anything else (a hand-edited row) reads as no origins rather than a crash. */
function parseOrigins(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
  } catch {
    return [];
  }
}

function toThemeSettings(row: {
  displayName: string | null;
  logoUrl: string | null;
  primaryColor: string | null;
  themeMode: string;
}): ThemeSettings {
  return {
    displayName: row.displayName,
    logoUrl: row.logoUrl,
    primaryColor: row.primaryColor,
    // A hand-edited mode reads as the default, as the connect form would show it.
    themeMode: isThemeMode(row.themeMode) ? row.themeMode : "system",
  };
}

/** The settings as the form would post them, so the form's own schema can check them. */
function asFormText(values: ThemeSettings): Record<keyof ThemeSettings, string> {
  return {
    displayName: values.displayName ?? "",
    logoUrl: values.logoUrl ?? "",
    primaryColor: values.primaryColor ?? "",
    themeMode: values.themeMode,
  };
}

/** Audit details use the snake_case of the API: display_name, primary_color. */
function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
