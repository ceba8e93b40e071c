import type { Metadata } from "next";
import { SessionEnded } from "@/components/connect/session-ended";
import { Card } from "@/components/ui/card";
import { findConnectSession } from "@/lib/connections/connect-sessions";
import { ConnectForm } from "./connect-form";

export const metadata: Metadata = { title: "Connect your Atlassian service account" };

export default async function ConnectPage({ searchParams }: PageProps<"/connect">) {
  const { session_token: token } = await searchParams;
  const lookup = await findConnectSession(typeof token === "string" ? token : null);

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      {lookup.state === "open" ? (
        <p className="mb-3 text-center text-sm text-slate-600 dark:text-slate-400">
          {lookup.session.workspaceName} asks you to connect
        </p>
      ) : null}
      <Card>
        {lookup.state === "open" ? (
          <>
            <h1 className="text-xl font-semibold">Connect your Atlassian service account</h1>
            <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-300">
              Paste the OAuth 2.0 credential of the service account. Latch checks it with Atlassian
              and stores it encrypted.
            </p>
            <ConnectForm sessionToken={token as string} subdomain={lookup.session.subdomain} />
          </>
        ) : (
          <SessionEnded
            reason={lookup.state}
            site={lookup.state === "spent" ? lookup.site : null}
          />
        )}
      </Card>
      <p className="mt-4 text-center text-xs text-slate-500 dark:text-slate-400">
        Secured by Latch
      </p>
    </main>
  );
}
