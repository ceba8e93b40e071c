import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What a Member must not reach: every page and server action here answers with requireAdmin()
 * (403) before it does anything. A new action that forgets it fails this test; the browser test
 * in e2e/members.spec.ts shows one refused for real, on a form opened before a demotion.
 */
const ADMIN_ONLY = [
  "app/(dashboard)/settings/actions.ts",
  "app/(dashboard)/settings/page.tsx",
  "app/(dashboard)/settings/two-factor-actions.ts",
  "app/(dashboard)/members/actions.ts",
  "app/(dashboard)/members/page.tsx",
];
const ROOT = path.join(__dirname, "../..");

/** Each exported async function's name and the first statement of its body. */
function exportedFunctions(source: string): { name: string; first: string }[] {
  return [
    ...source.matchAll(/export (?:default )?async function (\w+)\([^]*?\)[^{]*\{\s*([^;]+;)/g),
  ].map((match) => ({ name: match[1]!, first: match[2]!.trim() }));
}

describe("admin-only pages and actions", () => {
  for (const file of ADMIN_ONLY) {
    it(`${file}: every export checks requireAdmin() first`, () => {
      const functions = exportedFunctions(fs.readFileSync(path.join(ROOT, file), "utf8"));
      expect(functions.length).toBeGreaterThan(0);
      for (const { name, first } of functions) {
        expect(first, name).toMatch(/^const \w+ = await requireAdmin\(\);$/);
      }
    });
  }
});
