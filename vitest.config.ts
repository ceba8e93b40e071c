import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: [
      "lib/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
      "sdk/node/{src,scripts}/**/*.test.ts",
    ],
    environment: "node",
    globalSetup: ["testing/vitest-global-setup.ts"],
    // Many tests run real flows (scrypt, a fake Atlassian, a database); on a busy two-core CI
    // machine 5 s was not always enough. A hung test still fails, just later.
    testTimeout: 20_000,
    // `server-only` throws outside a React Server environment; in unit tests it is a no-op.
    alias: { "server-only": path.resolve(__dirname, "lib/server/server-only-stub.ts") },
  },
});
