import { ConnectScreen } from "@/components/connect/connect-screen";
import { SessionEnded } from "@/components/connect/session-ended";
import type { ConnectSessionLookup } from "@/lib/connections/connect-sessions";
import { resolveTheme, type ThemeOverride } from "@/lib/theme/theme";
import { ConnectForm } from "./connect-form";
import { EmbedStatus } from "./embed-status";
import type { EmbedContext } from "./use-embed-bridge";

/** What /connect and /connect/embed both render for a looked-up session. */
export function ConnectBody({
  lookup,
  sessionToken,
  embed,
  themeOverride,
}: {
  lookup: ConnectSessionLookup;
  sessionToken: string | null;
  embed: EmbedContext | null;
  themeOverride?: ThemeOverride;
}) {
  const theme =
    lookup.state === "invalid" ? null : resolveTheme(lookup.presentation.workspace, themeOverride);
  if (lookup.state !== "open") {
    return (
      <ConnectScreen theme={theme} embedded={!!embed}>
        {embed ? <EmbedStatus embed={embed} reason={lookup.state} /> : null}
        <SessionEnded reason={lookup.state} site={lookup.state === "spent" ? lookup.site : null} />
      </ConnectScreen>
    );
  }
  return (
    <ConnectScreen
      theme={theme}
      embedded={!!embed}
      intro={<>{theme?.displayName} asks you to connect</>}
    >
      <h1 className="text-xl font-semibold">Connect your Atlassian service account</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-300">
        Paste the OAuth 2.0 credential of the service account. Latch checks it with Atlassian and
        stores it encrypted.
      </p>
      <ConnectForm
        sessionToken={sessionToken}
        subdomain={lookup.session.subdomain}
        requiredScopes={lookup.presentation.workspace.requiredScopes}
        embed={embed}
      />
    </ConnectScreen>
  );
}
