import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every write to an API key or a connection is announced (lib/db/change-hot-rows.ts): on
 * PostgreSQL an unannounced one would leave other instances answering the old row from memory,
 * a revoked key still working. Read from the source, so a new use case cannot forget.
 */

const ROOT = path.join(__dirname, "..", "..");
const WRITE =
  /\.(connection|apiKey)\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\(/;
const ANNOUNCED = /\b(changeHotRows|notifyHotRows)\(/;
/** Writes that need no announcement, and why. */
const EXEMPT: Record<string, string> = {
  // lastUsedAt only: each instance throttles its own writes of it, so a stale one costs nothing.
  "lib/api-keys/authenticate-api-key.ts": "lastUsedAt",
};

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe("changes to hot rows", () => {
  it("are announced wherever API keys or connections are written", () => {
    const writers = ["lib", "app"]
      .flatMap(sources)
      .filter((file) => WRITE.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
    expect(writers.length).toBeGreaterThan(4);
    const unannounced = writers.filter(
      (file) => !EXEMPT[file] && !ANNOUNCED.test(fs.readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(unannounced).toEqual([]);
  });
});
