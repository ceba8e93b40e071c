import { describe, expect, it } from "vitest";
import { AtlassianError } from "../../atlassian";
import { localizeFailure } from "../../i18n/localize";
import { LOCALES } from "../../i18n/locales";
import { hasMessage } from "../../i18n/translate";
import {
  describeAtlassianError,
  noSitesFailure,
  siteUnreachableFailure,
  subdomainNotFoundFailure,
  missingScopesFailure,
} from "./failures";

const sites = [
  { cloudId: "c1", name: "Acme", url: "https://acme.atlassian.net", scopes: [] },
  { cloudId: "c2", name: "Beta", url: "https://beta.atlassian.net", scopes: [] },
];

const endUserFailures = [
  describeAtlassianError(new AtlassianError("invalid_client", "x")),
  describeAtlassianError(new AtlassianError("invalid_credentials", "x")),
  describeAtlassianError(new AtlassianError("rate_limited", "x", 1)),
  describeAtlassianError(new AtlassianError("unavailable", "x")),
  describeAtlassianError(new AtlassianError("timeout", "x")),
  describeAtlassianError(new AtlassianError("unexpected_response", "x")),
  noSitesFailure(),
  subdomainNotFoundFailure("gamma", sites, "atlassian.net"),
  missingScopesFailure(["write:jira-work", "read:jira-user"]),
];

describe("failures the end user sees", () => {
  it("are all worded in every language's catalog", () => {
    for (const failure of endUserFailures) {
      expect(hasMessage(`failures.${failure.code}`), failure.code).toBe(true);
      const texts = LOCALES.map((locale) => localizeFailure(locale, failure));
      expect(new Set(texts).size, failure.code).toBe(LOCALES.length);
    }
  });

  it("keep their English message for the API, logs and audit", () => {
    const [invalidClient, , rateLimited] = endUserFailures;
    expect(invalidClient).toMatchObject({
      field: "clientId",
      message:
        "Atlassian does not recognise this Client ID. Copy it again from the credential in Atlassian Administration → Directory → Service accounts; if the credential was deleted, create a new one.",
    });
    expect(rateLimited!.message).toBe(
      "Atlassian is limiting requests right now. Try again in 1 second.",
    );
    expect(localizeFailure("en", rateLimited!)).toBe(rateLimited!.message);
  });

  it("fill in their details in the reader's language", () => {
    const notFound = subdomainNotFoundFailure("gamma", sites, "atlassian.net");
    expect(notFound.field).toBe("subdomain");
    const french = localizeFailure("fr", notFound);
    expect(french).toContain("gamma.atlassian.net");
    expect(french).toContain(
      "Acme (https://acme.atlassian.net) et Beta (https://beta.atlassian.net)",
    );
    expect(localizeFailure("ja", notFound)).toContain("gamma.atlassian.net");
  });

  it("name the site in the configured environment's domain, or a custom domain's host", () => {
    const gov = subdomainNotFoundFailure("gamma", sites, "atlassian-us-gov-mod.net");
    expect(gov.message).toContain("cannot reach gamma.atlassian-us-gov-mod.net.");
    const custom = subdomainNotFoundFailure("jira.gamma.com", sites, "atlassian.net");
    expect(custom.message).toContain("cannot reach jira.gamma.com.");
  });

  it("list the missing scopes in the reader's language and say the link still works", () => {
    const missing = missingScopesFailure(["write:jira-work", "read:jira-user"]);
    expect(missing.message).toContain(
      "2 scopes this app needs: write:jira-work and read:jira-user",
    );
    expect(missing.message).toContain("This link still works.");
    expect(localizeFailure("de", missing)).toContain("write:jira-work und read:jira-user");
  });

  it("a failure only tenants see keeps its English message in any language", () => {
    const failure = siteUnreachableFailure({ name: "Acme", url: "https://acme.atlassian.net" });
    expect(localizeFailure("de", failure)).toBe(failure.message);
  });
});
