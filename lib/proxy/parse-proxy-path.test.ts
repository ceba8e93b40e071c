import { describe, expect, it } from "vitest";
import { parseProxyPath, upstreamUrl } from "./parse-proxy-path";

const API = "https://api.atlassian.com";

describe("parseProxyPath", () => {
  it("takes the product and keeps the path and query exactly as sent", () => {
    expect(parseProxyPath("/jira/rest/api/3/issue/ACME-1%20x", "expand=names&a=%2F")).toEqual({
      ok: true,
      target: {
        product: "jira",
        path: "/rest/api/3/issue/ACME-1%20x",
        query: "expand=names&a=%2F",
      },
    });
    expect(parseProxyPath("/confluence/wiki/rest/api/content", "")).toMatchObject({ ok: true });
    // An encoded slash in the query is a value, not a path: allowed.
    expect(parseProxyPath("/jira/rest/api/3/search", "jql=a%2Fb")).toMatchObject({ ok: true });
  });

  // Each rule on its own: every one of these would pass the others.
  it.for([
    ["a dot segment", "/jira/rest/../x"],
    ["a single dot segment", "/jira/./x"],
    ["an encoded dot segment", "/jira/%2e%2e/x"],
    ["a doubly encoded dot segment", "/jira/%252e%252e/x"],
    ["an encoded slash", "/jira/a%2fb"],
    ["a doubly encoded slash", "/jira/a%252fb"],
    ["an encoded backslash", "/jira/a%5cb"],
    ["a raw backslash", "/jira/a\\b"],
    ["an empty segment", "/jira/a//b"],
    ["a scheme", "/jira/https:/evil.example"],
    ["an encoded NUL", "/jira/a%00"],
    ["a malformed encoding", "/jira/a%zz"],
    ["an unknown product", "/bitbucket/x"],
    ["no path", "/jira"],
  ])("refuses %s (%s)", ([, path]) => {
    expect(parseProxyPath(path!, "").ok).toBe(false);
  });

  it("refuses what a parser would cut or rewrite in the query", () => {
    expect(parseProxyPath("/jira/x", "a=1#frag").ok).toBe(false);
    expect(parseProxyPath("/jira/x", "a=\\").ok).toBe(false);
  });
});

describe("upstreamUrl", () => {
  const target = (path: string) => ({ product: "jira" as const, path, query: "" });

  it("puts the path under /ex/{product}/{cloudId}", () => {
    expect(upstreamUrl(API, "c-1", { ...target("/rest/api/3/myself"), query: "a=1" })).toBe(
      `${API}/ex/jira/c-1/rest/api/3/myself?a=1`,
    );
  });

  it("refuses, as a last check, any path a URL parser would move elsewhere", () => {
    expect(upstreamUrl(API, "c-1", target("/../../oauth/token"))).toBeNull();
    expect(upstreamUrl(API, "c-1", target("/%2e%2e/oauth"))).toBeNull();
    expect(upstreamUrl(API, "c-1", target("\\..\\oauth"))).toBeNull();
    expect(upstreamUrl(API, "c-1", target("@evil.example/x"))).not.toBeNull();
  });
});
