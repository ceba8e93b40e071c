import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { findOpenInvite, INVITE_INVALID } from "@/lib/members/find-invite";
import { ROLE_LABELS } from "@/lib/members/roles";
import { JoinForm } from "./join-form";

export const dynamic = "force-dynamic";
// The URL carries the invite's token: it is never sent on as a Referer.
export const metadata: Metadata = { title: "Join a workspace", referrer: "no-referrer" };

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const invite = await findOpenInvite(token);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-10">
      <Card>
        <h1 className="text-xl font-semibold">
          {invite ? `Join ${invite.workspaceName}` : "Join a workspace"}
        </h1>
        {invite ? (
          <>
            <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-300">
              You are invited as {ROLE_LABELS[invite.role]} with {invite.email}, to manage its
              Atlassian connections in Latch.
            </p>
            <JoinForm token={token} email={invite.email} hasAccount={invite.hasAccount} />
          </>
        ) : (
          <div className="mt-4 space-y-4">
            <Alert>{INVITE_INVALID}</Alert>
            <p className="text-sm">
              Already a member?{" "}
              <Link href="/login" className="underline">
                Sign in
              </Link>
            </p>
          </div>
        )}
      </Card>
    </main>
  );
}
