import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../testing/test-db";

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
let setRequireTwoFactor: typeof import("./set-require-two-factor").setRequireTwoFactor;
let getTwoFactorRequirement: typeof import("./get-two-factor-requirement").getTwoFactorRequirement;

const admin = {
  workspaceId: "ws_rq",
  userId: "usr_rq",
  sessionId: "s",
  email: "rq@example.com",
  role: "admin" as const,
  workspaceName: "W",
  actor: { type: "member" as const, id: "usr_rq", label: "rq@example.com" },
  ip: null,
};

beforeAll(async () => {
  ({ getDb: db } = await openTestDatabase());
  ({ setRequireTwoFactor } = await import("./set-require-two-factor"));
  ({ getTwoFactorRequirement } = await import("./get-two-factor-requirement"));
  await db().workspace.create({ data: { id: "ws_rq", name: "W" } });
  await db().user.create({
    data: {
      id: "usr_rq",
      email: "rq@example.com",
      passwordHash: "x",
      memberships: { create: { workspaceId: "ws_rq", role: "admin" } },
    },
  });
});

describe("setRequireTwoFactor", () => {
  it("refuses an admin without two-factor, who would lock themself out", async () => {
    const result = await setRequireTwoFactor(admin, true);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/your own account/) });
    expect((await getTwoFactorRequirement(admin)).required).toBe(false);
  });

  it("turns on for an admin with two-factor, audited", async () => {
    await db().user.update({ where: { id: "usr_rq" }, data: { totpEnabledAt: new Date() } });
    expect(await setRequireTwoFactor(admin, true)).toEqual({ ok: true, required: true });
    expect(await getTwoFactorRequirement(admin)).toEqual({
      required: true,
      adminHasTwoFactor: true,
      membersWithout: 0,
    });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "workspace.updated" },
    });
    expect(JSON.parse(event.details)).toEqual({
      changed: "require_two_factor",
      from: false,
      to: true,
    });
    expect(await setRequireTwoFactor(admin, false)).toEqual({ ok: true, required: false });
  });
});
