/**
 * Phase 3 benchmark, in one run: latch.js size, the connect page's first-load JavaScript next to
 * an empty page of the same build, and, in Chromium, the time from Latch.open() to a visible
 * form and to an interactive one (token received, Connect enabled), on localhost.
 *
 *   npm run build && npm run bench:embed
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { startFakeAtlassian } from "../testing/fake-atlassian/server";
import { firstLoadJs } from "./lib/first-load-js";
import { BENCH_API_KEY, freePort, percentile, startLatch } from "./lib/server";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

async function main() {
  const fake = await startFakeAtlassian(0);
  const latch = await startLatch(fake.url);
  const hostPort = await freePort();
  const hostUrl = `http://127.0.0.2:${hostPort}`;
  const host = spawn("npx", ["tsx", "e2e/host/serve.ts"], {
    env: {
      ...process.env,
      HOST_BIND: "127.0.0.2",
      HOST_PORT: String(hostPort),
      LATCH_URL: latch.url,
    },
    stdio: "ignore",
    detached: true,
  });
  const browser = await chromium.launch({
    executablePath: fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
  try {
    await waitFor(`${hostUrl}/health`);
    const latchJs = fs.readFileSync("public/latch.js");
    const session = await createSession(latch.url, hostUrl, "first-load");
    const connectPage = new URL(session.connect_url);
    const connectJs = await firstLoadJs(latch.url, connectPage.pathname + connectPage.search);
    const emptyJs = await firstLoadJs(latch.url, "/bench-empty-page-that-does-not-exist");

    const visible: number[] = [];
    const interactive: number[] = [];
    const page = await browser.newPage();
    for (let i = 0; i < RUNS + 2; i++) {
      await page.goto(hostUrl);
      const { token } = await createSession(latch.url, hostUrl, `embed-${i}`);
      const opened = await page.evaluate((value) => {
        const started = Date.now();
        (window as unknown as { openLatch(token: string): void }).openLatch(value);
        return started;
      }, token);
      const frame = page.frameLocator("iframe");
      await frame.getByLabel("Client ID").waitFor({ state: "visible" });
      const shown = Date.now();
      await frame.locator('button[type="submit"]:enabled').waitFor();
      const ready = Date.now();
      if (i >= 2) {
        visible.push(shown - opened);
        interactive.push(ready - opened);
      }
    }

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`\nLatch embed benchmark (${RUNS} opens after 2 warm-up, Chromium, localhost)\n`);
    console.log(
      `latch.js: ${kb(latchJs.length)} raw, ${kb(gzipSync(latchJs, { level: 9 }).length)} gzip`,
    );
    console.log(
      `First-load JS, connect page: ${kb(connectJs.gzipBytes)} gzip (${connectJs.files} files)`,
    );
    console.log(
      `First-load JS, empty page:   ${kb(emptyJs.gzipBytes)} gzip (${emptyJs.files} files)`,
    );
    console.log(`Difference:                  ${kb(connectJs.gzipBytes - emptyJs.gzipBytes)}`);
    const row = (label: string, values: number[]) =>
      console.log(
        `${label.padEnd(44)} median ${percentile(values, 50)} ms   p95 ${percentile(values, 95)} ms`,
      );
    row("Latch.open() → form visible", visible);
    row("Latch.open() → form interactive", interactive);
  } finally {
    await browser.close();
    process.kill(-host.pid!, "SIGTERM");
    await latch.stop();
    await fake.close();
  }
}

async function createSession(baseUrl: string, origin: string, endUserId: string) {
  const response = await fetch(`${baseUrl}/api/v1/connect-sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${BENCH_API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ end_user: { id: endUserId }, allowed_origins: [origin] }),
  });
  return (await response.json()) as { token: string; connect_url: string };
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
