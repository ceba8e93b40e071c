import type { Metadata } from "next";
import { requireMemberForAccount } from "@/lib/auth/member";
import { ChangePasswordForm } from "./change-password-form";
import { TwoFactorSection } from "./two-factor-section";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const member = await requireMemberForAccount();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Account</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Signed in as {member.email}.
        </p>
      </div>
      <section aria-labelledby="password-heading" className="space-y-4">
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        <ChangePasswordForm />
      </section>
      <TwoFactorSection member={member} />
    </div>
  );
}
