import { describe, expect, it } from "vitest";
import { effectiveAllowedOrigins, frameAncestorsPolicy, isAllowedOrigin } from "./origins";

describe("allowed origins", () => {
  it("uses the session's list when its backend set one, the workspace's otherwise", () => {
    const workspace = JSON.stringify(["https://app.example.com"]);
    expect(effectiveAllowedOrigins(JSON.stringify(["https://other.example"]), workspace)).toEqual([
      "https://other.example",
    ]);
    expect(effectiveAllowedOrigins(null, workspace)).toEqual(["https://app.example.com"]);
    // An empty session list means "nobody", not "fall back".
    expect(effectiveAllowedOrigins("[]", workspace)).toEqual([]);
  });

  it("matches origins exactly: no prefixes, subdomains or schemes by similarity", () => {
    const allowed = ["https://app.example.com"];
    expect(isAllowedOrigin("https://app.example.com", allowed)).toBe(true);
    for (const origin of [
      "http://app.example.com",
      "https://app.example.com.evil.com",
      "https://evil.app.example.com",
      "https://app.example.co",
      "null",
      "",
      null,
    ]) {
      expect(isAllowedOrigin(origin, allowed)).toBe(false);
    }
  });

  it("lets only the allowed origins frame the page, and nobody when there are none", () => {
    expect(frameAncestorsPolicy(["https://a.example", "http://127.0.0.2:3000"])).toBe(
      "frame-ancestors https://a.example http://127.0.0.2:3000",
    );
    expect(frameAncestorsPolicy([])).toBe("frame-ancestors 'none'");
    expect(frameAncestorsPolicy(["https://a.example; script-src *"])).toBe(
      "frame-ancestors 'none'",
    );
  });

  it("treats a corrupt stored list as empty", () => {
    expect(effectiveAllowedOrigins(null, "not json")).toEqual([]);
    expect(effectiveAllowedOrigins(null, '{"a":1}')).toEqual([]);
  });
});
