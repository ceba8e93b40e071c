import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { e2eSql } from "./db";
import { E2E_APP_ENV } from "./env";
import { expect, signIn, test } from "./fixtures";
import { seedTenant } from "./seed";

test.describe.configure({ timeout: 90_000 });

/** The maintenance CLI from the build, as an operator runs it beside the app. */
function latchCli(args: string[]) {
  const child = spawn(process.execPath, [".next/latch-cli.mjs", ...args], {
    env: { ...process.env, ...E2E_APP_ENV, LOG_LEVEL: "silent" },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, output })),
  );
}

async function invite(page: Page, email: string, role: "Admin" | "Member"): Promise<string> {
  await page.goto("/members");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Invite" }).click();
  const link = await page.getByLabel(`Invite link for ${email}`).inputValue();
  expect(link).toMatch(/\/invite\/lin_[A-Za-z0-9_-]{40,}$/);
  return link;
}

async function join(browser: Browser, link: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Join");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page).toHaveURL(/\/connections$/);
  return page;
}

const memberRow = (page: Page, email: string) => page.locator(`tr[data-member="${email}"]`);

test("invite → join → a Member's 403s → promotion and demotion take effect at once → removal signs them out", async ({
  page,
  browser,
}) => {
  const tenant = await seedTenant("Team");
  await signIn(page, tenant.email, tenant.password);
  const colleague = `colleague-${randomUUID()}@example.com`;
  const link = await invite(page, colleague, "Member");
  await expect(page.locator(`tr[data-invite="${colleague}"]`)).toContainText("Member");

  const theirs = await join(browser, link, "a long colleague password");
  // The link worked once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.locator("main").getByRole("alert")).toContainText("used already");

  // A Member: no admin pages in the nav, and each answers 403 with a page that says why.
  const nav = theirs.getByRole("navigation", { name: "Dashboard" });
  await expect(nav.getByRole("link", { name: "Connections" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);
  for (const path of ["/settings", "/members"]) {
    const response = await theirs.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(theirs.getByRole("heading", { name: "This needs an admin" })).toBeVisible();
  }
  // What a Member may do still works.
  expect((await theirs.goto("/audit"))?.status()).toBe(200);
  expect((await theirs.goto("/connections"))?.status()).toBe(200);

  // Promoted, they see settings at once; demoted while the form is open, the server refuses it.
  await page.goto("/members");
  await memberRow(page, colleague).getByLabel(`Role of ${colleague}`).selectOption("admin");
  await memberRow(page, colleague).getByRole("button", { name: "Change role" }).click();
  await expect(memberRow(page, colleague).getByRole("status")).toContainText("is now Admin");
  await theirs.goto("/settings");
  await expect(theirs.getByLabel("Key name")).toBeVisible();
  await page.reload();
  await memberRow(page, colleague).getByLabel(`Role of ${colleague}`).selectOption("member");
  await memberRow(page, colleague).getByRole("button", { name: "Change role" }).click();
  await expect(memberRow(page, colleague).getByRole("status")).toContainText("is now Member");
  await theirs.getByLabel("Key name").fill("made after demotion");
  await theirs.getByRole("button", { name: "Create API key" }).click();
  await expect(theirs.getByRole("heading", { name: "This needs an admin" })).toBeVisible();
  await expect(theirs.getByLabel("New API key")).toHaveCount(0);
  const keys = await e2eSql(`SELECT "id" FROM "ApiKey" WHERE "name" = 'made after demotion'`);
  expect(keys).toHaveLength(0);

  // The last admin stays one.
  await memberRow(page, tenant.email).getByLabel(`Role of ${tenant.email}`).selectOption("member");
  await memberRow(page, tenant.email).getByRole("button", { name: "Change role" }).click();
  await expect(memberRow(page, tenant.email).getByRole("status")).toContainText(
    "at least one admin",
  );

  // Removed: their very next request is the sign-in page.
  await memberRow(page, colleague).getByText("Remove", { exact: true }).click();
  await memberRow(page, colleague).getByRole("button", { name: "Confirm remove" }).click();
  await expect(memberRow(page, colleague)).toHaveCount(0);
  await theirs.goto("/connections");
  await expect(theirs).toHaveURL(/\/login/);

  const actions = await e2eSql<{ action: string }>(
    `SELECT "action" FROM "AuditEvent" WHERE "workspaceId" = $1`,
    [tenant.workspaceId],
  );
  expect(actions.map((row) => row.action)).toEqual(
    expect.arrayContaining([
      "member.invited",
      "member.joined",
      "member.role_changed",
      "member.removed",
    ]),
  );
});

test("npm run latch -- reset-password prints a one-time link that sets the password and ends the sessions", async ({
  page,
  browser,
}) => {
  const tenant = await seedTenant("Locked out");
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, tenant.email, tenant.password);

  const missing = await latchCli(["reset-password", "nobody@example.com"]);
  expect(missing.code).toBe(1);
  const result = await latchCli(["reset-password", tenant.email.toUpperCase()]);
  expect(result.code, result.output).toBe(0);
  const link = result.output.match(/http\S+\/reset\/lpr_\S+/)?.[0];
  expect(link, result.output).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByText(`For ${tenant.email}`)).toBeVisible();
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByLabel("New password")).toHaveAccessibleDescription(/at least 10/i);
  await page.getByLabel("New password").fill("a recovered password");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByRole("status")).toContainText("new password is set");

  // The session signed in before the reset has ended; the link is spent; the new password works.
  await elsewhere.goto("/connections");
  await expect(elsewhere).toHaveURL(/\/login/);
  await page.goto(link!);
  await expect(page.locator("main").getByRole("alert")).toContainText("used already");
  await signIn(page, tenant.email, "a recovered password");
});

