import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { hasLiveSession } from "@/lib/auth/member";
import { needsSetup } from "@/lib/auth/setup";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { readPendingSignIn } from "@/lib/auth/two-factor/pending-sign-in";
import { CodeForm } from "./code-form";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  if (await needsSetup()) redirect("/setup");
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await hasLiveSession()) redirect(next);
  // A right password for an account with two-factor on leaves this for up to 5 minutes.
  const codeStep = (await readPendingSignIn()) !== null;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-10">
      <Card>
        <h1 className="mb-6 text-xl font-semibold">Sign in to Latch</h1>
        {params.joined === "1" ? (
          <p role="status" className="mb-4 text-sm text-emerald-800 dark:text-emerald-300">
            You joined the workspace. Sign in to open it.
          </p>
        ) : null}
        {params.reset === "1" ? (
          <p role="status" className="mb-4 text-sm text-emerald-800 dark:text-emerald-300">
            Your new password is set, and every session of the account was signed out. Sign in with
            it.
          </p>
        ) : null}
        {codeStep ? <CodeForm next={next} /> : <LoginForm next={next} />}
      </Card>
    </main>
  );
}
