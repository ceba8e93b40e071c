import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, renderPostgresSchema } from "../../prisma/schemas";

function latestSnapshot(schema: string): string {
  const dir = path.join(path.dirname(schema), "migrations");
  const latest = fs
    .readdirSync(dir)
    .filter((entry) => fs.existsSync(path.join(dir, entry, "migration.sql")))
    .sort()
    .at(-1)!;
  return fs.readFileSync(path.join(dir, latest, "schema.prisma"), "utf8");
}

describe("prisma schemas and migrations", () => {
  it("derives the PostgreSQL schema from the SQLite one (no second hand-kept copy)", () => {
    const derived = renderPostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8"), "run: npm run db:schemas").toBe(derived);
    expect(derived).toContain('provider = "postgresql"');
  });

  it.each([
    ["SQLite", SQLITE_SCHEMA],
    ["PostgreSQL", POSTGRES_SCHEMA],
  ])("%s migrations end at the current schema", (_provider, schema) => {
    expect(latestSnapshot(schema), "run: npm run db:migration -- <name>").toBe(
      fs.readFileSync(schema, "utf8"),
    );
  });
});
