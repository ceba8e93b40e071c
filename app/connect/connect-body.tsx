import { ConnectScreen } from "@/components/connect/connect-screen";
import { connectCopy } from "@/lib/i18n/connect-copy";
import { SessionEnded } from "@/components/connect/session-ended";
import type { ConnectSessionLookup } from "@/lib/connections/find-connect-session";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { resolveTheme, type ThemeOverride } from "@/lib/theme/theme";
import { configuredSiteDomain } from "@/lib/connections/configured-site-domain";
import { ConnectForm } from "./connect-form";
import { EmbedStatus } from "./embed-status";
import type { EmbedContext } from "./use-embed-bridge";

/** What /connect and /connect/embed both render for a looked-up session. */
export function ConnectBody({
  locale,
  lookup,
  sessionToken,
  embed,
  themeOverride,
  answeringPost = false,
  returnTo = null,
}: {
  /** A checked dashboard path (lib/connections/return-to.ts) for the Connected screen. */
  returnTo?: string | null;
  locale: Locale;
  /**
   * This render answers the form's post: a link it just spent shows the form's result
   * (Connected). A re-post of a spent link (a reload) shows the form's Already connected.
   */
  answeringPost?: boolean;
  lookup: ConnectSessionLookup;
  sessionToken: string | null;
  embed: EmbedContext | null;
  themeOverride?: ThemeOverride;
}) {
  const t = translator(locale);
  const siteDomain = configuredSiteDomain();
  const requiredScopes =
    lookup.state === "invalid" ? [] : lookup.presentation.workspace.requiredScopes;
  const copy = connectCopy(locale, { siteDomain, requiredScopes });
  const theme =
    lookup.state === "invalid" ? null : resolveTheme(lookup.presentation.workspace, themeOverride);
  if (lookup.state !== "open" && !(lookup.state === "spent" && answeringPost)) {
    return (
      <ConnectScreen theme={theme} embedded={!!embed} locale={locale}>
        {embed ? <EmbedStatus embed={embed} reason={lookup.state} ended={copy.ended} /> : null}
        <SessionEnded
          copy={copy.ended}
          reason={lookup.state}
          site={lookup.state === "spent" ? lookup.site : null}
        />
      </ConnectScreen>
    );
  }
  return (
    <ConnectScreen
      theme={theme}
      embedded={!!embed}
      locale={locale}
      intro={t("page.asksYou", { workspace: theme?.displayName ?? "" })}
    >
      <ConnectForm
        title={t("page.title")}
        intro={t("page.intro")}
        copy={copy}
        sessionToken={sessionToken}
        subdomain={lookup.state === "open" ? lookup.session.subdomain : null}
        requiredScopes={requiredScopes}
        siteDomain={siteDomain}
        embed={embed}
        returnTo={returnTo}
      />
    </ConnectScreen>
  );
}
