/**
 * Latch's maintenance commands, run beside the app with its environment:
 *
 *   npm run latch -- rotate-key              (the build's bundle: npm run build first)
 *   npm run latch -- reset-password EMAIL
 *   npm run latch -- reset-two-factor EMAIL
 *
 * rotate-key: re-seals every stored secret and cached token under ENCRYPTION_KEY, opening
 * those sealed with ENCRYPTION_KEY_PREVIOUS. See README, "Rotating the encryption key".
 * reset-two-factor: turns two-factor off for a member who lost their phone and recovery codes.
 */
import "../server/load-env";
import { getDb } from "../db";
import { getEnv } from "../env";
import { ConfigError } from "../env-schema";
import { issuePasswordReset, RESET_LIFETIME_MS } from "../auth/issue-password-reset";
import { rotateSealedValues } from "../maintenance/rotate-key";
import { resetTwoFactor } from "../auth/two-factor/reset-two-factor";

const USAGE = `Usage: npm run latch -- rotate-key
       npm run latch -- reset-password EMAIL
       npm run latch -- reset-two-factor EMAIL`;

async function resetPasswordLink(email: string | undefined): Promise<number> {
  if (!email) {
    console.error(USAGE);
    return 2;
  }
  const user = await getDb().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true },
  });
  if (!user) {
    console.error(`No account has the e-mail ${email}.`);
    return 1;
  }
  const { link } = await issuePasswordReset(user.id);
  console.log(
    `Password reset link for ${user.email} (works once, for ${RESET_LIFETIME_MS / 60_000} minutes; using it signs out every session of the account):`,
  );
  console.log(link);
  return 0;
}

async function rotateKey(): Promise<number> {
  const env = getEnv();
  if (!env.keyring.previous) {
    console.warn(
      "ENCRYPTION_KEY_PREVIOUS is not set: only values already under ENCRYPTION_KEY can be read.",
    );
  }
  const report = await rotateSealedValues(getDb(), env.keyring);
  console.log(
    `Re-sealed ${report.resealed} value(s) under key ${env.keyring.current.id}; ` +
      `${report.current} already used it; ${report.changedMeanwhile} changed by the app meanwhile.`,
  );
  if (report.changedMeanwhile > 0) {
    console.log(
      "Values changed meanwhile were sealed by a running instance; run rotate-key again once every instance runs with the new ENCRYPTION_KEY.",
    );
  }
  if (report.unreadable.length > 0) {
    console.error(
      `${report.unreadable.length} value(s) open with neither ENCRYPTION_KEY nor ENCRYPTION_KEY_PREVIOUS:`,
    );
    for (const { column, id } of report.unreadable) console.error(`  ${column} of ${id}`);
    return 1;
  }
  console.log(
    "Done: ENCRYPTION_KEY_PREVIOUS can be removed once every instance runs with the new key.",
  );
  return 0;
}

async function resetTwoFactorOf(email: string): Promise<number> {
  const outcome = await resetTwoFactor(getDb(), email);
  if (outcome === "unknown") {
    console.error(`No member has the e-mail ${email}.`);
    return 1;
  }
  console.log(
    outcome === "reset"
      ? `Two-factor is off for ${email}; their recovery codes are void. They sign in with their password and can turn it on again on the Account page.`
      : `Two-factor was already off for ${email}.`,
  );
  return 0;
}

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command === "rotate-key") return rotateKey();
  if (command === "reset-password") return resetPasswordLink(process.argv[3]);
  if (command === "reset-two-factor" && process.argv[3]) return resetTwoFactorOf(process.argv[3]);
  console.error(USAGE);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
