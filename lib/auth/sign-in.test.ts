import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../testing/test-db";

let signIn: typeof import("./sign-in").signIn;
let hashSlotStats: typeof import("./hash-slots").hashSlotStats;
let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
let workspaceId: string;

const ADMIN = "admin@example.com";
const PASSWORD = "a long password";
const WRONG = "That e-mail and password do not match. Check both and try again.";
const THROTTLED = /^Too many sign-in attempts\. Wait \d+ minutes? and try again\.$/;

beforeAll(async () => {
  ({ getDb: db } = await openTestDatabase());
  const { hashPassword } = await import("./password");
  const { newId } = await import("../ids");
  workspaceId = newId("ws");
  await db().workspace.create({ data: { id: workspaceId, name: "W" } });
  await db().user.create({
    data: {
      id: "usr_admin",
      email: ADMIN,
      passwordHash: await hashPassword(PASSWORD),
      memberships: { create: { workspaceId, role: "admin" } },
    },
  });
  ({ signIn } = await import("./sign-in"));
  ({ hashSlotStats } = await import("./hash-slots"));
});

// Every test starts with clean counters; the admin's audit trail is read per test.
beforeEach(async () => {
  await db().rateLimit.deleteMany({});
  await db().auditEvent.deleteMany({});
});

const attempt = (password: string, ip: string | null, deviceToken?: string) =>
  signIn({ email: ADMIN, password, ip, deviceToken });

