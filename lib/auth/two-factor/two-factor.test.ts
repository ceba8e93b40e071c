import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../testing/test-db";

/** The use cases of two-factor authentication, against a real database. */

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
let tf: {
  begin: typeof import("./begin-two-factor").beginTwoFactor;
  confirm: typeof import("./confirm-two-factor").confirmTwoFactor;
  verify: typeof import("./verify-second-factor").verifySecondFactor;
  disable: typeof import("./disable-two-factor").disableTwoFactor;
  regenerate: typeof import("./regenerate-recovery-codes").regenerateRecoveryCodes;
  status: typeof import("./get-two-factor-status").getTwoFactorStatus;
  totp: typeof import("./totp");
  tagOf: typeof import("./pending-sign-in").passwordTagOf;
  signIn: typeof import("../sign-in").signIn;
};
const PASSWORD = "the member's password";
let passwordHash: string;
let seq = 0;

beforeAll(async () => {
  ({ getDb: db } = await openTestDatabase());
  const { hashPassword } = await import("../password");
  passwordHash = await hashPassword(PASSWORD);
  await db().workspace.create({ data: { id: "ws_2fa", name: "W" } });
  tf = {
    begin: (await import("./begin-two-factor")).beginTwoFactor,
    confirm: (await import("./confirm-two-factor")).confirmTwoFactor,
    verify: (await import("./verify-second-factor")).verifySecondFactor,
    disable: (await import("./disable-two-factor")).disableTwoFactor,
    regenerate: (await import("./regenerate-recovery-codes")).regenerateRecoveryCodes,
    status: (await import("./get-two-factor-status")).getTwoFactorStatus,
    totp: await import("./totp"),
    tagOf: (await import("./pending-sign-in")).passwordTagOf,
    signIn: (await import("../sign-in")).signIn,
  };
});

beforeEach(async () => {
  await db().rateLimit.deleteMany({});
});

/** A fresh member (so each test has its own counters and codes). */
async function newMember() {
  const id = `usr_2fa_${++seq}`;
  const email = `m${seq}@example.com`;
  await db().user.create({
    data: { id, email, passwordHash, memberships: { create: { workspaceId: "ws_2fa" } } },
  });
  return {
    workspaceId: "ws_2fa",
    userId: id,
    sessionId: "s",
    email,
    role: "member" as const,
    workspaceName: "W",
    actor: { type: "member" as const, id, label: email },
    ip: "192.0.2.1",
  };
}

type Member = Awaited<ReturnType<typeof newMember>>;

/** Turns two-factor on as a member would, reading the secret off the page. */
async function enrolled(member?: Member) {
  member ??= await newMember();
  expect(await tf.begin(member)).toEqual({ ok: true });
  const status = await tf.status(member.userId, member.email);
  if (status.state !== "pending") throw new Error("not pending");
  const step = tf.totp.totpStep();
  const confirmed = await tf.confirm(member, {
    code: tf.totp.totpCodeAt(status.secret, step),
    password: PASSWORD,
  });
  if (!confirmed.ok) throw new Error(confirmed.message);
  const pending = {
    kind: "pending_sign_in" as const,
    userId: member.userId,
    workspaceId: member.workspaceId,
    passwordTag: tf.tagOf(passwordHash),
    issuedAt: Date.now(),
  };
  return { member, secret: status.secret, step, codes: confirmed.recoveryCodes, pending };
}

const events = (userId: string, action: string) =>
  db().auditEvent.findMany({ where: { actorId: userId, action } });

