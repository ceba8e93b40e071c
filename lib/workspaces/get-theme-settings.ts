import "server-only";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { own, themeColumns, toThemeSettings } from "./internal/workspace-row";
import { type ThemeSettings } from "../validation/settings";

export async function getThemeSettings(scope: WorkspaceScope): Promise<ThemeSettings> {
  const workspace = await getDb().workspace.findUniqueOrThrow({
    where: own(scope),
    select: themeColumns,
  });
  return toThemeSettings(workspace);
}
