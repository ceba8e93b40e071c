import "server-only";
import { z } from "zod";
import type { WorkspaceScope } from "../../scope";
import { isThemeMode } from "../../theme/theme";
import { originSchema } from "../../validation/connect-session";
import { MAX_ALLOWED_ORIGINS, type ThemeSettings } from "../../validation/settings";

/** What the workspace use cases share: how a Workspace row is found and read. */

// The list ends up in a Content-Security-Policy header, so it is checked here too, whoever calls.
export const originListSchema = z.array(originSchema).max(MAX_ALLOWED_ORIGINS);

// A Workspace row is the scope itself: it is found by the scope's id, never by one from a form.
export const own = (scope: WorkspaceScope) => ({ id: scope.workspaceId });

export const themeColumns = {
  displayName: true,
  logoUrl: true,
  primaryColor: true,
  themeMode: true,
};

/** The stored JSON array; anything else (a hand-edited row) reads as no origins rather than a crash. */
export function parseOrigins(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
  } catch {
    return [];
  }
}

export function toThemeSettings(row: {
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
export function asFormText(values: ThemeSettings): Record<keyof ThemeSettings, string> {
  return {
    displayName: values.displayName ?? "",
    logoUrl: values.logoUrl ?? "",
    primaryColor: values.primaryColor ?? "",
    themeMode: values.themeMode,
  };
}

/** Audit details use the snake_case of the API: display_name, primary_color. */
export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
