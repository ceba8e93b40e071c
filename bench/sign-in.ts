/**
 * `npm run bench:sign-in`: how sign-in holds up against guessing, at the use-case level on a
 * throwaway SQLite database (LATCH_TEST_POSTGRES_URL for PostgreSQL). Prints the latency of a
 * successful sign-in, how many of a concurrent burst of wrong guesses were actually checked,
 * and whether the owner still gets in from elsewhere and from their own browser.
 */
import { openTestDatabase } from "../testing/test-db";

const SIGN_INS = 30;
const BURST = 40;
const PASSWORD = "correct horse battery";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const { getDb } = await openTestDatabase();
  const { hashPassword } = await import("../lib/auth/password");
  const { signIn } = await import("../lib/auth/sign-in");
  const { hashSlotStats } = await import("../lib/auth/hash-slots");
  const db = getDb();
  await db.workspace.create({ data: { id: "ws_bench", name: "Bench" } });
  await db.user.create({
    data: {
      id: "usr_bench",
      email: "admin@example.com",
      passwordHash: await hashPassword(PASSWORD),
      memberships: { create: { workspaceId: "ws_bench", role: "admin" } },
    },
  });
  const attempt = (password: string, ip: string, deviceToken?: string) =>
    signIn({ email: "admin@example.com", password, ip, deviceToken });

  const times: number[] = [];
  let deviceToken: string | undefined;
  for (let i = 0; i < SIGN_INS; i++) {
    const started = performance.now();
    const result = await attempt(PASSWORD, "192.0.2.1");
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`sign-in ${i} failed: ${result.message}`);
    deviceToken = result.deviceToken;
  }
  times.sort((a, b) => a - b);
  console.log(
    `successful sign-in (${SIGN_INS} in a row): p50 ${percentile(times, 50).toFixed(1)} ms, p90 ${percentile(times, 90).toFixed(1)} ms`,
  );

  const hashesBefore = hashSlotStats().started;
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: BURST }, (_, i) => attempt(`guess ${i}`, "203.0.113.66")),
  );
  const checked = answers.filter((answer) => !answer.ok && /do not match/.test(answer.message));
  console.log(
    `burst of ${BURST} concurrent wrong guesses from one address: ${checked.length} checked, ${BURST - checked.length} throttled, ${hashSlotStats().started - hashesBefore} hashes, ${(performance.now() - started).toFixed(0)} ms`,
  );
  console.log(`at most ${hashSlotStats().peak} scrypt derivations ran at once`);

  const elsewhere = await attempt(PASSWORD, "192.0.2.99");
  console.log(
    `owner from another address afterwards: ${elsewhere.ok ? "signed in" : elsewhere.message}`,
  );
  await Promise.all(
    Array.from({ length: 60 }, (_, i) => attempt(`guess ${i}`, `198.51.100.${i + 1}`)),
  );
  const stranger = await attempt(PASSWORD, "192.0.2.100");
  const own = await attempt(PASSWORD, "192.0.2.101", deviceToken);
  console.log(
    `after 60 guesses from 60 addresses: a new browser ${stranger.ok ? "signed in" : "is throttled"}, the owner's browser ${own.ok ? "signed in" : "is throttled"}`,
  );
}

void main();
