import { parseHexColor, textColorOn } from "./contrast";
import { checkLogoUrl } from "./logo-url";

export const THEME_MODES = ["light", "dark", "system"] as const;
export type ThemeMode = (typeof THEME_MODES)[number];

/** How the connect form looks: what the connect page needs, and nothing else of the workspace. */
export type ConnectTheme = {
  displayName: string | null;
  logoUrl: string | null;
  primaryColor: string | null;
  onPrimaryColor: string | null;
  mode: ThemeMode;
};

export type ThemedWorkspace = {
  name: string;
  displayName: string | null;
  logoUrl: string | null;
  primaryColor: string | null;
  themeMode: string;
};

/** What the embedding page may ask for in `Latch.open`; it comes from another site, unchecked. */
export type ThemeOverride = { primaryColor?: unknown; mode?: unknown };

export function isThemeMode(value: unknown): value is ThemeMode {
  return typeof value === "string" && (THEME_MODES as readonly string[]).includes(value);
}

/**
 * The workspace's theme, with the embedding page's choices on top. Every value is checked again,
 * override or stored row alike, since they end up in style attributes and an image's src;
 * whatever fails a check is ignored.
 */
export function resolveTheme(workspace: ThemedWorkspace, override?: ThemeOverride): ConnectTheme {
  const primaryColor =
    hexOrNull(override?.primaryColor) ?? hexOrNull(workspace.primaryColor) ?? null;
  const mode = [override?.mode, workspace.themeMode].find(isThemeMode) ?? "system";
  const logo = workspace.logoUrl ? checkLogoUrl(workspace.logoUrl) : null;
  return {
    displayName: workspace.displayName?.trim() || workspace.name,
    logoUrl: logo?.ok ? logo.url : null,
    primaryColor,
    onPrimaryColor: primaryColor ? textColorOn(primaryColor) : null,
    mode,
  };
}

function hexOrNull(value: unknown): string | null {
  return typeof value === "string" ? parseHexColor(value) : null;
}
