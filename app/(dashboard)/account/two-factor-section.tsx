import { getTwoFactorStatus } from "@/lib/auth/two-factor/get-two-factor-status";
import { formatDateTime } from "@/lib/i18n/format-date";
import { TwoFactorPanel, type TwoFactorView } from "./two-factor-panel";

/** The Account page's "Two-factor authentication" section. */
export async function TwoFactorSection({
  member,
}: {
  member: { userId: string; email: string; workspaceName: string; mustTurnOnTwoFactor: boolean };
}) {
  const status = await getTwoFactorStatus(member.userId, member.email);
  const view: TwoFactorView =
    status.state === "on"
      ? {
          state: "on",
          enabledAt: formatDateTime(status.enabledAt),
          recoveryCodesLeft: status.recoveryCodesLeft,
        }
      : status;
  return (
    <section aria-labelledby="two-factor-heading" className="space-y-4">
      <h2 id="two-factor-heading" className="text-lg font-semibold">
        Two-factor authentication
      </h2>
      {member.mustTurnOnTwoFactor ? (
        <div
          role="status"
          className="max-w-2xl rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <strong className="font-semibold">{member.workspaceName}</strong> requires two-factor
          authentication. Turn it on below to use the rest of the dashboard.
        </div>
      ) : null}
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-300">
        Signing in then needs a 6-digit code from an authenticator app on your phone (such as
        1Password, Google Authenticator or Microsoft Authenticator) as well as your password.
      </p>
      <TwoFactorPanel view={view} />
    </section>
  );
}
