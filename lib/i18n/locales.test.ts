import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("takes ?lang= over the browser's languages", () => {
    expect(negotiateLocale({ lang: "ja", acceptLanguage: "de-DE,de;q=0.9" })).toBe("ja");
  });

  it("reads a regional tag as its language", () => {
    expect(negotiateLocale({ lang: "es-419" })).toBe("es");
    expect(negotiateLocale({ acceptLanguage: "de-AT,de;q=0.9,en;q=0.5" })).toBe("de");
    expect(negotiateLocale({ acceptLanguage: "fr-CA" })).toBe("fr");
  });

  it("honours the browser's order of preference and skips languages Latch lacks", () => {
    expect(negotiateLocale({ acceptLanguage: "zh-CN,ja;q=0.8,fr;q=0.9" })).toBe("fr");
    expect(negotiateLocale({ acceptLanguage: "en-GB,de;q=0.9" })).toBe("en");
  });

  it("falls back from an unknown ?lang= to the browser, then to English", () => {
    expect(negotiateLocale({ lang: "xx", acceptLanguage: "ja-JP" })).toBe("ja");
    expect(negotiateLocale({ lang: "pt-BR", acceptLanguage: null })).toBe("en");
    expect(negotiateLocale({})).toBe("en");
  });

  it("ignores what is not a language tag instead of failing the page", () => {
    for (const lang of ["*", "de_DE", "english", "", "a".repeat(500), "<script>", "x-\u0000"]) {
      expect(negotiateLocale({ lang, acceptLanguage: "*;q=0.5, ;;, de-;q=x" })).toBe("en");
    }
  });
});
