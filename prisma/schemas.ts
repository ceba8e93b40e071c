/**
 * The data model has one source: prisma/schema.prisma (SQLite, the embedded default). The
 * PostgreSQL schema is derived from it: same models, another datasource and client output.
 *
 *   npm run db:schemas        # rewrites prisma/postgresql/schema.prisma
 *
 * A unit test (lib/db/schemas.test.ts) fails when the committed copy is out of date.
 */
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join(__dirname, "schema.prisma");
export const POSTGRES_SCHEMA = path.join(__dirname, "postgresql", "schema.prisma");

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:schemas\`: edit that file, not this one.\n`;

/** prisma/schema.prisma with PostgreSQL's datasource and its own generated client. */
export function renderPostgresSchema(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(
      /datasource db \{[^}]*\}/,
      `datasource db {\n  provider = "postgresql"\n  url      = "postgresql://localhost/latch"\n}`,
    )
    .replace(
      /output(\s*)= "\.\.\/lib\/generated\/prisma"/,
      `output$1= "../../lib/generated/prisma-pg"`,
    );
  if (!replaced.includes('provider = "postgresql"') || !replaced.includes("prisma-pg")) {
    throw new Error("prisma/schema.prisma no longer has the datasource or generator expected");
  }
  return HEADER + replaced;
}

if (process.argv[1] === __filename) {
  fs.writeFileSync(POSTGRES_SCHEMA, renderPostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  console.log(`Wrote ${path.relative(process.cwd(), POSTGRES_SCHEMA)}`);
}
