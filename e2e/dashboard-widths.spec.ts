import type { Locator, Page } from "@playwright/test";
import { e2eSql, sqlNow } from "./db";
import { expect, signIn, test } from "./fixtures";
import { seedTenant } from "./seed";
import { seedConnections } from "./seed-connections";

// The dashboard at a desktop's 1280 px and a phone's 360 px, with the data that used to push
// the connections table sideways: a long error, many scopes, a long e-mail.
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

const LONG_ERROR = `Atlassian refused the credential: ${"the service account's OAuth client was deleted or its secret rotated, ".repeat(6)}${"x".repeat(180)}`;
const MANY_SCOPES = [
  "read:jira-work",
  "write:jira-work",
  "manage:jira-configuration",
  "read:confluence-content.summary",
  "read:confluence-space.summary",
  "write:confluence-content",
  "read:issue-security-level:jira",
  "read:project.component:jira",
  "read:jira-user",
  "offline_access",
  ...Array.from({ length: 20 }, (_, i) => `read:granular-scope-number-${i}:jira`),
];

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function expectInside(locator: Locator, width: number) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x, "starts inside the viewport").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "ends inside the viewport").toBeLessThanOrEqual(width);
}

async function tenantWithAWideConnection(name: string) {
  const tenant = await seedTenant(name);
  const [wide] = await seedConnections(tenant.workspaceId, [
    {
      endUserId: "wide-user",
      email: `a-very-long-mailbox-name-for-testing-widths@${"sub.".repeat(6)}example.com`,
      siteName: "Acme Corporation Engineering Wiki",
      scopes: MANY_SCOPES,
      status: "failing",
      error: LONG_ERROR,
    },
    { endUserId: "gone-user", status: "revoked", ageMinutes: 3 * 24 * 60 },
  ]);
  return { tenant, wide: wide! };
}

test("at 1280 px the list fits: Test, Revoke and the confirmation inside, no sideways scroll", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  const { tenant, wide } = await tenantWithAWideConnection("Widths desktop");
  await signIn(page, tenant.email, tenant.password);

  const row = page.getByRole("row").filter({ hasText: "wide-user" });
  await expectInside(row.getByRole("button", { name: /^Test / }), DESKTOP.width);
  const revoke = row.getByText("Revoke", { exact: true });
  await expectInside(revoke, DESKTOP.width);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(DESKTOP.width);

  // The error is cut to two lines; the whole text is in its title and on the connection's page.
  const error = row.locator("p[title]");
  await expect(error).toHaveAttribute("title", LONG_ERROR);
  expect(await error.evaluate((p) => p.scrollHeight > p.clientHeight)).toBe(true);
  // Scopes wrap between scopes: no chip is wider than its column.
  const scopes = row.getByRole("list", { name: "Scopes" });
  const column = (await row.getByRole("cell").nth(3).boundingBox())!;
  for (const chip of await scopes.locator("> li").all()) {
    const box = (await chip.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(column.x + column.width);
  }

  await revoke.click();
  const confirm = row.getByRole("button", { name: "Confirm revoke" });
  await expectInside(confirm, DESKTOP.width);
  const table = (await page.getByRole("table").boundingBox())!;
  const confirmBox = (await confirm.boundingBox())!;
  console.log(
    `at 1280 px: table ${table.x}–${table.x + table.width} px, Confirm revoke ends at ${confirmBox.x + confirmBox.width} px`,
  );
  await expectInside(row.getByText(/^Revoke .+\? The secret is erased/), DESKTOP.width);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(DESKTOP.width);

  // Times are relative, the exact one on hover; a revoked connection says when.
  const created = row.locator("time").first();
  await expect(created).toHaveText(/ago|just now/);
  await expect(created).toHaveAttribute("title", /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  await expect(page.getByRole("row").filter({ hasText: "gone-user" })).toContainText(
    "Revoked 3 days ago",
  );
  await page.goto(`/connections/${wide}`);
  await expect(page.getByText(LONG_ERROR.slice(0, 60))).toBeVisible();
});

test("at 360 px no dashboard page scrolls sideways, the header fits and a connection is a card", async ({
  page,
}) => {
  test.slow();
  await page.setViewportSize(PHONE);
  const { tenant, wide } = await tenantWithAWideConnection("Widths phone");
  await signIn(page, tenant.email, tenant.password);

  const card = page.locator(`[data-connection-id="${wide}"]`);
  await expect(card).toBeVisible();
  expect(await card.evaluate((row) => getComputedStyle(row).display)).toBe("block");
  await expectInside(card, PHONE.width);
  await expectInside(card.getByRole("button", { name: /^Test / }), PHONE.width);
  await expect(card).toContainText("Last checked");
  await card.getByText("Revoke", { exact: true }).click();
  await expectInside(card.getByRole("button", { name: "Confirm revoke" }), PHONE.width);

  const widths: Record<string, number> = {};
  for (const path of [
    "/connections",
    `/connections/${wide}`,
    "/settings",
    "/audit",
    "/account",
    "/api-docs",
    "/members",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    // /api-docs is public, outside the dashboard's layout: it has no dashboard header.
    if (path !== "/api-docs") {
      const banner = page.getByRole("banner");
      await expect(banner, path).toBeVisible();
      await expectInside(banner.getByRole("button", { name: "Sign out" }), PHONE.width);
      await expectInside(banner.getByRole("link", { name: "Connections" }), PHONE.width);
    }
    widths[path] = await scrollWidth(page);
  }
  console.log("scrollWidth at 360 px:", JSON.stringify(widths));
  for (const [path, width] of Object.entries(widths)) expect(width, path).toBeLessThanOrEqual(360);
});

test("the list counts every match and pages forward and back", async ({ page }) => {
  const tenant = await seedTenant("Widths paging");
  await seedConnections(
    tenant.workspaceId,
    Array.from({ length: 30 }, (_, i) => ({ endUserId: `pager-${String(i).padStart(2, "0")}` })),
  );
  await signIn(page, tenant.email, tenant.password);
  await expect(page.getByText("30 connections", { exact: true })).toBeVisible();
  const endUsers = () =>
    page
      .locator("[data-connection-id]")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-connection-id")));
  const first = await endUsers();
  expect(first).toHaveLength(25);
  await expect(page.getByRole("link", { name: "Previous" })).toHaveCount(0);

  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByRole("row").filter({ hasText: "pager-29" })).toBeVisible();
  expect(await endUsers()).toHaveLength(5);
  await expect(page.getByRole("link", { name: "Next" })).toHaveCount(0);

  await page.getByRole("link", { name: "Previous" }).click();
  await expect(page.getByRole("row").filter({ hasText: "pager-00" })).toBeVisible();
  expect(await endUsers()).toEqual(first);
  await expect(page.getByRole("link", { name: "Previous" })).toHaveCount(0);
});

test("the status filter applies on change", async ({ page }) => {
  const tenant = await seedTenant("Widths filter");
  await seedConnections(tenant.workspaceId, [
    { endUserId: "fine-user" },
    { endUserId: "broken-user", status: "failing", error: "The secret was rotated." },
  ]);
  await signIn(page, tenant.email, tenant.password);
  await expect(page.getByText("2 connections", { exact: true })).toBeVisible();
  await page.getByRole("combobox", { name: "Status" }).selectOption("failing");
  await expect(page).toHaveURL(/status=failing/);
  await expect(page.getByText("1 connection matches these filters")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "broken-user" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "fine-user" })).toHaveCount(0);
});

