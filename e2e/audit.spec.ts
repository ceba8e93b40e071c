import { submitConnectForm } from "./connect-over-http";
import { expect, signIn, site, test } from "./fixtures";
import { seedTenant } from "./seed";
import { seedConnections } from "./seed-connections";

test("the audit log shows who did what, filters, and exports CSV and JSON", async ({
  page,
  credential,
  connectSession,
}) => {
  const tenant = await seedTenant("Audited");
  const cred = await credential({ sites: [site("Audit Site", "audit")] });
  const session = await connectSession({ apiKey: tenant.apiKey, endUserId: "audited-user" });
  expect((await submitConnectForm(session.url, { subdomain: "", ...cred })).connected).toBe(true);

  await signIn(page, tenant.email, tenant.password);
  const row = page.getByRole("row").filter({ hasText: "audited-user" });
  await row.getByRole("button", { name: /^Test/ }).click();
  await expect(row.getByRole("status")).toContainText("Healthy");

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table).toContainText("connection.created");
  await expect(table).toContainText("audited-user");
  await expect(table).toContainText("connection.tested");
  await expect(table).toContainText(tenant.email);
  await expect(table).toContainText("member.signed_in");

  await page.getByLabel("Action").selectOption("connection.tested");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(table).toContainText("connection.tested");
  await expect(table).not.toContainText("connection.created");

  const csv = await page.request.get(
    (await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")) ?? "",
  );
  expect(csv.headers()["content-disposition"]).toMatch(
    /attachment; filename="latch-audit-.*\.csv"/,
  );
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines[0]).toContain("action");
  expect(lines.slice(1).every((line) => line.includes("connection.tested"))).toBe(true);

  const json = await page.request.get("/audit/export?format=json");
  const events = (await json.json()) as { action: string }[];
  expect(events.map((event) => event.action)).toEqual(
    expect.arrayContaining(["connection.created", "connection.tested", "member.signed_in"]),
  );
});

test("audit targets link to what they name", async ({ page }) => {
  const tenant = await seedTenant("Audit links");
  const [id] = await seedConnections(tenant.workspaceId, [{ endUserId: "linked-user" }]);
  await signIn(page, tenant.email, tenant.password);
  const row = page.getByRole("row").filter({ hasText: "linked-user" });
  await row.getByText("Revoke", { exact: true }).click();
  await row.getByRole("button", { name: "Confirm revoke" }).click();
  await expect(row.getByRole("status")).toContainText("Revoked");
  await page.goto("/settings");
  await page.getByLabel("Key name").fill("Linked key");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByLabel("New API key")).toBeVisible();

  await page.goto("/audit");
  await expect(page.getByRole("link", { name: /^api_key key_/ }).first()).toHaveAttribute(
    "href",
    "/settings#api-keys",
  );
  // A revoked connection keeps its page.
  const connection = page.getByRole("link", { name: `connection ${id}` }).first();
  await expect(connection).toHaveAttribute("href", `/connections/${id}`);
  await connection.click();
  await expect(page).toHaveURL(new RegExp(`/connections/${id}$`));
});
