import { describe, expect, it } from "vitest";
import { normalizeSubdomain, siteSubdomain } from "./subdomain";

describe("normalizeSubdomain", () => {
  it.for<[string, string]>([
    ["acme", "acme"],
    ["ACME", "acme"],
    [" acme ", "acme"],
    ["\tacme\n", "acme"],
    ["acme.atlassian.net", "acme"],
    ["acme.atlassian-us-gov-mod.net", "acme"],
    ["https://Acme.Atlassian-US-Gov-Mod.net/wiki/spaces", "acme"],
    ["Acme.Atlassian.Net", "acme"],
    ["acme.atlassian.net.", "acme"],
    ["https://acme.atlassian.net", "acme"],
    ["https://acme.atlassian.net/", "acme"],
    ["http://acme.atlassian.net", "acme"],
    ["https://acme.atlassian.net/jira/software/projects", "acme"],
    ["https://acme.atlassian.net?x=1", "acme"],
    ["https://acme.atlassian.net#top", "acme"],
    ["acme-corp", "acme-corp"],
    ["nango-1", "nango-1"],
    ["123", "123"],
    ["abc", "abc"],
    ["a".repeat(63), "a".repeat(63)],
  ])("accepts %j as %j", ([input, expected]) => {
    expect(normalizeSubdomain(input)).toBe(expected);
  });

  it.for<[string, string]>([
    ["", "empty"],
    ["   ", "blank"],
    ["ac", "too short"],
    ["ac.atlassian.net", "too short behind the domain"],
    ["a".repeat(64), "longer than a DNS label"],
    ["-acme", "leading hyphen"],
    ["acme-", "trailing hyphen"],
    ["ac me", "inner space"],
    ["acme_corp", "underscore"],
    ["acme.example.com", "another domain"],
    ["acme.jira.com", "a legacy host typed in full"],
    ["acme.atlassian-us-gov-mod.com", "Government Cloud's gateway domain, not its sites'"],
    ["acme.atlassian-us-gov.net", "a near miss of Government Cloud's domain"],
    ["acme.atlassian.net.evil.com", "an Atlassian-looking prefix of another domain"],
    ["evil.com/.atlassian.net", "a path dressed as the domain"],
    ["user@acme.atlassian.net", "credentials in the host"],
    ["acme.atlassian.net:8080", "a port"],
    ["ftp://acme.atlassian.net", "another scheme"],
    ["acmé", "accented letter"],
    ["\u0430cme", "Cyrillic look-alike"],
    ["日本語", "non-Latin script"],
    ["xn--acme", "double hyphen"],
    ["https://user@jira.acme.com", "credentials before a custom domain"],
    ["https://jira.acme.com:8443", "a custom domain with a port"],
    ["https://jira..acme.com", "an empty label"],
    ["https://jira.acme.c0m", "a top-level label with a digit"],
    ["https://127.0.0.1", "an IP address"],
    ["https://jira_acme.com", "an underscore in a custom domain"],
    [`https://${"a".repeat(250)}.com`, "a host longer than DNS allows"],
  ])("rejects %j (%s)", ([input]) => {
    expect(normalizeSubdomain(input)).toBeNull();
  });

  it.for<[string, string]>([
    ["https://jira.acme.com", "jira.acme.com"],
    ["https://JIRA.Acme.com/browse/KEY-1", "jira.acme.com"],
    ["http://wiki.acme.co.uk/", "wiki.acme.co.uk"],
    ["https://jira.acme.com.", "jira.acme.com"],
    // The Atlassian host appears only in the path or query: the host is what counts.
    ["https://evil.com/acme.atlassian.net", "evil.com"],
    ["https://evil.com?acme.atlassian.net", "evil.com"],
  ])("reads the pasted address %j of a site on its own domain as its host %j", ([input, host]) => {
    expect(normalizeSubdomain(input)).toBe(host);
  });
});

describe("siteSubdomain", () => {
  it("answers the first label of the site's host, lowercased", () => {
    expect(siteSubdomain("https://acme.atlassian.net")).toBe("acme");
    expect(siteSubdomain("https://ACME.atlassian.net/")).toBe("acme");
    expect(siteSubdomain("https://nango-1.atlassian.net")).toBe("nango-1");
    expect(siteSubdomain("https://jira.acme.com")).toBe("jira");
    expect(siteSubdomain("https://oldco.jira.com/secure/Dashboard.jspa")).toBe("oldco");
  });

  it("answers null for something that is not a URL", () => {
    expect(siteSubdomain("acme.atlassian.net")).toBeNull();
    expect(siteSubdomain("")).toBeNull();
  });
});
