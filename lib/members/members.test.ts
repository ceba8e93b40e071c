import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../testing/test-db";

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
let members: {
  createInvite: typeof import("./create-invite").createInvite;
  acceptInvite: typeof import("./accept-invite").acceptInvite;
  findOpenInvite: typeof import("./find-invite").findOpenInvite;
  revokeInvite: typeof import("./revoke-invite").revokeInvite;
  changeMemberRole: typeof import("./change-member-role").changeMemberRole;
  removeMember: typeof import("./remove-member").removeMember;
  issueMemberReset: typeof import("./issue-member-reset").issueMemberReset;
  listMembers: typeof import("./list-members").listMembers;
};
let sessions: typeof import("../auth/sessions");
let password: typeof import("../auth/password");

beforeAll(async () => {
  ({ getDb: db } = await openTestDatabase());
  members = {
    ...(await import("./create-invite")),
    ...(await import("./accept-invite")),
    ...(await import("./find-invite")),
    ...(await import("./revoke-invite")),
    ...(await import("./change-member-role")),
    ...(await import("./remove-member")),
    ...(await import("./issue-member-reset")),
    ...(await import("./list-members")),
  };
  sessions = await import("../auth/sessions");
  password = await import("../auth/password");
});

let n = 0;
/** A workspace with one admin, as the scope their requests carry. */
async function workspaceWithAdmin() {
  n += 1;
  const workspaceId = `ws_m${n}`;
  const userId = `usr_m${n}`;
  const email = `admin${n}@example.com`;
  await db().workspace.create({ data: { id: workspaceId, name: `W${n}` } });
  await db().user.create({
    data: {
      id: userId,
      email,
      passwordHash: await password.hashPassword("admin password"),
      memberships: { create: { workspaceId, role: "admin" } },
    },
  });
  return scopeOf(workspaceId, userId, email, "admin");
}

function scopeOf(workspaceId: string, userId: string, email: string, role: "admin" | "member") {
  return {
    workspaceId,
    userId,
    sessionId: "s",
    email,
    role,
    workspaceName: "W",
    actor: { type: "member" as const, id: userId, label: email },
    ip: "192.0.2.1",
  };
}

const tokenOf = (link: string) => link.split("/invite/")[1]!;

async function invited(
  admin: Awaited<ReturnType<typeof workspaceWithAdmin>>,
  email: string,
  role: "admin" | "member" = "member",
) {
  const result = await members.createInvite(admin, { email, role });
  if (!result.ok) throw new Error(result.message);
  return tokenOf(result.link);
}

beforeEach(() => undefined);

