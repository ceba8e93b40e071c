import type { Page } from "@playwright/test";
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { e2eSql, sqlNow } from "./db";
import { expect, signIn, test } from "./fixtures";
import { seedTenant } from "./seed";
import { enterCode, startSignIn, totpCode, turnOnTwoFactor, wrongCode } from "./two-factor";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test("two-factor: turn on with the typed key, then sign in with a code, and with a recovery code once", async ({
  page,
}) => {
  const tenant = await seedTenant("Two-factor");
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/account");
  await page.getByRole("button", { name: "Turn on", exact: true }).click();
  await expect(page.getByRole("img", { name: /QR image/ }).locator("svg")).toBeVisible();
  // The key as text, for a member without a camera: what an app would read from the QR code.
  const secret = (await page.locator("code[data-totp-secret]").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong code is refused, on the field, with what to do; the right one turns two-factor on.
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await page.getByLabel("Code", { exact: true }).fill(wrongCode(secret));
  await section.getByLabel("Password", { exact: true }).fill(tenant.password);
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByLabel("Code", { exact: true })).toHaveAccessibleDescription(
    /does not match/,
  );
  await page.getByLabel("Code", { exact: true }).fill(totpCode(secret));
  await section.getByLabel("Password", { exact: true }).fill(tenant.password);
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allInnerTexts();
  for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}$/);
  await expect(page.getByRole("link", { name: "Download" })).toHaveAttribute(
    "download",
    "latch-recovery-codes.txt",
  );
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText(/10 recovery codes left/)).toBeVisible();
  // Shown once: the page no longer has them.
  await page.reload();
  await expect(page.getByText(codes[0]!)).toHaveCount(0);
  await signOut(page);

  // The password alone no longer signs in: it leads to the Code step, and no further.
  await startSignIn(page, tenant.email, tenant.password);
  await page.goto("/connections");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("Code", { exact: true })).toBeVisible();
  await enterCode(page, wrongCode(secret));
  await expect(page.getByLabel("Code", { exact: true })).toHaveAccessibleDescription(/not right/);
  // The next step's code: the one that confirmed Turn on may still be the current one, and spent.
  await enterCode(page, totpCode(secret, 1));
  await expect(page).toHaveURL(/\/connections$/);
  await signOut(page);

  // A recovery code signs in once; the same one a second time is refused.
  await startSignIn(page, tenant.email, tenant.password);
  await enterCode(page, codes[0]!);
  await expect(page).toHaveURL(/\/connections$/);
  await signOut(page);
  await startSignIn(page, tenant.email, tenant.password);
  await enterCode(page, codes[0]!);
  await expect(page.getByLabel("Code", { exact: true })).toHaveAccessibleDescription(/not right/);
  await enterCode(page, codes[1]!.toUpperCase());
  await expect(page).toHaveURL(/\/connections$/);
  await page.goto("/account");
  await expect(page.getByText(/8 recovery codes left/)).toBeVisible();
});

/** A Member (not an admin) of the workspace, without two-factor. */
async function seedMember(workspaceId: string) {
  const email = `member-${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  const userId = `usr_${randomBytes(15).toString("base64url")}`;
  const now = sqlNow();
  await e2eSql(
    `INSERT INTO "User" ("id", "email", "passwordHash", "createdAt") VALUES ($1, $2, $3, $4)`,
    [userId, email, await hashPassword(password), now],
  );
  await e2eSql(
    `INSERT INTO "Membership" ("userId", "workspaceId", "role", "createdAt") VALUES ($1, $2, 'member', $3)`,
    [userId, workspaceId, now],
  );
  return { email, password };
}

test("a workspace that requires two-factor holds a member without it at /account until they turn it on", async ({
  page,
  browser,
}) => {
  const tenant = await seedTenant("Strict");
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");
  const requirement = page.getByRole("checkbox", { name: "Require two-factor authentication" });

  // An admin without two-factor cannot turn the requirement on: it would lock them out too.
  await requirement.check();
  await page.getByRole("button", { name: "Save requirement" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("your own account first");
  await turnOnTwoFactor(page, tenant.password);
  await page.goto("/settings");
  await requirement.check();
  await page.getByRole("button", { name: "Save requirement" }).click();
  await expect(page.getByText(/Saved\. Members without two-factor/)).toBeVisible();

  const member = await seedMember(tenant.workspaceId);
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(member.email);
  await other.getByLabel("Password").fill(member.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/account$/);
  await expect(other.getByRole("main")).toContainText(
    "Strict requires two-factor authentication. Turn it on below",
  );
  for (const path of ["/connections", "/audit", "/settings"]) {
    await other.goto(path);
    await expect(other).toHaveURL(/\/account$/);
  }
  await turnOnTwoFactor(other, member.password);
  await other.goto("/connections");
  await expect(other).toHaveURL(/\/connections$/);
  await context.close();
});
