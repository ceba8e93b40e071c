import { describe, expect, it } from "vitest";
import { gatewayBaseUrls, primaryProduct, productsFromScopes } from "./products";

describe("productsFromScopes", () => {
  it("reads Jira and Confluence from the scopes that name them", () => {
    expect(productsFromScopes(["read:jira-work", "write:jira-work"])).toEqual(["jira"]);
    expect(productsFromScopes(["read:confluence-content.all", "search:confluence"])).toEqual([
      "confluence",
    ]);
    expect(productsFromScopes(["read:page:confluence", "read:jira-user"])).toEqual([
      "jira",
      "confluence",
    ]);
  });

  it("assumes Jira when no scope names a product, as every connection did before", () => {
    expect(productsFromScopes([])).toEqual(["jira"]);
    expect(productsFromScopes(["read:me", "offline_access"])).toEqual(["jira"]);
  });
});

describe("base URLs", () => {
  it("maps each product to its gateway base, and prefers Jira as the one base", () => {
    expect(gatewayBaseUrls("https://api.example", ["jira", "confluence"], "c 1")).toEqual({
      jira: "https://api.example/ex/jira/c%201",
      confluence: "https://api.example/ex/confluence/c%201",
    });
    expect(primaryProduct(["jira", "confluence"])).toBe("jira");
    expect(primaryProduct(["confluence"])).toBe("confluence");
  });
});