describe("turning two-factor on", () => {
  it("stores the secret sealed: not readable in the database, and left out of queries", async () => {
    const member = await newMember();
    await tf.begin(member);
    const status = await tf.status(member.userId, member.email);
    if (status.state !== "pending") throw new Error("not pending");
    expect(status.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(status.qrSvg).toMatch(/^<svg [^>]*viewBox/);
    const [raw] = await db().$queryRaw<{ totpSecretSealed: string }[]>`
      SELECT "totpSecretSealed" FROM "User" WHERE "id" = ${member.userId}`;
    expect(raw!.totpSecretSealed).toMatch(/^v1\./);
    expect(raw!.totpSecretSealed).not.toContain(status.secret);
    const row = await db().user.findUniqueOrThrow({ where: { id: member.userId } });
    expect(row).not.toHaveProperty("totpSecretSealed");
    // Sealed for this user: copied to another user's row, it does not open.
    const other = await newMember();
    await db().user.update({
      where: { id: other.userId },
      data: { totpSecretSealed: raw!.totpSecretSealed },
    });
    await expect(tf.status(other.userId, other.email)).rejects.toThrow(/authentication failed/);
  });

  it("refuses a wrong code with what to do, and turns on with a right one: 10 codes, hashes kept", async () => {
    const member = await newMember();
    await tf.begin(member);
    const status = await tf.status(member.userId, member.email);
    if (status.state !== "pending") throw new Error("not pending");
    const step = tf.totp.totpStep();
    const window = [-1, 0, 1].map((d) => tf.totp.totpCodeAt(status.secret, step + d));
    const wrong = ["000000", "111111", "222222"].find((code) => !window.includes(code))!;
    // A stolen session without the password cannot put its own authenticator on the account.
    const noPassword = await tf.confirm(member, { code: window[1]!, password: "a guess" });
    expect(noPassword).toMatchObject({ ok: false, field: "password" });
    const refused = await tf.confirm(member, { code: wrong, password: PASSWORD });
    expect(refused).toMatchObject({
      ok: false,
      field: "code",
      message: expect.stringMatching(/6 digits/),
    });
    expect((await tf.status(member.userId, member.email)).state).toBe("pending");

    const confirmed = await tf.confirm(member, { code: window[1]!, password: PASSWORD });
    if (!confirmed.ok) throw new Error(confirmed.message);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    for (const code of confirmed.recoveryCodes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}$/);
    const stored = await db().recoveryCode.findMany({ where: { userId: member.userId } });
    const everything = JSON.stringify(stored);
    for (const code of confirmed.recoveryCodes) {
      expect(everything).not.toContain(code);
      expect(everything).not.toContain(code.replace("-", ""));
    }
    expect(await tf.status(member.userId, member.email)).toMatchObject({
      state: "on",
      recoveryCodesLeft: 10,
    });
    const [event] = await events(member.userId, "member.two_factor_enabled");
    expect(event!.details).toBe("{}");
    // The confirming code was spent: it cannot also sign in.
    expect(await tf.begin(member)).toMatchObject({ ok: false });
  });
});

describe("the sign-in's second step", () => {
  it("asks for a code instead of signing in when two-factor is on", async () => {
    const { member } = await enrolled();
    const result = await tf.signIn({ email: member.email, password: PASSWORD, ip: "192.0.2.2" });
    expect(result).toMatchObject({ ok: false, codeNeeded: true, userId: member.userId });
    expect(result).not.toHaveProperty("passwordHash");
    expect(await events(member.userId, "member.signed_in")).toHaveLength(0);
  });

  it("takes a right code once; the same code again is refused", async () => {
    const { secret, step, pending } = await enrolled();
    const next = tf.totp.totpCodeAt(secret, step + 1);
    expect(await tf.verify(pending, { code: next, ip: null })).toMatchObject({ ok: true });
    expect(await tf.verify(pending, { code: next, ip: null })).toMatchObject({ ok: false });
  });

  it("lets one of two concurrent requests with the same code through", async () => {
    const { secret, step, pending } = await enrolled();
    const code = tf.totp.totpCodeAt(secret, step + 1);
    const answers = await Promise.all([1, 2, 3].map(() => tf.verify(pending, { code, ip: null })));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
  });

  it("refuses a wrong code, records it as a failed sign-in, never with the code", async () => {
    const { member, secret, step, pending } = await enrolled();
    const window = [-1, 0, 1].map((d) => tf.totp.totpCodeAt(secret, step + d));
    const wrong = ["000000", "111111", "222222"].find((code) => !window.includes(code))!;
    const answer = await tf.verify(pending, { code: wrong, ip: "192.0.2.3" });
    expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/recovery codes/) });
    const [event] = await events(member.userId, "member.sign_in_failed");
    expect(JSON.parse(event!.details)).toEqual({ reason: "wrong_code" });
    expect(event!.ip).toBe("192.0.2.3");
  });

  it("takes a recovery code once, whatever its case and hyphen; used twice at once, once", async () => {
    const { member, codes, pending } = await enrolled();
    const first = codes[0]!.toUpperCase().replace("-", " ");
    expect(await tf.verify(pending, { code: first, ip: null })).toMatchObject({ ok: true });
    expect(await tf.verify(pending, { code: codes[0]!, ip: null })).toMatchObject({ ok: false });
    const racing = await Promise.all(
      [1, 2].map(() => tf.verify(pending, { code: codes[1]!, ip: null })),
    );
    expect(racing.filter((answer) => answer.ok)).toHaveLength(1);
    const used = await events(member.userId, "member.recovery_code_used");
    expect(used.map((event) => JSON.parse(event.details))).toEqual([{ left: 9 }, { left: 8 }]);
    expect(JSON.stringify(used)).not.toContain(codes[1]);
  });

  it("checks no more than 5 of 20 concurrent wrong codes, then refuses even the right one", async () => {
    const { member, secret, step, pending } = await enrolled();
    const window = [-1, 0, 1].map((d) => tf.totp.totpCodeAt(secret, step + d));
    const guesses = Array.from({ length: 20 }, (_, i) => String(100000 + i)).filter(
      (guess) => !window.includes(guess),
    );
    const answers = await Promise.all(
      guesses.map((code) => tf.verify(pending, { code, ip: null })),
    );
    const throttled = answers.filter(
      (answer) => !answer.ok && /Too many codes/.test(answer.message),
    );
    expect(throttled).toHaveLength(guesses.length - 5);
    expect(await events(member.userId, "member.sign_in_failed")).toHaveLength(5);
    const right = await tf.verify(pending, { code: window[2]!, ip: null });
    expect(right).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
  });

  it("voids the pending sign-in when the password changed since", async () => {
    const { member, secret, step, pending } = await enrolled();
    await db().user.update({
      where: { id: member.userId },
      data: { passwordHash: "scrypt$other" },
    });
    const answer = await tf.verify(pending, {
      code: tf.totp.totpCodeAt(secret, step + 1),
      ip: null,
    });
    expect(answer).toMatchObject({ ok: false, startOver: true });
  });
});

