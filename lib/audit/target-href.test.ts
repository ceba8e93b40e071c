import { describe, expect, it } from "vitest";
import { auditTargetHref, type TargetContext } from "./target-href";

const admin: TargetContext = {
  workspaceId: "ws_a",
  admin: true,
  connections: new Set(["conn_here"]),
};
const event = (targetType: string | null, targetId: string | null, extra = {}) => ({
  action: "x.y",
  targetType,
  targetId,
  details: {},
  ...extra,
});

describe("auditTargetHref", () => {
  it("links a connection that exists in the workspace to its page, and only then", () => {
    expect(auditTargetHref(event("connection", "conn_here"), admin)).toBe("/connections/conn_here");
    expect(auditTargetHref(event("connection", "conn_gone"), admin)).toBeNull();
    expect(auditTargetHref(event("connection", "conn_here"), { ...admin, admin: false })).toBe(
      "/connections/conn_here",
    );
  });

  it("links keys, members and invites to where an admin manages them", () => {
    expect(auditTargetHref(event("api_key", "key_1"), admin)).toBe("/settings#api-keys");
    expect(auditTargetHref(event("member", "usr_1"), admin)).toBe("/members");
    expect(auditTargetHref(event("invite", "inv_1"), admin)).toBe("/members");
  });

  it("links the workspace's settings to the section that changed", () => {
    const updated = (changed: string) =>
      auditTargetHref(
        event("workspace", "ws_a", { action: "workspace.updated", details: { changed } }),
        admin,
      );
    expect(updated("name")).toBe("/settings#workspace");
    expect(updated("allowed_origins")).toBe("/settings#allowed-origins");
    expect(updated("required_scopes")).toBe("/settings#required-scopes");
    expect(updated("primary_color theme_mode")).toBe("/settings#appearance");
    expect(auditTargetHref(event("workspace", "ws_a", { action: "webhook.updated" }), admin)).toBe(
      "/settings#webhook",
    );
    expect(auditTargetHref(event("workspace", "ws_other"), admin)).toBeNull();
  });

  it("does not send a Member to pages that answer 403, nor link nothing", () => {
    const member = { ...admin, admin: false };
    for (const type of ["api_key", "member", "invite", "workspace"]) {
      expect(
        auditTargetHref(event(type, type === "workspace" ? "ws_a" : "id_1"), member),
      ).toBeNull();
    }
    expect(auditTargetHref(event(null, null), admin)).toBeNull();
  });
});
