import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    globalSetup: ["lib/testing/vitest-global-setup.ts"],
    // `server-only` throws outside a React Server environment; in unit tests it is a no-op.
    alias: { "server-only": path.resolve(__dirname, "lib/server/server-only-stub.ts") },
  },
});
