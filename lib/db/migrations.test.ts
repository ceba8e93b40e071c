import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("prisma/migrations", () => {
  it("ends at the current schema: every schema change comes with its migration", () => {
    const dir = path.join(__dirname, "..", "..", "prisma", "migrations");
    const latest = fs
      .readdirSync(dir)
      .filter((entry) => fs.existsSync(path.join(dir, entry, "migration.sql")))
      .sort()
      .at(-1)!;
    const snapshot = fs.readFileSync(path.join(dir, latest, "schema.prisma"), "utf8");
    const schema = fs.readFileSync(path.join(dir, "..", "schema.prisma"), "utf8");
    expect(snapshot, `run: npm run db:migration -- <name>`).toBe(schema);
  });
});
