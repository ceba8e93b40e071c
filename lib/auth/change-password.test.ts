import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../testing/test-db";

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
let changePassword: typeof import("./change-password").changePassword;
let sessions: typeof import("./sessions");
let verifyPassword: typeof import("./password").verifyPassword;
const client = { ip: null, userAgent: null };

beforeAll(async () => {
  ({ getDb: db } = await openTestDatabase());
  ({ changePassword } = await import("./change-password"));
  sessions = await import("./sessions");
  const password = await import("./password");
  verifyPassword = password.verifyPassword;
  await db().workspace.create({ data: { id: "ws_pw", name: "W" } });
  await db().user.create({
    data: {
      id: "usr_pw",
      email: "pw@example.com",
      passwordHash: await password.hashPassword("the old password"),
      memberships: { create: { workspaceId: "ws_pw" } },
    },
  });
});

const memberIn = (sessionId: string) => ({
  workspaceId: "ws_pw",
  userId: "usr_pw",
  sessionId,
  email: "pw@example.com",
  role: "admin" as const,
  workspaceName: "W",
  actor: { type: "member" as const, id: "usr_pw", label: "pw@example.com" },
  ip: "192.0.2.9",
});

describe("changePassword", () => {
  it("needs the current password", async () => {
    const here = await sessions.createSessionRecord("usr_pw", client);
    const result = await changePassword(memberIn(here), {
      currentPassword: "a guess",
      newPassword: "a brand new password",
    });
    expect(result).toEqual({
      ok: false,
      field: "currentPassword",
      message: "That is not your current password.",
    });
  });

  it("ends every session of the member, this one's copies included, and is audited", async () => {
    await db().session.deleteMany({ where: { userId: "usr_pw" } });
    const here = await sessions.createSessionRecord("usr_pw", client);
    const laptop = await sessions.createSessionRecord("usr_pw", client);
    const copiedCookie = await sessions.createSessionRecord("usr_pw", client);
    const result = await changePassword(memberIn(here), {
      currentPassword: "the old password",
      newPassword: "a brand new password",
    });
    expect(result).toEqual({ ok: true, endedSessions: 2 });
    // A thief's copy of the changer's own cookie dies too; the action signs the member in anew.
    expect(await sessions.isSessionLive(here, "usr_pw")).toBe(false);
    expect(await sessions.isSessionLive(laptop, "usr_pw")).toBe(false);
    expect(await sessions.isSessionLive(copiedCookie, "usr_pw")).toBe(false);
    const user = await db().user.findUniqueOrThrow({
      where: { id: "usr_pw" },
      omit: { passwordHash: false },
    });
    expect(await verifyPassword("a brand new password", user.passwordHash)).toBe(true);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "member.password_changed" },
    });
    expect(event.ip).toBe("192.0.2.9");
  });
});
