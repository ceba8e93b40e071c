import fs from "node:fs";
import path from "node:path";
import { submitConnectForm } from "./connect-over-http";
import { E2E } from "./env";
import { expect, signIn, site, test } from "./fixtures";

// Runs first, on the empty database, in its own project (see playwright.config.ts), in order.
test.describe.configure({ mode: "serial" });
const admin = { email: "admin@acme.test", password: "correct horse battery" };

test("first run: setup, a connection, Test shows a revoked credential, Revoke, sign out", async ({
  browser,
  page,
  credential,
  connectSession,
  request,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  // Without the operator's one-time link, setup offers no form, only where to find the link.
  await expect(page.getByRole("main").getByRole("alert")).toContainText("data/setup-link.txt");
  await expect(page.getByLabel("Email")).toHaveCount(0);
  await page.goto("/setup?token=lst_a-guess");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "This setup link is not valid",
  );

  // The link start-up logged (with SQLite also written beside the database).
  const link = setupLinkFromLog();
  expect(link).toMatch(new RegExp(`^${E2E.appUrl}/setup\\?token=lst_`));
  if (!E2E.postgresUrl) {
    expect(fs.readFileSync(path.join(E2E.dir, "setup-link.txt"), "utf8").trim()).toBe(link);
  }
  await page.goto(link);
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

  // A copy of the session cookie taken before signing out opens nothing afterwards.
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/connections");
  await expect(page).toHaveURL(/\/login\?next=%2Fconnections$/);
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto(`${E2E.appUrl}/connections`);
  await expect(stolen).toHaveURL(/\/login$/);
  await expect(stolen.getByRole("button", { name: "Sign in" })).toBeVisible();
  await thief.close();

  // Setup happens once; afterwards it sends people to sign in, link or not.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(link);
  await expect(page).toHaveURL(/\/login$/);
  if (!E2E.postgresUrl) expect(fs.existsSync(path.join(E2E.dir, "setup-link.txt"))).toBe(false);
});

/** The setup link from the server's log line (pino JSON, `setupUrl`). */
function setupLinkFromLog(): string {
  const log = fs.readFileSync(path.join(E2E.dir, "server.log"), "utf8");
  const line = log.split("\n").find((entry) => entry.includes('"setupUrl"'));
  if (!line) throw new Error("the server logged no setup link");
  return (JSON.parse(line) as { setupUrl: string }).setupUrl;
}

test("sign-in refuses a wrong password without saying whether the e-mail exists", async ({
  page,
}) => {
  // A client naming its own address is not believed: TRUSTED_PROXIES is unset.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "6.6.6.6" });
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

  // The failed attempt on the admin's e-mail is in the audit log, with the real address.
  await page.goto("/audit?action=member.sign_in_failed");
  const failed = page.getByRole("row").filter({ hasText: "member.sign_in_failed" });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(admin.email);
  await expect(failed).toContainText("127.0.0.1");
  await expect(page.getByRole("table")).not.toContainText("6.6.6.6");
});