describe("invites", () => {
  it("stores only the token's hash, and the link works once", async () => {
    const admin = await workspaceWithAdmin();
    const token = await invited(admin, "New@Example.com");
    const row = await db().invite.findFirstOrThrow({ where: { workspaceId: admin.workspaceId } });
    expect(row.email).toBe("new@example.com");
    expect(JSON.stringify(row)).not.toContain(token);

    const joined = await members.acceptInvite({ token, password: "a long new password" }, null);
    expect(joined.ok).toBe(true);
    const again = await members.acceptInvite({ token, password: "a long new password" }, null);
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("used already") });
    expect(await members.findOpenInvite(token)).toBeNull();
  });

  it("makes one member from many concurrent joins with the same link", async () => {
    const admin = await workspaceWithAdmin();
    const token = await invited(admin, "race@example.com");
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        members.acceptInvite({ token, password: "a long new password" }, null),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db().user.count({ where: { email: "race@example.com" } })).toBe(1);
  });

  it("joins an existing account only with that account's password", async () => {
    const admin = await workspaceWithAdmin();
    const other = await workspaceWithAdmin();
    const token = await invited(admin, other.email, "member");
    const wrong = await members.acceptInvite({ token, password: "not their password" }, null);
    expect(wrong).toMatchObject({ ok: false, field: "password" });
    const right = await members.acceptInvite({ token, password: "admin password" }, null);
    expect(right).toEqual({
      ok: true,
      userId: other.userId,
      workspaceId: admin.workspaceId,
      twoFactor: false,
    });
    // The account's password is untouched by the link.
    const user = await db().user.findUniqueOrThrow({
      where: { id: other.userId },
      select: { passwordHash: true },
    });
    expect(await password.verifyPassword("admin password", user.passwordHash)).toBe(true);
  });

  it("does not sign in an account with two-factor on: the link proves only the password", async () => {
    const admin = await workspaceWithAdmin();
    const other = await workspaceWithAdmin();
    await db().user.update({ where: { id: other.userId }, data: { totpEnabledAt: new Date() } });
    const token = await invited(admin, other.email);
    const joined = await members.acceptInvite({ token, password: "admin password" }, null);
    expect(joined).toMatchObject({ ok: true, twoFactor: true });
  });

  it("counts guesses at an existing account's password per invite", async () => {
    const admin = await workspaceWithAdmin();
    const other = await workspaceWithAdmin();
    const token = await invited(admin, other.email);
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => members.acceptInvite({ token, password: "guess" }, null)),
    );
    expect(guesses.filter((g) => !g.ok && g.message.startsWith("Too many"))).toHaveLength(3);
    const right = await members.acceptInvite({ token, password: "admin password" }, null);
    expect(right).toMatchObject({ ok: false, message: expect.stringContaining("Too many") });
  });

  it("counts guesses through invites against the account too: re-inviting gives no fresh tries", async () => {
    const victim = await workspaceWithAdmin();
    const attempts = [];
    for (let i = 0; i < 3; i++) {
      const attacker = await workspaceWithAdmin();
      const token = await invited(attacker, victim.email);
      for (let j = 0; j < 2; j++) {
        attempts.push(await members.acceptInvite({ token, password: `guess ${i}-${j}` }, null));
      }
    }
    // Five wrong passwords, then the account's counter refuses, whichever invite is used.
    expect(attempts.filter((a) => !a.ok && a.message.startsWith("Too many"))).toHaveLength(1);
  });

  it("refuses expired, revoked and replaced links, and a workspace's existing member", async () => {
    const admin = await workspaceWithAdmin();
    const first = await invited(admin, "twice@example.com");
    const second = await invited(admin, "twice@example.com");
    expect(await members.findOpenInvite(first)).toBeNull();
    expect(await members.findOpenInvite(second)).not.toBeNull();
    const later = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000 + 1000);
    expect(await members.findOpenInvite(second, later)).toBeNull();
    const invite = await db().invite.findFirstOrThrow({
      where: { email: "twice@example.com", revokedAt: null },
    });
    expect(await members.revokeInvite(admin, invite.id)).toBe(true);
    expect(await members.findOpenInvite(second)).toBeNull();
    expect(await members.createInvite(admin, { email: admin.email, role: "member" })).toMatchObject(
      { ok: false },
    );
    const events = await db().auditEvent.findMany({
      where: { workspaceId: admin.workspaceId },
      select: { action: true },
    });
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(["member.invited", "member.invite_revoked"]),
    );
  });

  it("cannot revoke another workspace's invite", async () => {
    const admin = await workspaceWithAdmin();
    const stranger = await workspaceWithAdmin();
    await invited(admin, "mine@example.com");
    const invite = await db().invite.findFirstOrThrow({
      where: { workspaceId: admin.workspaceId },
    });
    expect(await members.revokeInvite(stranger, invite.id)).toBe(false);
  });
});

