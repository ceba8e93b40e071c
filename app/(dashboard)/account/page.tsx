import type { Metadata } from "next";
import { listMemberSessions } from "@/lib/auth/end-member-session";
import { requireMemberForAccount } from "@/lib/auth/member";
import { formatDateTime } from "@/lib/i18n/format-date";
import { ChangeEmailForm } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";
import { SessionsList } from "./sessions-section";
import { TwoFactorSection } from "./two-factor-section";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const member = await requireMemberForAccount();
  const sessions = await listMemberSessions(member);
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold">Account</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Signed in as {member.email}.
        </p>
      </div>
      <section aria-labelledby="email-heading" className="space-y-4">
        <h2 id="email-heading" className="text-lg font-semibold">
          Email
        </h2>
        <ChangeEmailForm email={member.email} />
      </section>
      <section aria-labelledby="password-heading" className="space-y-4">
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        <ChangePasswordForm />
      </section>
      <TwoFactorSection member={member} />
      <section aria-labelledby="sessions-heading" className="space-y-4">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-300">
          Where your account is signed in. Sign out any you do not recognise, then change your
          password.
        </p>
        <SessionsList
          sessions={sessions.map((session) => ({
            handle: session.handle,
            current: session.current,
            device: session.device,
            ip: session.ip,
            signedIn: formatDateTime(session.createdAt),
            lastSeen: formatDateTime(session.lastSeenAt),
          }))}
        />
      </section>
    </div>
  );
}
