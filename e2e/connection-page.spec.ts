import { submitConnectForm } from "./connect-over-http";
import { E2E } from "./env";
import { expect, signIn, site, test } from "./fixtures";
import { seedTenant } from "./seed";
import type { Page } from "@playwright/test";

test("a failing connection says why and what to do, and Copy reconnect link connects it again", async ({
  page,
  context,
  request,
  credential,
  connectSession,
}) => {
  const tenant = await seedTenant("Diagnosis");
  const acme = site("Diagnosed Site", "diagnosed");
  const cred = await credential({ sites: [acme] });
  const session = await connectSession({ apiKey: tenant.apiKey, endUserId: "diagnosed-user" });
  expect((await submitConnectForm(session.url, { subdomain: "", ...cred })).connected).toBe(true);
  await request.post(`${E2E.fakeUrl}/__fake/revoke`, { data: { client_id: cred.clientId } });

  const copies = await recordCopies(page);
  await signIn(page, tenant.email, tenant.password);
  await page.getByRole("link", { name: "diagnosed-user" }).click();
  await page.getByRole("button", { name: /^Test/ }).click();
  await expect(page.getByRole("main")).toContainText("Atlassian refused the client secret");
  await page.reload();

  const diagnosis = page.getByRole("region", { name: "Why it is failing" });
  await expect(diagnosis).toContainText(
    "Atlassian refused the client secret: the credential was revoked or rotated. Ask the end user to connect again.",
  );
  await expect(diagnosis).toContainText("What to do:");
  await expect(diagnosis).toContainText("invalid_credentials");
  const history = page.getByRole("region", { name: "Check history" });
  const failed = history.getByRole("row").filter({ hasText: "invalid_credentials" });
  await expect(failed).toContainText(
    "Atlassian refused the client secret: it was revoked or rotated.",
  );
  await expect(failed).toContainText("Copy reconnect link");

  // Copy reconnect link: a fresh link for the same end user, copied by the button.
  await page.getByRole("button", { name: "Copy reconnect link" }).click();
  const link = page.getByRole("textbox", { name: "Reconnect link" });
  await expect(link).toHaveValue(new RegExp(`^${E2E.appUrl}/connect\\?session_token=lcs_`));
  await page.getByRole("button", { name: "Copy the reconnect link" }).click();
  await expect(page.getByRole("button", { name: /^Copied/ })).toHaveText("Copied");
  const url = await link.inputValue();
  expect(await copies()).toEqual([url]);

  // The end user opens it (the site's subdomain comes filled in) and connects a new credential.
  const renewed = await credential({ sites: [acme] });
  const endUser = await context.newPage();
  await endUser.goto(url);
  await expect(endUser.getByLabel("Subdomain")).toHaveValue("diagnosed");
  await endUser.getByLabel("Client ID").fill(renewed.clientId);
  await endUser.getByLabel("Client Secret").fill(renewed.clientSecret);
  await endUser.getByRole("button", { name: "Connect" }).click();
  await expect(endUser.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  await endUser.close();

  await page.reload();
  await expect(page.getByRole("main")).toContainText("healthy");
  await expect(page.getByRole("region", { name: "Why it is failing" })).toHaveCount(0);
});

test("a wrong-secret attempt is in the audit log and on the end user's connection page", async ({
  page,
  credential,
  connectSession,
}) => {
  const tenant = await seedTenant("Failed attempts");
  const cred = await credential({ sites: [site("Attempted Site", "attempted")] });
  const first = await connectSession({ apiKey: tenant.apiKey, endUserId: "attempting-user" });
  expect((await submitConnectForm(first.url, { subdomain: "", ...cred })).connected).toBe(true);
  const again = await connectSession({ apiKey: tenant.apiKey, endUserId: "attempting-user" });
  const wrongSecret = `wrong-secret-${Date.now()}`;
  const attempt = await submitConnectForm(again.url, {
    subdomain: "",
    clientId: cred.clientId,
    clientSecret: wrongSecret,
  });
  expect(attempt.connected).toBe(false);

  await signIn(page, tenant.email, tenant.password);
  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Action").selectOption({ label: "Connect attempt failed" });
  await page.getByRole("button", { name: "Filter" }).click();
  const table = page.getByRole("table");
  const row = table.getByRole("row").filter({ hasText: "Connect attempt failed" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("connect.failed");
  await expect(row).toContainText("attempting-user");
  await expect(row).toContainText("End user");
  await expect(row).toContainText("code: invalid_credentials");
  await expect(row).toContainText("reason: credential_refused");
  await expect(table).not.toContainText("connection.created");
  expect(await page.content()).not.toContain(wrongSecret);

  await page.goto("/connections");
  await page.getByRole("link", { name: "attempting-user" }).click();
  const attempts = page.getByRole("region", { name: "Failed connect attempts by this end user" });
  await expect(attempts).toContainText("Atlassian refused the client secret");
  await expect(attempts).toContainText("invalid_credentials");
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
