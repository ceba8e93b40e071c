import { describe, expect, it } from "vitest";
import { checkLogoUrl } from "./logo-url";

describe("checkLogoUrl", () => {
  it("accepts https anywhere and http on this machine, normalised", () => {
    expect(checkLogoUrl("https://CDN.Example.com/a logo.png")).toEqual({
      ok: true,
      url: "https://cdn.example.com/a%20logo.png",
    });
    for (const local of [
      "http://localhost/logo.svg",
      "http://127.0.0.1:8080/logo.svg",
      "http://[::1]/logo.svg",
    ]) {
      expect(checkLogoUrl(local)).toEqual({ ok: true, url: local });
    }
  });

  it("says why it refuses the rest", () => {
    expect(checkLogoUrl("http://cdn.example.com/logo.png")).toEqual({
      ok: false,
      reason: "insecure",
    });
    for (const insecure of [
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "ftp://x.example/a",
    ])
      expect(checkLogoUrl(insecure)).toMatchObject({ reason: "insecure" });
    for (const notUrl of ["logo.png", "//cdn.example.com/logo.png", "https://user:pw@x.example/a"])
      expect(checkLogoUrl(notUrl)).toMatchObject({ reason: "not_a_url" });
    expect(checkLogoUrl(`https://x.example/${"a".repeat(2048)}`)).toMatchObject({
      reason: "too_long",
    });
  });
});
