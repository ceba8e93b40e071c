import type { Locator, Page } from "@playwright/test";
import { expect, expireSession, signIn, site, test } from "./fixtures";
import { seedTenant } from "./seed";

// How the connect form and the dashboard look, in light and dark, on a phone and a desktop.
// Baselines live beside this file; after an intended change: npx playwright test visual --update-snapshots
const VIEWPORTS = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };

/**
 * With README_SCREENSHOTS=1, the light desktop states are also saved unmasked to
 * docs/screenshots/, for the README (npx playwright test visual with it set, then commit them).
 */
async function readmeShot(page: Page, name: string, scheme: string, size: string) {
  if (!process.env.README_SCREENSHOTS || scheme !== "light" || size !== "desktop") return;
  await page.screenshot({
    path: `docs/screenshots/${name}.png`,
    fullPage: true,
    animations: "disabled",
    caret: "hide",
  });
}

async function snap(page: Page, name: string, mask: Locator[] = []) {
  // Wait for web fonts and layout to settle, then compare the whole page.
  await page.evaluate(() => document.fonts.ready);
  await expect(page).toHaveScreenshot(`${name}.png`, {
    fullPage: true,
    animations: "disabled",
    caret: "hide",
    maxDiffPixelRatio: 0.01,
    mask,
  });
}

for (const scheme of ["light", "dark"] as const) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test.describe(`${scheme}, ${size}`, () => {
      test.use({ colorScheme: scheme, viewport });

      test(`connect form states (${scheme}, ${size})`, async ({
        page,
        credential,
        connectSession,
      }) => {
        const session = await connectSession();
        await page.goto(session.url);
        await expect(page.getByLabel("Client ID")).toBeVisible();
        await snap(page, `connect-empty-${scheme}-${size}`);

        await page.getByRole("button", { name: "Connect" }).click();
        await expect(page.getByLabel("Client ID")).toBeFocused();
        await snap(page, `connect-errors-${scheme}-${size}`);

        // The picker and the success page on a fresh link (a screenshot mid-form is enough).
        const second = await connectSession();
        await page.goto(second.url);
        const cred = await credential({
          sites: [site("Acme Jira", "acme"), site("Acme Confluence", "acme-wiki")],
          scope: "read:jira-work write:jira-work",
        });
        await page.getByLabel("Client ID").fill(cred.clientId);
        await page.getByLabel("Client Secret").fill(cred.clientSecret);
        await page.getByRole("button", { name: "Connect" }).click();
        await expect(page.getByRole("radio").first()).toBeVisible();
        await snap(page, `connect-site-picker-${scheme}-${size}`);

        await page.getByRole("radio", { name: /Acme Jira/ }).check();
        await page.getByRole("button", { name: "Connect" }).click();
        await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
        await snap(page, `connect-connected-${scheme}-${size}`);

        const expired = await connectSession();
        await expireSession(expired.token);
        await page.goto(expired.url);
        await expect(page.getByRole("heading")).toBeVisible();
        await snap(page, `connect-expired-${scheme}-${size}`);
      });

      test(`dashboard (${scheme}, ${size})`, async ({ page }) => {
        const tenant = await seedTenant("Visual");
        await signIn(page, tenant.email, tenant.password);
        await page.goto("/connections");
        // The seeded admin's e-mail is random.
        await readmeShot(page, "checklist", scheme, size);
        await snap(page, `dashboard-connections-empty-${scheme}-${size}`, [
          page.getByText(tenant.email),
        ]);
      });

      test(`members, account and a connection's page (${scheme}, ${size})`, async ({
        page,
        credential,
      }) => {
        test.slow();
        const tenant = await seedTenant("Visual team");
        await signIn(page, tenant.email, tenant.password);
        // Whatever differs between runs: e-mails, ids, times, links with tokens.
        const changing = () => [
          page.getByText(/@example\.com/),
          page.locator("time"),
          page.locator("input[readonly]"),
          page.locator("td:has-text('UTC'), td:has-text('ago')"),
        ];
        await page.goto("/members");
        await page.getByLabel("Email").fill(`colleague-${Date.now()}@example.com`);
        await page.getByRole("button", { name: "Invite" }).click();
        await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
        await snap(page, `dashboard-members-${scheme}-${size}`, changing());
        await readmeShot(page, "members", scheme, size);

        await page.goto("/account");
        await readmeShot(page, "account", scheme, size);
        await snap(page, `dashboard-account-${scheme}-${size}`, [
          ...changing(),
          page.getByRole("region", { name: "Sessions" }),
        ]);

        const cred = await credential({ sites: [site("Visual Jira", "visual-jira")] });
        const endUserId = `visual-user-${Date.now()}`;
        const minted = await page.request.post("/api/v1/connect-sessions", {
          headers: { authorization: `Bearer ${tenant.apiKey}` },
          data: { end_user: { id: endUserId } },
        });
        expect(minted.status()).toBe(201);
        await page.goto((await minted.json()).connect_url);
        await page.getByLabel("Client ID").fill(cred.clientId);
        await page.getByLabel("Client Secret").fill(cred.clientSecret);
        await page.getByRole("button", { name: "Connect" }).click();
        await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible({
          timeout: 15_000,
        });
        await page.goto("/connections");
        await page.getByRole("link", { name: endUserId }).first().click();
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await readmeShot(page, "connection", scheme, size);
        await snap(page, `dashboard-connection-${scheme}-${size}`, [
          ...changing(),
          page.getByText(/conn_|cs_|[0-9a-f]{8}-[0-9a-f]{4}/),
          page.getByText(endUserId),
          page.getByText(cred.clientId),
        ]);
      });
    });
  }
}

// Every dashboard page at 360 px, with data that used to overflow: e2e/dashboard-widths.spec.ts.
test("the connect page is no wider than a 360 px phone", async ({ page, connectSession }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  const session = await connectSession();
  await page.goto(session.url);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
});

test("the connect form fits a 360 px phone in every language, errors shown", async ({
  page,
  connectSession,
}) => {
  await page.setViewportSize(VIEWPORTS.phone);
  const session = await connectSession();
  for (const lang of ["en", "de", "fr", "es", "ja"]) {
    await page.goto(`${session.url}&lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await page.getByLabel(/^(Subdomain|Sous-domaine|Subdominio|サブドメイン)/).fill("a b");
    await page.locator("button[type=submit]").click();
    await expect(page.getByRole("alert").first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, lang).toBe(360);
  }
});

// German runs longest: its words are the likeliest to break a layout.
test.describe("German, phone", () => {
  test.use({ colorScheme: "light", viewport: VIEWPORTS.phone });

  test("connect form with errors (German, phone)", async ({ page, connectSession }) => {
    const session = await connectSession();
    await page.goto(`${session.url}&lang=de`);
    await page.getByLabel("Subdomain").fill("a b");
    await page.getByRole("button", { name: "Verbinden" }).click();
    await expect(page.getByLabel("Subdomain")).toBeFocused();
    await expect(page.locator("[aria-invalid=true]")).toHaveCount(3);
    await snap(page, "connect-errors-de-light-phone");
  });
});
