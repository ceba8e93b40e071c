import { beforeAll, describe, expect, it } from "vitest";
import type { Env } from "../env";
import { openTestDatabase } from "../../testing/test-db";

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let bootstrap: typeof import("./bootstrap");

beforeAll(async () => {
  db = await openTestDatabase();
  bootstrap = await import("./bootstrap");
});

const env = {
  INITIAL_WORKSPACE_NAME: "Acme",
  INITIAL_ADMIN_EMAIL: "Admin@Example.com",
  INITIAL_ADMIN_PASSWORD: "correct horse battery",
  INITIAL_API_KEY: "latch_sk_bootstrap_0123456789abcdefghijklmnopqr",
} as Env;

describe("applyInitialSetup", () => {
  it("creates the first workspace, admin and key once, even when instances start together", async () => {
    await Promise.all(
      Array.from({ length: 4 }, () => bootstrap.applyInitialSetup(db.getDb(), env)),
    );
    await bootstrap.applyInitialSetup(db.getDb(), { ...env, INITIAL_WORKSPACE_NAME: "Other" });
    const workspaces = await db.getDb().workspace.findMany();
    expect(workspaces.map((workspace) => workspace.name)).toEqual(["Acme"]);
    expect(await db.getDb().user.findMany({ select: { email: true } })).toEqual([
      { email: "admin@example.com" },
    ]);
    expect(await db.getDb().apiKey.count()).toBe(1);
  });
});
