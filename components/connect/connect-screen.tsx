import type { CSSProperties, ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import type { ConnectTheme } from "@/lib/theme/theme";

/**
 * The frame around every state of the connect page: the workspace's name and logo, its colour
 * and light/dark choice. Colours arrive as CSS variables the Tailwind theme reads.
 */
export function ConnectScreen({
  theme,
  intro,
  embedded,
  locale,
  children,
}: {
  theme: ConnectTheme | null;
  locale: Locale;
  intro?: ReactNode;
  embedded: boolean;
  children: ReactNode;
}) {
  const style = theme?.primaryColor
    ? ({
        "--color-brand-600": theme.primaryColor,
        "--color-brand-700": `color-mix(in oklab, ${theme.primaryColor} 85%, black)`,
        "--color-on-brand": theme.onPrimaryColor,
      } as CSSProperties)
    : undefined;
  const modeClass = theme?.mode === "dark" ? "dark" : theme?.mode === "light" ? "light" : "";
  return (
    <div
      className={`${modeClass} bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100 ${embedded ? "" : "min-h-screen"}`}
      style={style}
    >
      <main
        className={`mx-auto flex max-w-md flex-col justify-center px-4 ${embedded ? "py-4" : "min-h-screen py-10"}`}
      >
        {theme?.logoUrl ? (
          // A tenant's logo from any host: next/image would need every host configured.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={theme.logoUrl}
            alt={theme.displayName ?? ""}
            className="mx-auto mb-3 h-10 w-auto max-w-48 object-contain"
            referrerPolicy="no-referrer"
          />
        ) : null}
        {intro ? (
          <p className="mb-3 text-center text-sm text-slate-600 dark:text-slate-400">{intro}</p>
        ) : null}
        <Card>{children}</Card>
        {embedded ? null : (
          <p className="mt-4 text-center text-xs text-slate-500 dark:text-slate-400">
            {translator(locale)("page.securedBy")}
          </p>
        )}
      </main>
    </div>
  );
}
