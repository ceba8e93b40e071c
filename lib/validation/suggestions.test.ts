import { describe, expect, it } from "vitest";
import { quoted, suggestHexColor, suggestOrigin, suggestScopes, suggestUrl } from "./suggestions";

const any = () => true;

describe("suggestions", () => {
  it("quotes a value, cutting a long one short", () => {
    expect(quoted("acme.com")).toBe("“acme.com”");
    expect(quoted("x".repeat(100))).toBe(`“${"x".repeat(59)}…”`);
  });

  it("puts https:// in front of a bare host, or in place of another scheme", () => {
    expect(suggestUrl("acme.com/hook", any)).toBe("https://acme.com/hook");
    expect(suggestUrl("//acme.com", any)).toBe("https://acme.com");
    expect(suggestUrl("http://u:p@acme.com/x", any)).toBe("https://acme.com/x");
    expect(suggestUrl("javascript:alert(1)", any)).toBeNull();
    expect(suggestUrl("latch", any)).toBeNull();
    expect(suggestUrl("acme.com", () => false)).toBeNull();
  });

  it("answers only an origin", () => {
    expect(suggestOrigin("acme.com", any)).toBe("https://acme.com");
    expect(suggestOrigin("http://acme.com:8080/path", any)).toBe("http://acme.com:8080");
    expect(suggestOrigin("*", any)).toBeNull();
  });

  it("writes colours as #rrggbb", () => {
    expect(suggestHexColor("FFF")).toBe("#ffffff");
    expect(suggestHexColor("rgba(1, 2, 3, 0.5)")).toBe("#010203");
    expect(suggestHexColor("rgb(256, 0, 0)")).toBeNull();
    expect(suggestHexColor("blue")).toBeNull();
  });

  it("mends scopes a space, semicolon or quote broke, or gives up", () => {
    const scope = (word: string) => /^[a-z]+:[a-z-]+$/.test(word);
    expect(suggestScopes(["read:", "jira-work"], scope)).toBe("read:jira-work");
    expect(suggestScopes(["read", ":jira-work"], scope)).toBe("read:jira-work");
    expect(suggestScopes(["a:b;c:d"], scope)).toBe("a:b c:d");
    expect(suggestScopes(["jira"], scope)).toBeNull();
  });
});
