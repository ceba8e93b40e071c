import "server-only";
import { recordAudit } from "../audit/record";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import {
  own,
  themeColumns,
  toThemeSettings,
  asFormText,
  snakeCase,
} from "./internal/workspace-row";
import { themeSettingsSchema, type ThemeSettings } from "../validation/settings";

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
