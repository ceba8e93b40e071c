import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E, E2E_APP_ENV as appEnv } from "./e2e/env";

// Playwright's own browser download is unreachable on locked-down machines; use the system
// Chromium when there is one (Debian: apt-get install chromium), or the one named here.
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ??
  (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const runningAsRoot = process.getuid?.() === 0;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E.appUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: runningAsRoot ? ["--no-sandbox", "--disable-background-networking"] : [],
    },
  },
  projects: [
    // Setup needs the empty database, so it runs before everything else.
    { name: "first-run", testMatch: /first-run\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      testIgnore: /first-run\.spec\.ts/,
      dependencies: ["first-run"],
      use: { ...devices["Desktop Chrome"] },
    },
    // Last: searches everything the suite left for secrets (e2e/hygiene.sweep.ts).
    { name: "hygiene", testMatch: /hygiene\.sweep\.ts/, dependencies: ["chromium"] },
  ],
  webServer: [
    ...[E2E.hostUrl, E2E.foreignHostUrl].map((url) => ({
      command: "npx tsx e2e/host/serve.ts",
      url: `${url}/health`,
      env: {
        HOST_BIND: new URL(url).hostname,
        HOST_PORT: String(E2E.hostPort),
        LATCH_URL: E2E.appUrl,
      },
      reuseExistingServer: !process.env.CI,
    })),
    {
      command: "npx tsx testing/fake-atlassian/main.ts",
      url: `${E2E.fakeUrl}/__fake/health`,
      env: { FAKE_ATLASSIAN_PORT: String(E2E.fakePort) },
      reuseExistingServer: !process.env.CI,
    },
    {
      // A fresh database per run; the production build, as users run it.
      command: `rm -rf ${E2E.dir} && mkdir -p ${E2E.dir} && npx tsx e2e/reset-database.ts && ${
        process.env.E2E_SKIP_BUILD ? "" : "npm run build && "
      }npm start > ${E2E.dir}/server.log 2>&1`,
      url: `${E2E.appUrl}/api/health`,
      env: appEnv,
      timeout: 240_000,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
