import { describe, expect, it } from "vitest";
import { chooseSite } from "./choose-site";
import type { Site } from "./sites";

function site(name: string, url: string): Site {
  return { cloudId: `cloud-${name.toLowerCase().replace(/\W+/g, "-")}`, name, url, scopes: [] };
}

const nango = site("Nango", "https://nango.atlassian.net");
const nango1 = site("Nango One", "https://nango-1.atlassian.net");
const acme = site("Acme", "https://acme.atlassian.net");
const widgets = site("Widgets", "https://jira.widgets.com");
const legacy = site("Legacy", "https://oldco.jira.com");
const zebra = site("Zebra", "https://zebra.atlassian.net");

function chosen(sites: Site[], subdomain?: string | null) {
  const choice = chooseSite(sites, subdomain);
  if (choice.kind !== "chosen") throw new Error(`expected a chosen site, got ${choice.kind}`);
  return choice.site;
}

describe("chooseSite", () => {
  it("picks the site whose first host label is the subdomain", () => {
    expect(chosen([zebra, acme, nango], "acme")).toBe(acme);
  });

  it("matches case-insensitively", () => {
    expect(chosen([zebra, acme], "ACME")).toBe(acme);
    expect(chosen([zebra, site("Shouty", "https://SHOUTY.atlassian.net")], "shouty").name).toBe(
      "Shouty",
    );
  });

  it("never matches by prefix or substring, whatever the order", () => {
    expect(chosen([nango, nango1], "nango")).toBe(nango);
    expect(chosen([nango1, nango], "nango")).toBe(nango);
    expect(chosen([nango, nango1], "nango-1")).toBe(nango1);
    expect(chosen([nango1, nango], "nango-1")).toBe(nango1);
    expect(chooseSite([nango1], "nango").kind).toBe("subdomain_not_found");
    expect(chooseSite([nango], "nango-1").kind).toBe("subdomain_not_found");
    expect(chooseSite([nango], "nan").kind).toBe("subdomain_not_found");
  });

  it("matches custom domains and legacy jira.com hosts by their first host label", () => {
    expect(chosen([acme, widgets, legacy], "jira")).toBe(widgets);
    expect(chosen([acme, widgets, legacy], "oldco")).toBe(legacy);
    // The domain name of a custom host is not its subdomain.
    expect(chooseSite([acme, widgets], "widgets").kind).toBe("subdomain_not_found");
  });

  it("matches a pasted custom domain by its whole host, never by a part of it", () => {
    expect(chosen([acme, widgets, legacy], "jira.widgets.com")).toBe(widgets);
    expect(chooseSite([acme, widgets], "jira.widgets.co").kind).toBe("subdomain_not_found");
    expect(chooseSite([acme, widgets], "widgets.com").kind).toBe("subdomain_not_found");
    expect(chooseSite([acme, widgets], "acme.evil.com").kind).toBe("subdomain_not_found");
  });

  it("takes the only site when no subdomain is given", () => {
    expect(chooseSite([widgets])).toEqual({ kind: "chosen", site: widgets });
    expect(chooseSite([widgets], null)).toEqual({ kind: "chosen", site: widgets });
    expect(chooseSite([widgets], "")).toEqual({ kind: "chosen", site: widgets });
  });

  it("asks which site when several are reachable, sorted by name whatever the answer's order", () => {
    const expected = [acme, legacy, nango, zebra];
    expect(chooseSite([zebra, nango, acme, legacy])).toEqual({ kind: "ask", sites: expected });
    expect(chooseSite([legacy, acme, zebra, nango])).toEqual({ kind: "ask", sites: expected });
  });

  it("orders sites with the same name by URL", () => {
    const second = site("Acme", "https://acme-eu.atlassian.net");
    const first = site("Acme", "https://acme-ap.atlassian.net");
    expect(chooseSite([second, first])).toEqual({ kind: "ask", sites: [first, second] });
    expect(chooseSite([first, second])).toEqual({ kind: "ask", sites: [first, second] });
  });

  it("does not reorder the caller's list", () => {
    const sites = [zebra, acme];
    chooseSite(sites);
    expect(sites).toEqual([zebra, acme]);
  });

  it("says there are no sites, with or without a subdomain", () => {
    expect(chooseSite([])).toEqual({ kind: "no_sites" });
    expect(chooseSite([], "acme")).toEqual({ kind: "no_sites" });
  });

  it("names every reachable site when the subdomain is not among them", () => {
    expect(chooseSite([zebra, widgets, nango1], "nango")).toEqual({
      kind: "subdomain_not_found",
      subdomain: "nango",
      sites: [nango1, widgets, zebra],
    });
  });
});
