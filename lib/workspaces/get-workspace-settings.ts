import "server-only";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { own, themeColumns, parseOrigins, toThemeSettings } from "./internal/workspace-row";
import { type ThemeSettings } from "../validation/settings";
import { splitScopes } from "./split-scopes";

export type WorkspaceSettings = {
  name: string;
  allowedOrigins: string[];
  requiredScopes: string[];
  /** A credential lacking a required scope connects, flagged, instead of being refused. */
  allowMissingScopes: boolean;
  theme: ThemeSettings;
};

export async function getWorkspaceSettings(scope: WorkspaceScope): Promise<WorkspaceSettings> {
  const workspace = await getDb().workspace.findUniqueOrThrow({
    where: own(scope),
    select: {
      name: true,
      allowedOrigins: true,
      requiredScopes: true,
      allowMissingScopes: true,
      ...themeColumns,
    },
  });
  return {
    name: workspace.name,
    allowedOrigins: parseOrigins(workspace.allowedOrigins),
    requiredScopes: splitScopes(workspace.requiredScopes),
    allowMissingScopes: workspace.allowMissingScopes,
    theme: toThemeSettings(workspace),
  };
}