describe("turning off and new recovery codes", () => {
  it("need the current password", async () => {
    const { member } = await enrolled();
    expect(await tf.disable(member, "a guess")).toMatchObject({ ok: false, field: "password" });
    expect(await tf.regenerate(member, "a guess")).toMatchObject({ ok: false, field: "password" });
    expect((await tf.status(member.userId, member.email)).state).toBe("on");
  });

  it("new codes replace the old ones, which stop working", async () => {
    const { member, codes, pending } = await enrolled();
    const fresh = await tf.regenerate(member, PASSWORD);
    if (!fresh.ok) throw new Error(fresh.message);
    expect(await tf.verify(pending, { code: codes[2]!, ip: null })).toMatchObject({ ok: false });
    expect(await tf.verify(pending, { code: fresh.recoveryCodes[0]!, ip: null })).toMatchObject({
      ok: true,
    });
    expect(await events(member.userId, "member.recovery_codes_regenerated")).toHaveLength(1);
  });

  it("turning off forgets the secret and the codes, and sign-in needs no code again", async () => {
    const { member } = await enrolled();
    expect(await tf.disable(member, PASSWORD)).toEqual({ ok: true });
    const row = await db().user.findUniqueOrThrow({
      where: { id: member.userId },
      omit: { totpSecretSealed: false },
    });
    expect(row).toMatchObject({ totpSecretSealed: null, totpEnabledAt: null });
    expect(await db().recoveryCode.count({ where: { userId: member.userId } })).toBe(0);
    expect(await events(member.userId, "member.two_factor_disabled")).toHaveLength(1);
    const result = await tf.signIn({ email: member.email, password: PASSWORD, ip: "192.0.2.4" });
    expect(result).toMatchObject({ ok: true });
  });
});

describe("the operator's reset (npm run latch -- reset-two-factor)", () => {
  it("turns two-factor off for the e-mail, recorded by the operator, and says when it was off", async () => {
    const { resetTwoFactor } = await import("./reset-two-factor");
    const { member } = await enrolled();
    expect(await resetTwoFactor(db(), member.email.toUpperCase())).toBe("reset");
    expect((await tf.status(member.userId, member.email)).state).toBe("off");
    expect(await db().recoveryCode.count({ where: { userId: member.userId } })).toBe(0);
    const [event] = await db().auditEvent.findMany({
      where: { action: "member.two_factor_disabled", targetId: member.userId },
    });
    expect(event).toMatchObject({ actorType: "system", workspaceId: "ws_2fa" });
    expect(await resetTwoFactor(db(), member.email)).toBe("off");
    expect(await resetTwoFactor(db(), "nobody@example.com")).toBe("unknown");
  });
});
