import { describe, expect, it } from "vitest";
import { dashboardReturnPath } from "./return-to";

describe("dashboardReturnPath", () => {
  it("keeps the dashboard's connection pages", () => {
    expect(dashboardReturnPath("/connections")).toBe("/connections");
    expect(dashboardReturnPath("/connections/con_abc-1")).toBe("/connections/con_abc-1");
    expect(dashboardReturnPath("/connections?q=x")).toBe("/connections");
  });

  it("refuses anything that could leave the dashboard or this origin", () => {
    for (const value of [
      undefined,
      "",
      "https://evil.example/connections",
      "//evil.example/connections",
      "/\\evil.example",
      "/\t/evil.example",
      "/settings",
      "/connections/../settings",
      "/connections/x/y",
      "/connectionsx",
      "javascript:alert(1)",
      ["/connections"],
    ]) {
      expect(dashboardReturnPath(value), String(value)).toBeNull();
    }
  });
});
