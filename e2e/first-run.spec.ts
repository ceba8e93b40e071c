import { submitConnectForm } from "./connect-over-http";
import { E2E } from "./env";
import { expect, signIn, site, test } from "./fixtures";

// Runs first, on the empty database, in its own project (see playwright.config.ts), in order.
test.describe.configure({ mode: "serial" });
const admin = { email: "admin@acme.test", password: "correct horse battery" };

test("first run: setup, a connection, Test shows a revoked credential, Revoke, sign out", async ({
  page,
  credential,
  connectSession,
  request,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByLabel("Workspace name").fill("Acme Tools");
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(page).toHaveURL(/\/connections$/);
  await expect(page.getByText("No connections yet")).toBeVisible();

  // An end user connects through a link minted with the workspace's API key.
  const cred = await credential({ sites: [site("Acme Jira", "acme")] });
  const session = await connectSession({ endUserId: "first-run-user" });
  const submitted = await submitConnectForm(session.url, { subdomain: "", ...cred });
  expect(submitted.connected).toBe(true);

  await page.reload();
  const row = page.getByRole("row").filter({ hasText: "first-run-user" });
  await expect(row).toContainText("Acme Jira");
  await expect(row).toContainText("healthy");

  // The credential is revoked in Atlassian; Test finds out and says what to do.
  await request.post(`${E2E.fakeUrl}/__fake/revoke`, { data: { client_id: cred.clientId } });
  await row.getByRole("button", { name: /^Test/ }).click();
  await expect(row.getByRole("status")).toContainText("Atlassian refused the client secret");
  await expect(row).toContainText("failing");

  // Revoke asks to confirm first.
  await row.getByText("Revoke", { exact: true }).click();
  await expect(row.getByText(/The secret is erased for good/)).toBeVisible();
  await row.getByRole("button", { name: "Confirm revoke" }).click();
  await expect(row.getByRole("status")).toContainText("Revoked");
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: /^Test/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/connections");
  await expect(page).toHaveURL(/\/login\?next=%2Fconnections$/);

  // Setup happens once; afterwards it sends people to sign in.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);
});

test("sign-in refuses a wrong password without saying whether the e-mail exists", async ({
  page,
}) => {
  await page.goto("/login");
  for (const email of [admin.email, "nobody@acme.test"]) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "That e-mail and password do not match. Check both and try again.",
    );
  }
  await signIn(page, admin.email, admin.password);
});
