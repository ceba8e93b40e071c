import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { findPasswordReset, RESET_INVALID } from "@/lib/auth/find-password-reset";
import { ResetForm } from "./reset-form";

export const dynamic = "force-dynamic";
// The URL carries the reset token: it is never sent on as a Referer.
export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

export default async function ResetPage({ params }: PageProps<"/reset/[token]">) {
  const { token } = await params;
  const reset = await findPasswordReset(token);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-10">
      <Card>
        <h1 className="text-xl font-semibold">Set a new password</h1>
        {reset ? (
          <>
            <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-300">
              For {reset.email}. Then sign in with it.
            </p>
            <ResetForm token={token} email={reset.email} />
          </>
        ) : (
          <div className="mt-4 space-y-4">
            <Alert>{RESET_INVALID}</Alert>
            <p className="text-sm">
              <Link href="/login" className="underline">
                Back to sign in
              </Link>
            </p>
          </div>
        )}
      </Card>
    </main>
  );
}