describe("signIn", () => {
  it("accepts the right password, whatever the e-mail's case, and hands out a device cookie", async () => {
    const result = await signIn({
      email: " Admin@example.COM ",
      password: PASSWORD,
      ip: "10.0.0.1",
    });
    expect(result).toMatchObject({ ok: true, userId: "usr_admin", workspaceId });
    if (!result.ok) throw new Error("unreachable");
    expect(result.deviceToken).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
  });

  it("answers a wrong password and an unknown e-mail with the same words", async () => {
    const wrong = await attempt("nope", "10.0.0.2");
    const unknown = await signIn({ email: "ghost@example.com", password: "nope", ip: "10.0.0.2" });
    expect(wrong).toEqual({ ok: false, message: WRONG });
    expect(unknown).toEqual(wrong);
  });

  it(
    "checks no more than 5 of 40 concurrent guesses from one address",
    { timeout: 30_000 },
    async () => {
      const before = hashSlotStats().started;
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => attempt(`guess ${i}`, "203.0.113.7")),
      );
      const checked = answers.filter((answer) => !answer.ok && answer.message === WRONG).length;
      const throttled = answers.filter((answer) => !answer.ok && THROTTLED.test(answer.message));
      expect(checked).toBe(5);
      expect(throttled).toHaveLength(35);
      // Only the five counted guesses were hashed (the decoy hash may be made once as well).
      expect(hashSlotStats().started - before).toBeLessThanOrEqual(6);
    },
  );

  it("throttles even the right password from the guessing address, and says when to retry", async () => {
    for (let i = 0; i < 5; i++) await attempt(`guess ${i}`, "203.0.113.8");
    const blocked = await attempt(PASSWORD, "203.0.113.8");
    expect(blocked).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
    if (blocked.ok) throw new Error("unreachable");
    expect(blocked.message).toMatch(THROTTLED);
  });

  it("lets the owner in from their own address while an attacker elsewhere is throttled", async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(`guess ${i}`, "198.51.100.9")));
    expect(await attempt(PASSWORD, "192.0.2.44")).toMatchObject({ ok: true });
  });

  it("lets the owner in from a browser that signed in before, even under a guess from many addresses", async () => {
    const first = await attempt(PASSWORD, "192.0.2.44");
    if (!first.ok) throw new Error("the first sign-in failed");
    // 60 guesses spread over 60 addresses: the account is closed to browsers it does not know…
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => attempt(`guess ${i}`, `198.51.100.${i + 10}`)),
    );
    const stranger = await attempt(PASSWORD, "192.0.2.200");
    expect(stranger).toMatchObject({ ok: false });
    // …but the owner's browser, with its device cookie, gets in at once, from anywhere.
    expect(await attempt(PASSWORD, "192.0.2.201", first.deviceToken)).toMatchObject({ ok: true });
  });

  it("does not take a device cookie issued for another account, or a forged one", async () => {
    const other = await signIn({ email: "ghost@example.com", password: "x", ip: "10.0.0.3" });
    expect(other.ok).toBe(false);
    const first = await attempt(PASSWORD, "10.0.0.4");
    if (!first.ok) throw new Error("the first sign-in failed");
    const [nonce] = first.deviceToken.split(".");
    for (let i = 0; i < 5; i++) await attempt(`guess ${i}`, "10.0.0.5", `${nonce}.forged`);
    // The forged cookie counted as no cookie: that address is throttled for the account.
    expect(await attempt(PASSWORD, "10.0.0.5", `${nonce}.forged`)).toMatchObject({ ok: false });
  });

  it("limits a device cookie's own attempts too", async () => {
    const first = await attempt(PASSWORD, "10.0.0.6");
    if (!first.ok) throw new Error("the first sign-in failed");
    for (let i = 0; i < 5; i++) await attempt(`guess ${i}`, `10.0.1.${i}`, first.deviceToken);
    expect(await attempt(PASSWORD, "10.0.1.9", first.deviceToken)).toMatchObject({ ok: false });
  });

  it("keeps the owner's browser in while a flood from one address shuts it to everyone else", async () => {
    const first = await attempt(PASSWORD, "10.0.0.1");
    if (!first.ok) throw new Error("the first sign-in failed");
    // Behind a proxy nobody configured, every client is the proxy's address.
    for (let i = 0; i < 25; i++)
      await signIn({ email: `spray${i}@example.com`, password: "x", ip: "10.0.0.1" });
    expect(await attempt(PASSWORD, "10.0.0.1")).toMatchObject({ ok: false });
    expect(await attempt(PASSWORD, "10.0.0.1", first.deviceToken)).toMatchObject({ ok: true });
  });

  it("voids device cookies when the password changes", async () => {
    const first = await attempt(PASSWORD, "10.0.0.1");
    if (!first.ok) throw new Error("the first sign-in failed");
    const { hashPassword } = await import("./password");
    const before = await db().user.findUniqueOrThrow({
      where: { id: "usr_admin" },
      omit: { passwordHash: false },
    });
    await db().user.update({
      where: { id: "usr_admin" },
      data: { passwordHash: await hashPassword(PASSWORD) },
    });
    try {
      // The old cookie is now no cookie: five guesses from its address close that address.
      for (let i = 0; i < 5; i++) await attempt(`guess ${i}`, "10.0.0.77", first.deviceToken);
      expect(await attempt(PASSWORD, "10.0.0.77", first.deviceToken)).toMatchObject({ ok: false });
    } finally {
      await db().user.update({
        where: { id: "usr_admin" },
        data: { passwordHash: before.passwordHash },
      });
    }
  });

  it("caps all device cookies of an account together", { timeout: 30_000 }, async () => {
    const cookies: string[] = [];
    for (let i = 0; i < 6; i++) {
      const result = await attempt(PASSWORD, `10.0.2.${i}`);
      if (!result.ok) throw new Error("a sign-in failed");
      cookies.push(result.deviceToken);
    }
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(`guess ${i}`, "10.0.3.1", cookies[i % 6])),
    );
    expect(answers.filter((answer) => !answer.ok && answer.message === WRONG)).toHaveLength(25);
  });

  it("counts an IPv6 client by its /64", { timeout: 30_000 }, async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn({
          email: `v6-${i}@example.com`,
          password: "x",
          ip: `2001:db8:7:7::${(i + 1).toString(16)}`,
        }),
      ),
    );
    expect(answers.filter((answer) => !answer.ok && answer.message === WRONG)).toHaveLength(20);
  });

  it("limits attempts per address across e-mails, before hashing", async () => {
    for (let i = 0; i < 20; i++)
      await signIn({ email: `user${i}@example.com`, password: "x", ip: "10.9.9.9" });
    const before = hashSlotStats().started;
    const blocked = await signIn({
      email: "someone-new@example.com",
      password: "x",
      ip: "10.9.9.9",
    });
    expect(blocked).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
    expect(hashSlotStats().started).toBe(before);
  });

  it("records failures and the first throttled attempt in the audit log, never the password", async () => {
    for (let i = 0; i < 8; i++) await attempt(`secret guess ${i}`, "203.0.113.50");
    const events = await db().auditEvent.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "asc" },
    });
    const actions = events.map((event) => event.action);
    expect(actions.filter((action) => action === "member.sign_in_failed")).toHaveLength(5);
    // Throttled three times, recorded once: an attack cannot flood the log.
    expect(actions.filter((action) => action === "member.sign_in_throttled")).toHaveLength(1);
    expect(events.every((event) => event.ip === "203.0.113.50" && event.actorLabel === ADMIN)).toBe(
      true,
    );
    expect(JSON.stringify(events)).not.toContain("secret guess");
    expect(JSON.parse(events[0]!.details)).toEqual({ reason: "wrong_password" });
  });
});

describe("signIn from one address", () => {
  // 25 scrypt checks: seconds on a busy machine.
  it("does not count successful sign-ins against the address", { timeout: 30_000 }, async () => {
    const { hashPassword } = await import("./password");
    await db().user.create({
      data: {
        id: "usr_office",
        email: "office@example.com",
        passwordHash: await hashPassword("office password"),
        memberships: { create: { workspaceId } },
      },
    });
    for (let i = 0; i < 25; i++) {
      expect(
        await signIn({ email: "office@example.com", password: "office password", ip: "10.7.7.7" }),
      ).toMatchObject({ ok: true });
    }
  });
});
