import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../testing/test-db";

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
let issuePasswordReset: typeof import("./issue-password-reset").issuePasswordReset;
let resetPassword: typeof import("./reset-password").resetPassword;
let findPasswordReset: typeof import("./find-password-reset").findPasswordReset;
let sessions: typeof import("./sessions");
let password: typeof import("./password");

beforeAll(async () => {
  ({ getDb: db } = await openTestDatabase());
  ({ issuePasswordReset } = await import("./issue-password-reset"));
  ({ resetPassword } = await import("./reset-password"));
  ({ findPasswordReset } = await import("./find-password-reset"));
  sessions = await import("./sessions");
  password = await import("./password");
  await db().workspace.create({ data: { id: "ws_rs", name: "W" } });
  await db().user.create({
    data: {
      id: "usr_rs",
      email: "rs@example.com",
      passwordHash: await password.hashPassword("the forgotten one"),
      memberships: { create: { workspaceId: "ws_rs" } },
    },
  });
});

const tokenOf = (link: string) => link.split("/reset/")[1]!;

describe("password reset links", () => {
  it("set the password once, end every session, and are audited", async () => {
    const session = await sessions.createSessionRecord("usr_rs", { ip: null, userAgent: null });
    const { link } = await issuePasswordReset("usr_rs");
    const token = tokenOf(link);
    expect(await db().passwordReset.count({ where: { tokenHash: token } })).toBe(0);
    const results = await Promise.all(
      [1, 2, 3].map((i) => resetPassword({ token, password: `new password number ${i}` }, null)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await sessions.isSessionLive(session, "usr_rs")).toBe(false);
    expect(await findPasswordReset(token)).toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "member.password_reset" },
    });
    expect(event.workspaceId).toBe("ws_rs");
  });

  it("expire after an hour, and a newer link replaces the older", async () => {
    const older = tokenOf((await issuePasswordReset("usr_rs")).link);
    const newer = tokenOf((await issuePasswordReset("usr_rs")).link);
    expect(await findPasswordReset(older)).toBeNull();
    expect(await findPasswordReset(newer)).toMatchObject({ email: "rs@example.com" });
    const inAnHour = new Date(Date.now() + 60 * 60 * 1000 + 1);
    expect(await findPasswordReset(newer, inAnHour)).toBeNull();
    expect(
      await resetPassword({ token: newer, password: "too late password" }, null, inAnHour),
    ).toMatchObject({ ok: false });
    expect(
      await resetPassword({ token: "lpr_made-up", password: "whatever password" }, null),
    ).toMatchObject({ ok: false });
  });
});
