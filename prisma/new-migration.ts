/**
 * Writes a migration for the changes made to prisma/schema.prisma since the last migration:
 *
 *   npm run db:migration -- add_webhooks
 *
 * Each migration folder keeps a copy of the schema it brought the database to, so the next
 * diff starts from it. (`prisma migrate dev` would need a shadow database and a native engine.)
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
const dir = path.join("prisma", "migrations");
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
  [
    "prisma",
    "migrate",
    "diff",
    ...from,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { encoding: "utf8" },
);
if (!/\b(CREATE|ALTER|DROP|INSERT)\b/.test(sql)) {
  console.log("The schema has not changed since the last migration; nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
fs.mkdirSync(target);
fs.writeFileSync(path.join(target, "migration.sql"), sql);
fs.copyFileSync("prisma/schema.prisma", path.join(target, "schema.prisma"));
console.log(`Wrote ${target}/migration.sql`);
