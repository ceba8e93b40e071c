import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * What Lighthouse's "errors in the console" and a CSP report endpoint would see: nothing. zod's
 * eval probe used to trip the CSP on every page with a checked form, and /favicon.ico was a 404.
 */

function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

async function violations(page: Page) {
  return page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { violations: seen });
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
});

test("the login form checks a field in the browser without a CSP violation or console error", async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").focus();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/e-mail/i);
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test("the connect form checks a field in the browser without a CSP violation or console error", async ({
  page,
  connectSession,
}) => {
  const problems = watch(page);
  const session = await connectSession();
  await page.goto(session.url);
  await page.getByLabel("Subdomain").fill("not a subdomain");
  await page.getByLabel("Client ID").focus();
  await expect(page.getByLabel("Subdomain")).toHaveAccessibleDescription(/part before/);
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test("/favicon.ico is an icon, not a 404", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  const body = await response.body();
  // An ICO directory: reserved 0, type 1 (icon), then its images.
  expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
});
