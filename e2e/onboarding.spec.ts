import { submitConnectForm } from "./connect-over-http";
import { e2eSql } from "./db";
import { E2E } from "./env";
import { expect, signIn, site, test } from "./fixtures";
import { seedTenant } from "./seed";
import type { Page } from "@playwright/test";

test("the checklist ticks each step from real data, and goes once there is a connection", async ({
  page,
  request,
  credential,
}) => {
  const tenant = await seedTenant("Onboarding");
  // A workspace fresh from setup has no key yet.
  await e2eSql(`DELETE FROM "ApiKey" WHERE "workspaceId" = $1`, [tenant.workspaceId]);
  const copies = await recordCopies(page);
  await signIn(page, tenant.email, tenant.password);

  const checklist = page.getByRole("region", { name: "Get started" });
  const step = (id: string) => checklist.locator(`[data-step="${id}"]`);
  await expect(checklist).toContainText("0 of 5 done");
  await expect(step("api-key")).toHaveAttribute("data-done", "false");

  // The curl command names this Latch and a placeholder, never a key; Copy works by keyboard.
  const curl = step("mint").locator("pre");
  await expect(curl).toContainText(`curl -s -X POST ${E2E.appUrl}/api/v1/connect-sessions`);
  await expect(curl).toContainText("Bearer $LATCH_API_KEY");
  await expect(checklist).not.toContainText("latch_sk_");
  await expect(step("send").locator("pre")).toContainText(`<script src="${E2E.appUrl}/latch.js">`);
  const copy = step("mint").getByRole("button", { name: "Copy the curl command" });
  await copy.focus();
  await page.keyboard.press("Enter");
  await expect(step("mint").getByRole("button", { name: /^Copied/ })).toHaveText("Copied");
  await expect(step("mint").getByRole("status")).toHaveText("Copied to the clipboard.");
  expect(await copies()).toEqual([await curl.innerText()]);

  // (a) An API key, created in settings.
  await step("api-key").getByRole("link", { name: "Settings → API keys" }).click();
  await expect(page).toHaveURL(/\/settings#api-keys$/);
  await page.getByLabel("Key name").fill("Backend");
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = await page.getByLabel("New API key").inputValue();
  await page.goto("/connections");
  await expect(step("api-key")).toHaveAttribute("data-done", "true");
  await expect(step("mint")).toHaveAttribute("data-done", "false");

  // (b) A connect session minted with that key, as the curl command does.
  const minted = await request.post(`${E2E.appUrl}/api/v1/connect-sessions`, {
    headers: { authorization: `Bearer ${key}` },
    data: { end_user: { id: "onboarding-user" } },
  });
  expect(minted.status()).toBe(201);
  const { connect_url: connectUrl } = (await minted.json()) as { connect_url: string };
  await page.reload();
  await expect(step("mint")).toHaveAttribute("data-done", "true");
  await expect(step("send")).toHaveAttribute("data-done", "false");

  // (d) Allowed origins.
  await page.goto("/settings#allowed-origins");
  await page.getByLabel("Allowed origins").fill("https://app.example.com");
  await page.getByRole("button", { name: "Save origins" }).click();
  await expect(page.getByText("Saved. 1 origin may embed the connect form.")).toBeVisible();
  await page.goto("/connections");
  await expect(step("origins")).toHaveAttribute("data-done", "true");
  await expect(checklist).toContainText("3 of 5 done");

  // A Member sees which steps need an admin, without links to pages that would refuse them.
  await e2eSql(`UPDATE "Membership" SET "role" = 'member' WHERE "workspaceId" = $1`, [
    tenant.workspaceId,
  ]);
  await page.reload();
  await expect(step("webhook")).toContainText("Needs an admin");
  await expect(step("webhook").getByRole("link")).toHaveCount(0);

  // (c) The end user connects: the checklist has done its job and goes.
  const cred = await credential({ sites: [site("Onboarded", "onboarded")] });
  expect((await submitConnectForm(connectUrl, { subdomain: "", ...cred })).connected).toBe(true);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "onboarding-user" })).toBeVisible();
  await expect(checklist).toHaveCount(0);
});

test("New connection asks for the end user, and the Connected screen leads back", async ({
  page,
  credential,
}) => {
  const tenant = await seedTenant("Fresh start");
  await signIn(page, tenant.email, tenant.password);
  await page.locator("summary", { hasText: "New connection" }).click();
  const form = page.getByRole("form", { name: "New connection" });
  await form.getByRole("button", { name: "Open the connect form" }).click();
  await expect(form.getByLabel("End user ID")).toBeFocused();
  await expect(form.getByLabel("End user ID")).toHaveAccessibleDescription(/Enter the end user/);

  await form.getByLabel("End user ID").fill("dash-user-7");
  await form.getByLabel("End user email (optional)").fill("not-an-email");
  await form.getByRole("button", { name: "Open the connect form" }).click();
  await expect(form.getByLabel("End user email (optional)")).toHaveAccessibleDescription(
    /Enter an e-mail address/,
  );
  await form.getByLabel("End user email (optional)").fill("dash@example.com");
  await form.getByRole("button", { name: "Open the connect form" }).click();

  await expect(page).toHaveURL(/\/connect\?session_token=lcs_[^&]+&return_to=%2Fconnections$/);
  const [session] = await e2eSql<{ endUserId: string; endUserEmail: string }>(
    `SELECT "endUserId", "endUserEmail" FROM "ConnectSession" WHERE "workspaceId" = $1`,
    [tenant.workspaceId],
  );
  expect(session).toEqual({ endUserId: "dash-user-7", endUserEmail: "dash@example.com" });

  const cred = await credential({ sites: [site("Dash Site", "dash-site")] });
  await page.getByLabel("Client ID").fill(cred.clientId);
  await page.getByLabel("Client Secret").fill(cred.clientSecret);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Back to the dashboard" }).click();
  await expect(page).toHaveURL(/\/connections$/);
  const row = page.getByRole("row").filter({ hasText: "dash-user-7" });
  await expect(row).toContainText("dash@example.com");
  await expect(row).toContainText("Dash Site");
});

test("a return_to that leaves the dashboard shows no way back", async ({
  page,
  credential,
  connectSession,
}) => {
  const session = await connectSession();
  const cred = await credential();
  await page.goto(
    `${session.url}&return_to=${encodeURIComponent("https://evil.example/connections")}`,
  );
  await page.getByLabel("Client ID").fill(cred.clientId);
  await page.getByLabel("Client Secret").fill(cred.clientSecret);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  await expect(page.getByText("You can close this window.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the dashboard" })).toHaveCount(0);
  await expect(page.locator('a[href*="evil.example"]')).toHaveCount(0);
});

/**
 * Records what the page copies, still passing it to the real clipboard: Latch's
 * Permissions-Policy turns clipboard-read off, so a test cannot read it back.
 */
async function recordCopies(page: Page) {
  await page.addInitScript(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = async (text: string) => {
      (window as unknown as { copied: string[] }).copied = [
        ...((window as unknown as { copied?: string[] }).copied ?? []),
        text,
      ];
      return write(text);
    };
  });
  return async () => page.evaluate(() => (window as unknown as { copied?: string[] }).copied ?? []);
}
