import { E2E } from "./env";
import { expect, signIn, test } from "./fixtures";
import { seedTenant } from "./seed";

test("settings: an API key is shown once, works, and stops working when revoked", async ({
  page,
  request,
}) => {
  const tenant = await seedTenant("Keys");
  await signIn(page, tenant.email, tenant.password);
  await page
    .getByRole("navigation", { name: "Dashboard" })
    .getByRole("link", { name: "Settings" })
    .click();

  await page.getByLabel("Key name").fill("Production backend");
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = await page.getByLabel("New API key").inputValue();
  expect(key).toMatch(/^latch_sk_[A-Za-z0-9_-]{32,}$/);

  const asKey = { authorization: `Bearer ${key}` };
  expect((await request.get(`${E2E.appUrl}/api/v1/connections`, { headers: asKey })).status()).toBe(
    200,
  );

  // Shown once: a fresh visit lists the key by its prefix only.
  await page.goto("/settings");
  await expect(page.getByLabel("New API key")).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: "Production backend" });
  await expect(row).toContainText(key.slice(0, 13));
  await expect(page.getByText(key)).toHaveCount(0);

  await row.getByRole("button", { name: "Revoke" }).click();
  await row.getByRole("button", { name: "Confirm revoke" }).click();
  await expect(row).toContainText("Revoked");
  expect((await request.get(`${E2E.appUrl}/api/v1/connections`, { headers: asKey })).status()).toBe(
    401,
  );
});

test("settings: allowed origins are validated, a second workspace can be created and switched to", async ({
  page,
}) => {
  const tenant = await seedTenant("Origins");
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");

  await page.getByLabel("Allowed origins").fill("https://app.example.com\nacme.com");
  await page.getByRole("button", { name: "Save origins" }).click();
  // The message repeats the bad value and suggests the fix.
  await expect(page.getByLabel("Allowed origins")).toHaveAccessibleDescription(
    /^Line 2: “acme\.com” is not an origin\. Did you mean https:\/\/acme\.com\?/,
  );
  await page
    .getByLabel("Allowed origins")
    .fill("https://APP.example.com:443/\nhttp://127.0.0.2:3000");
  await page.getByRole("button", { name: "Save origins" }).click();
  // Reloading before the save has answered would cancel it.
  await expect(page.getByText("Saved. 2 origins may embed the connect form.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Allowed origins")).toHaveValue(
    "https://app.example.com\nhttp://127.0.0.2:3000",
  );

  await page.getByLabel("New workspace name").fill("Second workspace");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/connections/);
  await expect(page.getByLabel("Workspace", { exact: true })).toHaveValue(/ws_/);
  await expect(page.getByLabel("Workspace", { exact: true }).locator("option:checked")).toHaveText(
    "Second workspace",
  );
  await expect(page.getByText("No connections yet")).toBeVisible();

  // Choosing a workspace switches to it at once.
  const switched = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByLabel("Workspace", { exact: true }).selectOption({ label: "Origins" });
  await switched;
  await page.goto("/settings");
  await expect(page.getByLabel("Workspace name", { exact: true })).toHaveValue("Origins");
});

test("settings: the page lists its sections, and bad values come back with a fix", async ({
  page,
}) => {
  test.slow();
  const tenant = await seedTenant("Sections");
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");

  const sections = page.getByRole("navigation", { name: "Sections" });
  for (const [name, id] of [
    ["Workspace", "workspace"],
    ["API keys", "api-keys"],
    ["Allowed origins", "allowed-origins"],
    ["Required scopes", "required-scopes"],
    ["Appearance", "appearance"],
    ["Webhook", "webhook"],
    ["New workspace", "new-workspace"],
  ]) {
    await expect(sections.getByRole("link", { name, exact: true })).toHaveAttribute(
      "href",
      `#${id}`,
    );
    await expect(page.locator(`section#${id}`)).toHaveCount(1);
  }
  await sections.getByRole("link", { name: "Webhook" }).click();
  await expect(page).toHaveURL(/#webhook$/);
  await expect(page.getByRole("heading", { name: "Webhook", exact: true })).toBeInViewport();

  await page.getByLabel("Webhook URL").fill("hooks.example.com/latch");
  await page.getByRole("button", { name: /^Save webhook/ }).click();
  await expect(page.getByLabel("Webhook URL")).toHaveAccessibleDescription(
    /“hooks\.example\.com\/latch” is not the full address of your endpoint\. Did you mean https:\/\/hooks\.example\.com\/latch\?/,
  );

  await page.getByRole("textbox", { name: /^Primary colour/ }).fill("2563eb");
  await page.getByRole("button", { name: /^Save appearance/ }).click();
  await expect(page.getByRole("textbox", { name: /^Primary colour/ })).toHaveAccessibleDescription(
    /“2563eb” is not a hex colour\. Did you mean #2563eb\?/,
  );
});
