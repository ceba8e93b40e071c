/**
 * Writes a migration for the changes made to prisma/schema.prisma since the last migration, for
 * SQLite and for PostgreSQL (whose schema is derived from it first):
 *
 *   npm run db:migration -- add_webhooks
 *
 * Each migration folder keeps a copy of the schema it brought the database to, so the next
 * diff starts from it. (`prisma migrate dev` would need a shadow database and a native engine.)
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, renderPostgresSchema } from "./schemas";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
fs.writeFileSync(POSTGRES_SCHEMA, renderPostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8")));

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
  const dir = path.join(path.dirname(schema), "migrations");
  const latest = fs
    .readdirSync(dir)
    .filter((entry) => fs.existsSync(path.join(dir, entry, "schema.prisma")))
    .sort()
    .at(-1);
  const from = latest
    ? ["--from-schema-datamodel", path.join(dir, latest, "schema.prisma")]
    : ["--from-empty"];
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
    { encoding: "utf8" },
  );
  if (!/\b(CREATE|ALTER|DROP|INSERT)\b/.test(sql)) {
    console.log(`${path.relative(".", schema)} has not changed since its last migration.`);
    continue;
  }
  const target = path.join(dir, `${stamp}_${name}`);
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, "migration.sql"), sql);
  fs.copyFileSync(schema, path.join(target, "schema.prisma"));
  console.log(`Wrote ${target}/migration.sql`);
}