test("connections missing a required scope are flagged and can be filtered", async ({ page }) => {
  const tenant = await seedTenant("Widths scopes");
  await e2eSql(`UPDATE "Workspace" SET "requiredScopes" = $1 WHERE "id" = $2`, [
    "read:jira-work write:jira-work",
    tenant.workspaceId,
  ]);
  await seedConnections(tenant.workspaceId, [
    { endUserId: "complete-user", scopes: ["read:jira-work", "write:jira-work"] },
    { endUserId: "lacking-user", scopes: ["read:jira-work", "write:jira-work-extra"] },
  ]);
  await signIn(page, tenant.email, tenant.password);
  const lacking = page.getByRole("row").filter({ hasText: "lacking-user" });
  await expect(lacking).toContainText("Missing scope: write:jira-work");
  await expect(page.getByRole("row").filter({ hasText: "complete-user" })).not.toContainText(
    "Missing",
  );

  await page
    .getByRole("combobox", { name: "Scopes" })
    .selectOption({ label: "Missing a required scope" });
  await expect(page).toHaveURL(/scopes=missing/);
  await expect(page.getByText("1 connection matches these filters")).toBeVisible();
  await expect(lacking).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "complete-user" })).toHaveCount(0);
});

test("the workspace switcher shows with two workspaces and switches on change", async ({
  page,
}) => {
  const tenant = await seedTenant("Widths first");
  await signIn(page, tenant.email, tenant.password);
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByLabel("Workspace", { exact: true })).toHaveCount(0);

  const [user] = await e2eSql<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [
    tenant.email,
  ]);
  const second = `ws_second_${Date.now()}`;
  await e2eSql(
    `INSERT INTO "Workspace" ("id", "name", "allowedOrigins", "createdAt", "updatedAt") VALUES ($1, 'Widths second', '[]', $2, $2)`,
    [second, sqlNow()],
  );
  await e2eSql(
    `INSERT INTO "Membership" ("userId", "workspaceId", "role", "createdAt") VALUES ($1, $2, 'admin', $3)`,
    [user!.id, second, sqlNow()],
  );
  await seedConnections(second, [{ endUserId: "second-workspace-user" }]);
  await page.reload();

  const switcher = page.getByLabel("Workspace", { exact: true });
  await expect(switcher.locator("option:checked")).toHaveText("Widths first");
  await expect(page.getByRole("button", { name: "Switch" })).toHaveCount(0);
  await switcher.selectOption({ label: "Widths second" });
  await expect(page.getByRole("row").filter({ hasText: "second-workspace-user" })).toBeVisible();
  await expect(switcher.locator("option:checked")).toHaveText("Widths second");
});
