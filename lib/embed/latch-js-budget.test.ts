import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

// latch.js loads in every tenant's page: phase 3 gave it 4 KB gzip (a peer's SDK is 6.5 KB).
const BUDGET_GZIP_BYTES = 4096;

describe("latch.js", () => {
  it("stays within its 4 KB gzip budget", () => {
    const size = gzipSync(fs.readFileSync("public/latch.js")).length;
    expect(size).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
});
