import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, openTestDatabase } from "../../testing/test-db";

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
const useCases = async () => ({
  ...(await import("./create-workspace")),
  ...(await import("./get-theme-settings")),
  ...(await import("./get-workspace-settings")),
  ...(await import("./rename-workspace")),
  ...(await import("./set-allow-missing-scopes")),
  ...(await import("./set-allowed-origins")),
  ...(await import("./set-required-scopes")),
  ...(await import("./set-theme-settings")),
});
let workspaces: Awaited<ReturnType<typeof useCases>>;
let newId: typeof import("../ids").newId;

beforeAll(async () => {
  db = (await openTestDatabase()).getDb;
  workspaces = await useCases();
  ({ newId } = await import("../ids"));
});

/** The workspace's audit events, in no particular order (ids are random, clocks coarse). */
async function events(workspaceId: string) {
  const rows = await db().auditEvent.findMany({ where: { workspaceId } });
  return rows.map((row) => ({
    action: row.action,
    actorId: row.actorId,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}

describe("getWorkspaceSettings", () => {
  it("answers the name and the origins as an array", async () => {
    const { scope } = await createTestWorkspace("Acme");
    expect(await workspaces.getWorkspaceSettings(scope)).toEqual({
      name: "Acme",
      allowedOrigins: [],
      requiredScopes: [],
      allowMissingScopes: false,
      theme: { displayName: null, logoUrl: null, primaryColor: null, themeMode: "system" },
    });
  });

  it("reads a malformed stored list as no origins", async () => {
    const { scope } = await createTestWorkspace();
    await db().workspace.update({
      where: { id: scope.workspaceId },
      data: { allowedOrigins: "not json" },
    });
    expect((await workspaces.getWorkspaceSettings(scope)).allowedOrigins).toEqual([]);
  });
});

describe("renameWorkspace", () => {
  it("renames only the scope's workspace and records what changed", async () => {
    const { scope } = await createTestWorkspace("Old name");
    const { scope: other } = await createTestWorkspace("Bystander");
    await workspaces.renameWorkspace(scope, "New name");

    expect((await workspaces.getWorkspaceSettings(scope)).name).toBe("New name");
    expect((await workspaces.getWorkspaceSettings(other)).name).toBe("Bystander");
    expect(await events(scope.workspaceId)).toEqual([
      {
        action: "workspace.updated",
        actorId: "usr_test",
        details: { changed: "name", from: "Old name", to: "New name" },
      },
    ]);
  });

  it("records nothing when the name stays the same", async () => {
    const { scope } = await createTestWorkspace("Same");
    await workspaces.renameWorkspace(scope, "Same");
    expect(await events(scope.workspaceId)).toEqual([]);
  });
});

describe("setAllowedOrigins", () => {
  it("stores the list as JSON and records what was added and removed", async () => {
    const { scope } = await createTestWorkspace();
    await workspaces.setAllowedOrigins(scope, ["https://a.example", "https://b.example"]);
    const stored = await workspaces.setAllowedOrigins(scope, [
      "https://b.example",
      "https://c.example",
    ]);

    expect(stored).toEqual(["https://b.example", "https://c.example"]);
    const row = await db().workspace.findUniqueOrThrow({ where: { id: scope.workspaceId } });
    expect(JSON.parse(row.allowedOrigins)).toEqual(stored);
    expect((await workspaces.getWorkspaceSettings(scope)).allowedOrigins).toEqual(stored);
    const details = (await events(scope.workspaceId)).map((event) => event.details);
    expect(details).toHaveLength(2);
    expect(details).toEqual(
      expect.arrayContaining([
        {
          changed: "allowed_origins",
          added: "https://a.example https://b.example",
          removed: "",
          count: 2,
        },
        {
          changed: "allowed_origins",
          added: "https://c.example",
          removed: "https://a.example",
          count: 2,
        },
      ]),
    );
  });

  it("can empty the list, and records nothing when it does not change", async () => {
    const { scope } = await createTestWorkspace();
    await workspaces.setAllowedOrigins(scope, ["https://a.example"]);
    await workspaces.setAllowedOrigins(scope, ["https://a.example"]);
    expect(await workspaces.setAllowedOrigins(scope, [])).toEqual([]);
    const removed = (await events(scope.workspaceId)).map((event) => event.details.removed);
    expect(removed.sort()).toEqual(["", "https://a.example"]);
  });

  it("refuses anything that is not an origin, whoever calls", async () => {
    const { scope } = await createTestWorkspace();
    await expect(
      workspaces.setAllowedOrigins(scope, ["https://a.example; script-src *"]),
    ).rejects.toThrow();
    const tooMany = Array.from({ length: 21 }, (_, i) => `https://s${i}.example`);
    await expect(workspaces.setAllowedOrigins(scope, tooMany)).rejects.toThrow();
    expect((await workspaces.getWorkspaceSettings(scope)).allowedOrigins).toEqual([]);
  });
});

describe("setRequiredScopes", () => {
  it("stores the scopes lowercased without duplicates, reads them back, and records the change", async () => {
    const { scope } = await createTestWorkspace();
    expect(
      await workspaces.setRequiredScopes(scope, [
        "read:jira-work",
        "WRITE:jira-work",
        "read:jira-work",
      ]),
    ).toEqual(["read:jira-work", "write:jira-work"]);
    expect((await workspaces.getWorkspaceSettings(scope)).requiredScopes).toEqual([
      "read:jira-work",
      "write:jira-work",
    ]);
    await workspaces.setRequiredScopes(scope, ["read:jira-work", "write:jira-work"]);
    expect(await events(scope.workspaceId)).toEqual([
      {
        action: "workspace.updated",
        actorId: scope.actor.id,
        details: { changed: "required_scopes", scopes: "read:jira-work write:jira-work" },
      },
    ]);
  });

  it("refuses what is not a scope, whoever calls", async () => {
    const { scope } = await createTestWorkspace();
    await expect(workspaces.setRequiredScopes(scope, ["jira"])).rejects.toThrow(
      /“jira” is not an OAuth scope/,
    );
  });
});

describe("setAllowMissingScopes", () => {
  it("turns the choice on and off, audits each change once, and reads back", async () => {
    const { scope } = await createTestWorkspace();
    expect(await workspaces.setAllowMissingScopes(scope, true)).toBe(true);
    expect(await workspaces.setAllowMissingScopes(scope, true)).toBe(true);
    expect((await workspaces.getWorkspaceSettings(scope)).allowMissingScopes).toBe(true);
    expect(await workspaces.setAllowMissingScopes(scope, false)).toBe(false);
    const changes = await events(scope.workspaceId);
    expect(changes).toHaveLength(2);
    expect(changes).toEqual(
      expect.arrayContaining([
        {
          action: "workspace.updated",
          actorId: scope.actor.id,
          details: { changed: "allow_missing_scopes", from: false, to: true },
        },
        {
          action: "workspace.updated",
          actorId: scope.actor.id,
          details: { changed: "allow_missing_scopes", from: true, to: false },
        },
      ]),
    );
  });
});

describe("theme settings", () => {
  const theme = {
    displayName: "Acme Cloud",
    logoUrl: "https://cdn.acme.example/logo.png",
    primaryColor: "#2563eb",
    themeMode: "dark" as const,
  };

  it("stores them for the scope's workspace only and records them", async () => {
    const { scope } = await createTestWorkspace();
    const { scope: other } = await createTestWorkspace();
    expect(await workspaces.setThemeSettings(scope, theme)).toEqual(theme);

    expect(await workspaces.getThemeSettings(scope)).toEqual(theme);
    expect((await workspaces.getWorkspaceSettings(scope)).theme).toEqual(theme);
    expect((await workspaces.getThemeSettings(other)).primaryColor).toBeNull();
    expect(await events(scope.workspaceId)).toEqual([
      {
        action: "workspace.updated",
        actorId: "usr_test",
        details: {
          changed: "display_name logo_url primary_color theme_mode",
          display_name: "Acme Cloud",
          logo_url: "https://cdn.acme.example/logo.png",
          primary_color: "#2563eb",
          theme_mode: "dark",
        },
      },
    ]);
  });

  it("records only what changed, and nothing when nothing did", async () => {
    const { scope } = await createTestWorkspace();
    await workspaces.setThemeSettings(scope, theme);
    await workspaces.setThemeSettings(scope, theme);
    await workspaces.setThemeSettings(scope, { ...theme, primaryColor: null, themeMode: "light" });

    const details = (await events(scope.workspaceId)).map((event) => event.details);
    expect(details).toHaveLength(2);
    expect(details).toContainEqual({
      changed: "primary_color theme_mode",
      primary_color: null,
      theme_mode: "light",
    });
  });

  it("refuses unsafe values, whoever calls", async () => {
    const { scope } = await createTestWorkspace();
    for (const bad of [
      { ...theme, logoUrl: "javascript:alert(1)" },
      { ...theme, primaryColor: "red; background: url(https://evil.example)" },
      { ...theme, themeMode: "neon" as "dark" },
      { ...theme, displayName: "x".repeat(61) },
    ]) {
      await expect(workspaces.setThemeSettings(scope, bad)).rejects.toThrow();
    }
    expect((await workspaces.getThemeSettings(scope)).logoUrl).toBeNull();
    expect(await events(scope.workspaceId)).toEqual([]);
  });

  it("reads a hand-edited mode as the default", async () => {
    const { scope } = await createTestWorkspace();
    await db().workspace.update({ where: { id: scope.workspaceId }, data: { themeMode: "neon" } });
    expect((await workspaces.getThemeSettings(scope)).themeMode).toBe("system");
  });
});

describe("createWorkspace", () => {
  it("creates a workspace with the user as its admin and records it", async () => {
    const user = await db().user.create({
      data: { id: newId("usr"), email: `owner-${newId("usr")}@example.com`, passwordHash: "x" },
    });
    const id = await workspaces.createWorkspace(user.id, "Second product", "10.0.0.1");

    const membership = await db().membership.findUniqueOrThrow({
      where: { userId_workspaceId: { userId: user.id, workspaceId: id } },
      include: { workspace: true },
    });
    expect(membership.role).toBe("admin");
    expect(membership.workspace).toMatchObject({ name: "Second product", allowedOrigins: "[]" });
    const [event] = await db().auditEvent.findMany({ where: { workspaceId: id } });
    expect(event).toMatchObject({
      action: "workspace.created",
      actorType: "member",
      actorId: user.id,
      actorLabel: user.email,
      targetId: id,
      ip: "10.0.0.1",
    });
  });

  it("creates nothing for a user that does not exist", async () => {
    const before = await db().workspace.count();
    await expect(workspaces.createWorkspace("usr_missing", "Ghost", null)).rejects.toThrow();
    expect(await db().workspace.count()).toBe(before);
  });
});
