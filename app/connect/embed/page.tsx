import type { Metadata } from "next";
import { ConnectScreen } from "@/components/connect/connect-screen";
import { findConnectSessionByHash } from "@/lib/connections/connect-sessions";
import { isAllowedOrigin } from "@/lib/embed/origins";
import { ConnectBody } from "../connect-body";

export const metadata: Metadata = { title: "Connect your Atlassian service account" };

/**
 * The connect form inside a tenant's page, opened by latch.js as
 * `/connect/embed?session=<sha256 of the token>&origin=<host origin>`. The token itself arrives
 * by postMessage; proxy.ts lets only the session's allowed origins frame this page.
 */
export default async function EmbeddedConnectPage({ searchParams }: PageProps<"/connect/embed">) {
  const params = await searchParams;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const lookup = await findConnectSessionByHash(text(params.session));
  const origin = text(params.origin);

  if (lookup.state !== "invalid" && !isAllowedOrigin(origin, lookup.presentation.allowedOrigins)) {
    return (
      <ConnectScreen theme={null} embedded>
        <h1 className="text-xl font-semibold">This site may not show the connect form</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          Add its origin to the allowed embedding origins in Latch&apos;s settings, or create the
          connect session with it in allowed_origins.
        </p>
      </ConnectScreen>
    );
  }
  return (
    <ConnectBody
      lookup={lookup}
      sessionToken={null}
      // Nothing is posted to an origin no session vouches for.
      embed={
        origin && lookup.state !== "invalid" ? { origin, hash: text(params.session) ?? "" } : null
      }
      themeOverride={{ primaryColor: text(params.primary), mode: text(params.mode) }}
    />
  );
}
