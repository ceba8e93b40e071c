import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { localizedText } from "./localize";
import { CATALOGS, strictTranslator, type MessageKey } from "./translate";

const tag = (chunks: string) => `[${chunks}]`;

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

/** The ICU argument names and rich-text tags a message uses. */
function placeholders(message: string) {
  const args = [...message.matchAll(/\{\s*([A-Za-z_]\w*)/g)].map((match) => match[1]);
  const tags = [...message.matchAll(/<(\w+)>/g)].map((match) => match[1]);
  return { args: [...new Set(args)].sort(), tags: [...new Set(tags)].sort() };
}

const english = flatten(CATALOGS.en);
/** Translations that rightly read as the English does. */
const SAME_AS_ENGLISH = new Set([
  "de.form.subdomain",
  "de.form.optional",
  "de.form.site",
  "fr.form.site",
]);

describe.each(LOCALES.filter((locale) => locale !== "en"))("the %s catalog", (locale) => {
  const catalog = flatten(CATALOGS[locale] as Catalog);

  it("has exactly the English keys", () => {
    expect([...catalog.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("uses the same arguments and tags in every message, and is translated", () => {
    for (const [key, source] of english) {
      const text = catalog.get(key) ?? "";
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(text), key).toEqual(placeholders(source));
      if (!SAME_AS_ENGLISH.has(`${locale}.${key}`)) expect(text, key).not.toBe(source);
    }
  });
});

describe("formatting", () => {
  it("formats every message of every catalog without an error", () => {
    const values = {
      workspace: "Acme",
      subdomain: "acme",
      site: "acme.atlassian.net",
      domain: "atlassian.net",
      count: 2,
      missing: "a, b",
      reachable: ["A", "B"],
      seconds: 2,
      minutes: 3,
    };
    for (const locale of LOCALES) {
      for (const key of english.keys()) {
        // Strict: a message that does not format throws here instead of falling back.
        const t = strictTranslator(locale);
        const text = placeholders(english.get(key)!).tags.length
          ? t.markup(key as MessageKey, { ...values, reachable: "A, B", em: tag, admin: tag })
          : t(key as MessageKey, { ...values, reachable: "A, B" });
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]|^\w+\.\w+$/);
      }
    }
  });

  it("uses each language's plural forms and list words", () => {
    expect(localizedText("en", "failures.rate_limited", { minutes: 1 })).toContain(
      "wait 1 minute,",
    );
    expect(localizedText("en", "failures.rate_limited", { minutes: 5 })).toContain(
      "wait 5 minutes,",
    );
    expect(localizedText("de", "failures.atlassian_rate_limited", { seconds: 1 })).toContain(
      "1 Sekunde ",
    );
    expect(localizedText("de", "failures.atlassian_rate_limited", { seconds: 30 })).toContain(
      "30 Sekunden",
    );
    expect(localizedText("ja", "failures.rate_limited", { minutes: 2 })).toContain("2 分");
    const reachable = ["Acme (https://acme.atlassian.net)", "Beta (https://beta.atlassian.net)"];
    expect(
      localizedText("en", "failures.subdomain_not_found", { site: "x.atlassian.net", reachable }),
    ).toContain(
      "It can reach: Acme (https://acme.atlassian.net) and Beta (https://beta.atlassian.net).",
    );
    expect(
      localizedText("de", "failures.subdomain_not_found", { site: "x.atlassian.net", reachable }),
    ).toContain("Acme (https://acme.atlassian.net) und Beta");
  });

  it("answers a key no catalog has with the key, not a crash", () => {
    expect(localizedText("fr", "failures.no_such_code")).toBe("failures.no_such_code");
  });
});
