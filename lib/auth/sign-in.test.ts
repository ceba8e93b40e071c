import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../testing/test-db";

let signIn: typeof import("./sign-in").signIn;

beforeAll(async () => {
  await openTestDatabase();
  const { createFirstAdmin } = await import("./setup");
  await createFirstAdmin(
    { email: "Admin@Example.com", password: "a long password", workspaceName: "W" },
    null,
  );
  ({ signIn } = await import("./sign-in"));
});

describe("signIn", () => {
  it("accepts the right password, whatever the e-mail's case", async () => {
    expect(await signIn(" admin@example.COM ", "a long password", "10.0.0.1")).toMatchObject({
      ok: true,
    });
  });

  it("answers a wrong password and an unknown e-mail with the same words", async () => {
    const wrong = await signIn("admin@example.com", "nope", "10.0.0.2");
    const unknown = await signIn("ghost@example.com", "nope", "10.0.0.2");
    expect(wrong).toEqual({ ok: false, message: expect.any(String) });
    expect(unknown).toEqual(wrong);
  });

  it("limits attempts per e-mail, even with the right password, and says when to retry", async () => {
    for (let i = 0; i < 5; i++) await signIn("admin@example.com", `guess ${i}`, `10.1.0.${i}`);
    const blocked = await signIn("admin@example.com", "a long password", "10.1.0.99");
    expect(blocked).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
    if (blocked.ok) throw new Error("unreachable");
    expect(blocked.message).toMatch(
      /Too many sign-in attempts\. Wait \d+ minutes? and try again\./,
    );
  });

  it("limits attempts per IP across e-mails", async () => {
    for (let i = 0; i < 20; i++) await signIn(`user${i}@example.com`, "x", "10.9.9.9");
    const blocked = await signIn("someone-new@example.com", "x", "10.9.9.9");
    expect(blocked).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
  });
});

describe("signIn from one address", () => {
  // 25 scrypt checks: seconds on a busy machine.
  it("does not count successful sign-ins against the address", { timeout: 30_000 }, async () => {
    const { getDb } = await import("../db");
    const { hashPassword } = await import("./password");
    const workspace = await getDb().workspace.findFirstOrThrow();
    await getDb().user.create({
      data: {
        id: "usr_office",
        email: "office@example.com",
        passwordHash: await hashPassword("office password"),
        memberships: { create: { workspaceId: workspace.id } },
      },
    });
    for (let i = 0; i < 25; i++) {
      expect(await signIn("office@example.com", "office password", "10.7.7.7")).toMatchObject({
        ok: true,
      });
    }
  });
});
