import { describe, expect, it } from "vitest";
import { siteDomainFor } from "./site-domains";

describe("siteDomainFor", () => {
  it.for<[string, string]>([
    ["https://api.atlassian.com", "atlassian.net"],
    ["https://api.atlassian-us-gov-mod.com", "atlassian-us-gov-mod.net"],
    ["https://API.Atlassian-US-Gov-Mod.com/", "atlassian-us-gov-mod.net"],
    ["http://127.0.0.1:4017", "atlassian.net"],
    ["https://api.atlassian-us-gov-mod.com.evil.example", "atlassian.net"],
    ["not a url", "atlassian.net"],
  ])("%s → %s", ([apiUrl, domain]) => {
    expect(siteDomainFor(apiUrl)).toBe(domain);
  });
});
