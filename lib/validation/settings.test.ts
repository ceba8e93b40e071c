import { describe, expect, it } from "vitest";
import {
  allowedOriginsSchema,
  allowedOriginsTextSchema,
  apiKeyNameSchema,
  createWorkspaceSchema,
  renameWorkspaceSchema,
  workspaceNameSchema,
} from "./settings";

function errorOf(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => issue.message).join(" ");
}

describe("workspace and key names", () => {
  it("trims and accepts 1 to 100 characters", () => {
    expect(workspaceNameSchema.parse("  Acme  ")).toBe("Acme");
    expect(apiKeyNameSchema.parse(" Production backend ")).toBe("Production backend");
    expect(workspaceNameSchema.parse("x".repeat(100))).toHaveLength(100);
  });

  it("refuses empty, blank and over-long names", () => {
    for (const schema of [workspaceNameSchema, apiKeyNameSchema]) {
      expect(schema.safeParse("").success).toBe(false);
      expect(schema.safeParse("   ").success).toBe(false);
      expect(errorOf(schema.safeParse("x".repeat(101)))).toMatch(/at most 100/);
    }
  });

  it("reads each form's own field", () => {
    expect(renameWorkspaceSchema.parse({ workspaceName: " A " })).toEqual({ workspaceName: "A" });
    expect(createWorkspaceSchema.parse({ newWorkspaceName: "B" })).toEqual({
      newWorkspaceName: "B",
    });
  });
});

describe("allowed origins text", () => {
  it("reads one origin per line, skipping blank lines, normalised and deduplicated", () => {
    const text =
      "https://App.Example.com\n\n  http://localhost:3000/  \r\nhttps://app.example.com:443\n";
    expect(allowedOriginsTextSchema.parse(text)).toEqual([
      "https://app.example.com",
      "http://localhost:3000",
    ]);
  });

  it("answers an empty list for an empty textarea", () => {
    expect(allowedOriginsTextSchema.parse("")).toEqual([]);
    expect(allowedOriginsSchema.parse({ origins: " \n \n" })).toEqual({ origins: [] });
  });

  it("names the offending line, counting blank lines", () => {
    const message = errorOf(
      allowedOriginsTextSchema.safeParse("https://ok.example\n\napp.example.com"),
    );
    expect(message).toMatch(/^Line 3: must be an origin/);
  });

  it("refuses paths, queries, credentials and other schemes", () => {
    for (const bad of [
      "https://a.example/path",
      "https://a.example?x=1",
      "https://user@a.example",
      "ftp://a.example",
      "*",
      "null",
    ]) {
      expect(errorOf(allowedOriginsTextSchema.safeParse(`https://ok.example\n${bad}`))).toMatch(
        /^Line 2: /,
      );
    }
  });

  it("reports several bad lines in one message, then how many more", () => {
    const text = ["a", "b", "https://ok.example", "c", "d", "e"].join("\n");
    expect(errorOf(allowedOriginsTextSchema.safeParse(text))).toMatch(
      /^Line 1: .+ Line 2: .+ Line 4: .+ 2 more lines to fix\.$/,
    );
  });

  it("allows at most 20 distinct origins", () => {
    const origins = (count: number) =>
      Array.from({ length: count }, (_, i) => `https://site${i}.example`).join("\n");
    expect(allowedOriginsTextSchema.parse(origins(20))).toHaveLength(20);
    expect(errorOf(allowedOriginsTextSchema.safeParse(origins(21)))).toMatch(
      /at most 20 origins; this has 21/,
    );
    // Duplicates do not count against the limit.
    const repeated = `${origins(20)}\n${origins(20)}`;
    expect(allowedOriginsTextSchema.parse(repeated)).toHaveLength(20);
  });
});