test("an admin makes a reset link for a Member; /account changes the e-mail and signs out other sessions", async ({
  page,
  browser,
}) => {
  const tenant = await seedTenant("Helpful");
  await signIn(page, tenant.email, tenant.password);
  const forgetful = `forgetful-${randomUUID()}@example.com`;
  const theirs = await join(browser, await invite(page, forgetful, "Member"), "the first password");

  await page.goto("/members");
  await memberRow(page, forgetful).getByRole("button", { name: "Reset link" }).click();
  const reset = await memberRow(page, forgetful)
    .getByLabel(`Reset link for ${forgetful}`)
    .inputValue();
  // No reset link for oneself or another admin.
  await expect(
    memberRow(page, tenant.email).getByRole("button", { name: "Reset link" }),
  ).toHaveCount(0);
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(reset);
  await fresh.getByLabel("New password").fill("the second password");
  await fresh.getByRole("button", { name: "Set password" }).click();
  await expect(fresh).toHaveURL(/\/login\?reset=1$/);
  await theirs.goto("/connections");
  await expect(theirs).toHaveURL(/\/login/);

  // Two sessions of the admin: this one ends the other from /account.
  const second = await (await browser.newContext()).newPage();
  await signIn(second, tenant.email, tenant.password);
  await page.goto("/account");
  const sessions = page.getByRole("region", { name: "Sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText("This browser");
  await sessions
    .nth(1)
    .getByRole("button", { name: /Sign out/ })
    .click();
  await expect(sessions).toHaveCount(1);
  await second.goto("/connections");
  await expect(second).toHaveURL(/\/login/);

  const email = page.getByRole("region", { name: "Email" });
  const newEmail = `renamed-${randomUUID()}@example.com`;
  await email.getByLabel("New email").fill(newEmail);
  await email.getByLabel("Password").fill("not my password");
  await email.getByRole("button", { name: "Change email" }).click();
  await expect(email.getByLabel("Password")).toHaveAccessibleDescription(/not your current/);
  await email.getByLabel("Password").fill(tenant.password);
  await email.getByRole("button", { name: "Change email" }).click();
  await expect(email.getByRole("status")).toContainText(`You now sign in with ${newEmail}`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, newEmail, tenant.password);
});