describe("roles and removal", () => {
  async function withMember(
    admin: Awaited<ReturnType<typeof workspaceWithAdmin>>,
    email: string,
    role: "admin" | "member" = "member",
  ) {
    const token = await invited(admin, email, role);
    const joined = await members.acceptInvite({ token, password: "a long new password" }, null);
    if (!joined.ok) throw new Error(joined.message);
    return scopeOf(admin.workspaceId, joined.userId, email, role);
  }

  it("keeps the last admin, even when two admins demote each other at once", async () => {
    const admin = await workspaceWithAdmin();
    expect(
      await members.changeMemberRole(admin, { userId: admin.userId, role: "member" }),
    ).toMatchObject({ ok: false });
    expect(await members.removeMember(admin, admin.userId)).toMatchObject({ ok: false });
    const second = await withMember(admin, "second-admin@example.com", "admin");
    const results = await Promise.all([
      members.changeMemberRole(admin, { userId: second.userId, role: "member" }),
      members.changeMemberRole(second, { userId: admin.userId, role: "member" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(
      await db().membership.count({ where: { workspaceId: admin.workspaceId, role: "admin" } }),
    ).toBe(1);
  });

  it("removal ends every session of the removed member and is audited", async () => {
    const admin = await workspaceWithAdmin();
    const member = await withMember(admin, "leaving@example.com");
    const session = await sessions.createSessionRecord(member.userId, {
      ip: null,
      userAgent: null,
    });
    expect(await sessions.isSessionLive(session, member.userId)).toBe(true);
    const removed = await members.removeMember(admin, member.userId);
    expect(removed).toMatchObject({ ok: true, endedSessions: 1 });
    expect(await sessions.isSessionLive(session, member.userId)).toBe(false);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "member.removed", targetId: member.userId },
    });
    expect(JSON.parse(event.details)).toMatchObject({ email: "leaving@example.com" });
  });

  it("a role change or removal voids the person's reset links and, for a former admin, their open invites", async () => {
    const admin = await workspaceWithAdmin();
    const member = await withMember(admin, "promoted@example.com");
    const reset = await members.issueMemberReset(admin, member.userId);
    expect(reset.ok).toBe(true);
    await members.changeMemberRole(admin, { userId: member.userId, role: "admin" });
    expect(await db().passwordReset.count({ where: { userId: member.userId } })).toBe(0);

    const promoted = scopeOf(admin.workspaceId, member.userId, member.email, "admin");
    const token = await invited(promoted, "sent-by-promoted@example.com");
    await members.changeMemberRole(admin, { userId: member.userId, role: "member" });
    expect(await members.findOpenInvite(token)).toBeNull();
  });

  it("an admin of one workspace cannot touch another's members", async () => {
    const admin = await workspaceWithAdmin();
    const stranger = await workspaceWithAdmin();
    const member = await withMember(admin, "kept@example.com");
    expect(await members.removeMember(stranger, member.userId)).toMatchObject({ ok: false });
    expect(
      await members.changeMemberRole(stranger, { userId: member.userId, role: "admin" }),
    ).toMatchObject({ ok: false });
    expect(await members.issueMemberReset(stranger, member.userId)).toMatchObject({ ok: false });
  });

  it("issues reset links only for Members who belong nowhere else", async () => {
    const admin = await workspaceWithAdmin();
    const member = await withMember(admin, "forgetful@example.com");
    const second = await withMember(admin, "other-admin@example.com", "admin");
    const reset = await members.issueMemberReset(admin, member.userId);
    expect(reset).toMatchObject({ ok: true, link: expect.stringContaining("/reset/lpr_") });
    // Another admin: a reset would hand this admin their account.
    expect(await members.issueMemberReset(admin, second.userId)).toMatchObject({ ok: false });
    // A Member here who is an admin elsewhere: the same.
    const elsewhere = await workspaceWithAdmin();
    const token = await invited(admin, elsewhere.email);
    await members.acceptInvite({ token, password: "admin password" }, null);
    expect(await members.issueMemberReset(admin, elsewhere.userId)).toMatchObject({ ok: false });
    const list = await members.listMembers(admin);
    expect(list.members.find((m) => m.userId === member.userId)?.resettable).toBe(true);
    expect(list.members.find((m) => m.userId === elsewhere.userId)?.resettable).toBe(false);
  });
});
