import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../i18n/locales";

/**
 * public/latch.js runs on the tenant's page and cannot fetch the catalogs: it carries the
 * modal's own two labels. They must exist for every language the form speaks.
 */
const source = fs.readFileSync(path.join(process.cwd(), "public/latch.js"), "utf8");

function labels(): Record<string, [string, string]> {
  const literal = /var LABELS = (\{[\s\S]*?\n {2}\});/.exec(source)?.[1];
  if (!literal) throw new Error("LABELS not found in latch.js");
  return vm.runInNewContext(`(${literal})`) as Record<string, [string, string]>;
}

describe("latch.js labels", () => {
  it("names the dialog and its close button in every language of the form", () => {
    const table = labels();
    expect(Object.keys(table).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) {
      const [dialog, close] = table[locale]!;
      expect(dialog.trim(), locale).not.toBe("");
      expect(close.trim(), locale).not.toBe("");
      if (locale !== "en") expect([dialog, close], locale).not.toEqual(table.en);
    }
  });
});
