import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { needsSetup, SETUP_LINK_HELP } from "@/lib/auth/setup";
import { isSetupToken } from "@/lib/auth/setup-token";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up Latch", referrer: "no-referrer" };

/**
 * First run only: creates the first admin with the one-time link start-up printed. Without a
 * valid token it only says where that link is; once a user exists it sends everyone to sign in.
 */
export default async function SetupPage({ searchParams }: PageProps<"/setup">) {
  if (!(await needsSetup())) redirect("/login");
  const { token } = await searchParams;
  const valid = typeof token === "string" && (await isSetupToken(token));
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-10">
      <Card>
        <h1 className="text-xl font-semibold">Set up Latch</h1>
        {valid ? (
          <>
            <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-300">
              Create the first admin and workspace. You can add more workspaces later, in Settings.
            </p>
            <SetupForm token={token} />
          </>
        ) : (
          <div className="mt-4">
            <Alert>
              {typeof token === "string"
                ? "This setup link is not valid. "
                : "Setup needs its one-time link. "}
              {SETUP_LINK_HELP}
            </Alert>
          </div>
        )}
      </Card>
    </main>
  );
}
