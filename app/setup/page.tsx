import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { needsSetup } from "@/lib/auth/setup";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up Latch" };

/** First run only: once a user exists, this page sends everyone to sign in. */
export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/login");
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-10">
      <Card>
        <h1 className="text-xl font-semibold">Set up Latch</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-300">
          Create the first admin and workspace. You can add more workspaces later, in Settings.
        </p>
        <SetupForm />
      </Card>
    </main>
  );
}
