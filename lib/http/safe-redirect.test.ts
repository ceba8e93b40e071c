import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect";

describe("safeNextPath", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/connections?status=failing")).toBe("/connections?status=failing");
    expect(safeNextPath("/settings")).toBe("/settings");
  });

  it("refuses anything a browser would take to another site", () => {
    for (const next of [
      "//evil.com",
      "/..//evil.com",
      "/.//evil.com",
      "/%2e//evil.com",
      "/a/../..//evil.com/x",
      "/\t/evil.com",
      "/\\evil.com",
      "https://evil.com",
      "evil.com",
      "/\n/evil.com",
      "",
      null,
      42,
    ]) {
      expect(safeNextPath(next)).toBe("/connections");
    }
  });
});
