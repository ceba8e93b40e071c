import { describe, expect, it } from "vitest";
import { ABSOLUTE_LIFETIME_MS, IDLE_LIFETIME_MS, isActive } from "./session-cookie";

const signedIn = (issuedAgo: number, seenAgo: number, now: number) => ({
  sessionId: "s_1",
  userId: "usr_1",
  workspaceId: "ws_1",
  issuedAt: now - issuedAgo,
  lastSeenAt: now - seenAgo,
});

describe("isActive", () => {
  const now = Date.now();
  it("keeps a recently used session", () => {
    expect(isActive(signedIn(60_000, 1_000, now), now)).toBe(true);
  });
  it("ends a session left idle too long", () => {
    expect(isActive(signedIn(IDLE_LIFETIME_MS + 1, IDLE_LIFETIME_MS + 1, now), now)).toBe(false);
  });
  it("ends a session past its absolute lifetime, however active", () => {
    expect(isActive(signedIn(ABSOLUTE_LIFETIME_MS + 1, 1_000, now), now)).toBe(false);
  });
  it("refuses an empty or partial session", () => {
    expect(isActive({}, now)).toBe(false);
    expect(isActive({ userId: "usr_1" }, now)).toBe(false);
  });
});
