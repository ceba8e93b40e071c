import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// The JS engine needs no native binaries; pointing these at a dummy path stops the CLI from
// trying to download engines, which fails on machines without internet access.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, "prisma", ".no-native-engine");
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.join(__dirname, "prisma", ".no-native-engine");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL ?? "file:./data/latch.db";
    fs.mkdirSync(path.dirname(url.replace(/^file:/, "")), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
