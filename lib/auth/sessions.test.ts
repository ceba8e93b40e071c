import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../testing/test-db";

let sessions: typeof import("./sessions");
let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
const client = { ip: "192.0.2.1", userAgent: "Firefox" };

beforeAll(async () => {
  ({ getDb: db } = await openTestDatabase());
  sessions = await import("./sessions");
  await db().user.create({ data: { id: "usr_a", email: "a@example.com", passwordHash: "x" } });
  await db().user.create({ data: { id: "usr_b", email: "b@example.com", passwordHash: "x" } });
});

describe("server-side sessions", () => {
  it("a signed-out session is dead, wherever its cookie was copied", async () => {
    const id = await sessions.createSessionRecord("usr_a", client);
    expect(await sessions.isSessionLive(id, "usr_a")).toBe(true);
    await sessions.endSessionRecord(id);
    expect(await sessions.isSessionLive(id, "usr_a")).toBe(false);
  });

  it("belongs to its member only", async () => {
    const id = await sessions.createSessionRecord("usr_a", client);
    expect(await sessions.isSessionLive(id, "usr_b")).toBe(false);
  });

  it("ends after 2 hours idle and 12 hours in all, on the server's clock", async () => {
    const start = new Date("2026-12-01T08:00:00Z");
    const id = await sessions.createSessionRecord("usr_a", client, start);
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(await sessions.isSessionLive(id, "usr_a", at(sessions.IDLE_LIFETIME_MS - 1000))).toBe(
      true,
    );
    // That request kept it alive: idle counts from there.
    expect(
      await sessions.isSessionLive(id, "usr_a", at(2 * sessions.IDLE_LIFETIME_MS - 2000)),
    ).toBe(true);
    expect(await sessions.isSessionLive(id, "usr_a", at(4 * sessions.IDLE_LIFETIME_MS))).toBe(
      false,
    );
    const busy = await sessions.createSessionRecord("usr_a", client, start);
    for (let hour = 1; hour < 12; hour++)
      expect(await sessions.isSessionLive(busy, "usr_a", at(hour * 3_600_000))).toBe(true);
    expect(await sessions.isSessionLive(busy, "usr_a", at(sessions.ABSOLUTE_LIFETIME_MS))).toBe(
      false,
    );
  });

  it("a password change ends the member's other sessions and keeps the current one", async () => {
    const current = await sessions.createSessionRecord("usr_b", client);
    const other = await sessions.createSessionRecord("usr_b", { ip: null, userAgent: null });
    const someoneElse = await sessions.createSessionRecord("usr_a", client);
    expect(await sessions.endOtherSessions("usr_b", current)).toBe(1);
    expect(await sessions.isSessionLive(current, "usr_b")).toBe(true);
    expect(await sessions.isSessionLive(other, "usr_b")).toBe(false);
    expect(await sessions.isSessionLive(someoneElse, "usr_a")).toBe(true);
  });

  it("sweeps the member's ended sessions when a new one starts", async () => {
    const old = await sessions.createSessionRecord(
      "usr_a",
      client,
      new Date("2020-01-01T00:00:00Z"),
    );
    await sessions.createSessionRecord("usr_a", client);
    expect(await db().session.findUnique({ where: { id: old } })).toBeNull();
  });
});
