import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, expireSession, signIn, site, test } from "./fixtures";
import { e2eSql } from "./db";
import { seedTenant } from "./seed";
import { submitConnectForm } from "./connect-over-http";
import { E2E } from "./env";
import { seedConnections } from "./seed-connections";
import { enterCode, startSignIn, turnOnTwoFactor, wrongCode } from "./two-factor";

/** WCAG 2.2 A and AA, as axe-core checks them. */
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectAccessible(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const readable = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
  expect(readable, `accessibility violations in: ${state}`).toEqual([]);
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test(`connect form, every state, ${scheme}`, async ({ page, credential, connectSession }) => {
      const session = await connectSession();
      await page.goto(session.url);
      await expect(page.getByLabel("Client ID")).toBeVisible();
      await expectAccessible(page, "empty form");

      await page.getByRole("button", { name: "Connect" }).click();
      await expect(page.getByLabel("Client ID")).toBeFocused();
      await expectAccessible(page, "field errors");

      const wrong = await credential();
      await page.getByLabel("Client ID").fill(wrong.clientId);
      await page.getByLabel("Client Secret").fill("not-the-secret");
      await page.getByRole("button", { name: "Connect" }).click();
      await expect(page.getByLabel("Client Secret")).toHaveAccessibleDescription(/refused/);
      await expectAccessible(page, "upstream error on a field");

      const twoSites = await credential({ sites: [site("One", "one"), site("Two", "two")] });
      await page.getByLabel("Client ID").fill(twoSites.clientId);
      await page.getByLabel("Client Secret").fill(twoSites.clientSecret);
      await page.getByRole("button", { name: "Connect" }).click();
      await expect(page.getByRole("radio").first()).toBeVisible();
      await expectAccessible(page, "site picker");

      await page.getByRole("radio").first().check();
      await page.getByRole("button", { name: "Connect" }).click();
      await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
      await expectAccessible(page, "connected");

      const expired = await connectSession();
      await expireSession(expired.token);
      await page.goto(expired.url);
      await expect(page.getByRole("heading")).toBeVisible();
      await expectAccessible(page, "expired link");
    });

    test(`the dashboard explaining itself, ${scheme}`, async ({
      page,
      request,
      credential,
      connectSession,
    }) => {
      test.slow();
      const tenant = await seedTenant(`Explained ${scheme}`);
      await signIn(page, tenant.email, tenant.password);
      await expect(page.getByRole("region", { name: "Get started" })).toBeVisible();
      await expectAccessible(page, "onboarding checklist");

      await page.locator("summary", { hasText: "New connection" }).click();
      await page.getByRole("button", { name: "Open the connect form" }).click();
      await expect(page.getByLabel("End user ID")).toBeFocused();
      await expectAccessible(page, "new connection form with an error");

      // A connection whose credential Atlassian now refuses, with a reconnect link shown, and a
      // failed attempt by its end user.
      const key = tenant.apiKey;
      const cred = await credential();
      const session = await connectSession({ apiKey: key, endUserId: `explained-${scheme}` });
      expect((await submitConnectForm(session.url, { subdomain: "", ...cred })).connected).toBe(
        true,
      );
      const retry = await connectSession({ apiKey: key, endUserId: `explained-${scheme}` });
      await submitConnectForm(retry.url, {
        subdomain: "",
        clientId: cred.clientId,
        clientSecret: "x",
      });
      await request.post(`${E2E.fakeUrl}/__fake/revoke`, { data: { client_id: cred.clientId } });
      await page.goto("/connections");
      await page.getByRole("link", { name: `explained-${scheme}` }).click();
      await page.getByRole("button", { name: /^Test/ }).click();
      await expect(page.getByRole("main")).toContainText("Atlassian refused the client secret");
      await page.reload();
      await page.getByRole("button", { name: "Copy reconnect link" }).click();
      await expect(page.getByRole("textbox", { name: "Reconnect link" })).toBeVisible();
      await expectAccessible(page, "failing connection with its diagnosis and a reconnect link");

      await page.goto("/audit?action=connect.failed");
      await expect(page.getByRole("table")).toContainText("Connect attempt failed");
      await expectAccessible(page, "audit log with a failed connect attempt");

      const back = await connectSession({ apiKey: key });
      const next = await credential();
      await page.goto(`${back.url}&return_to=%2Fconnections`);
      await page.getByLabel("Client ID").fill(next.clientId);
      await page.getByLabel("Client Secret").fill(next.clientSecret);
      await page.getByRole("button", { name: "Connect" }).click();
      await expect(page.getByRole("link", { name: "Back to the dashboard" })).toBeVisible();
      await expectAccessible(page, "connected, with the way back to the dashboard");
    });

    test(`sign-in and dashboard pages, ${scheme}`, async ({ page }) => {
      // Six pages, each scanned by axe: more than the default 30 s on a busy two-core machine.
      test.slow();
      await page.goto("/login");
      await expectAccessible(page, "sign-in");
      const tenant = await seedTenant(`A11y ${scheme}`);
      await signIn(page, tenant.email, tenant.password);
      for (const path of [
        "/connections",
        "/members",
        "/settings",
        "/audit",
        "/api-docs",
        "/account",
      ]) {
        await page.goto(path);
        await expectAccessible(page, path);
      }
    });

    test(`members, invite, reset and 403 pages, ${scheme}`, async ({ page, browser }) => {
      test.slow();
      const tenant = await seedTenant(`A11y team ${scheme}`);
      await signIn(page, tenant.email, tenant.password);
      await page.goto("/members");
      const email = `a11y-${scheme}-${Date.now()}@example.com`;
      await page.getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Invite" }).click();
      const link = await page.getByLabel(`Invite link for ${email}`).inputValue();
      await expectAccessible(page, "members with a new invite link");

      const invitee = await (await browser.newContext({ colorScheme: scheme })).newPage();
      await invitee.goto(link);
      await expectAccessible(invitee, "invite page");
      await invitee.getByRole("button", { name: "Join" }).click();
      await expect(invitee.getByLabel("Password")).toBeFocused();
      await expectAccessible(invitee, "invite page with an error");
      await invitee.getByLabel("Password").fill("an accessible password");
      await invitee.getByRole("button", { name: "Join" }).click();
      await expect(invitee).toHaveURL(/\/connections$/);
      await invitee.goto("/settings");
      await expectAccessible(invitee, "403 page");

      await page.reload();
      const row = page.locator(`tr[data-member="${email}"]`);
      await row.getByRole("button", { name: "Reset link" }).click();
      const reset = await row.getByLabel(`Reset link for ${email}`).inputValue();
      await expectAccessible(page, "members with a reset link");
      await invitee.goto(reset);
      await expectAccessible(invitee, "reset page");
      await invitee.goto(`${new URL(reset).origin}/invite/lin_not-a-real-token`);
      await expectAccessible(invitee, "invalid invite link");
    });

    test(`connections list states, ${scheme}`, async ({ page }) => {
      test.slow();
      const tenant = await seedTenant(`A11y list ${scheme}`);
      await e2eSql(`UPDATE "Workspace" SET "requiredScopes" = $1 WHERE "id" = $2`, [
        "read:jira-work write:jira-work",
        tenant.workspaceId,
      ]);
      await seedConnections(tenant.workspaceId, [
        {
          endUserId: "failing-user",
          status: "failing",
          error: "Atlassian refused the credential. ".repeat(12),
          scopes: [
            "read:jira-work",
            ...Array.from({ length: 8 }, (_, i) => `read:extra-${i}:jira`),
          ],
        },
        { endUserId: "revoked-user", status: "revoked", ageMinutes: 90 },
        ...Array.from({ length: 25 }, (_, i) => ({
          endUserId: `filler-${i}`,
          ageMinutes: 200 + i,
        })),
      ]);
      await signIn(page, tenant.email, tenant.password);
      await expectAccessible(page, "list with a count, a missing-scope flag and pages");

      const row = page.getByRole("row").filter({ hasText: "failing-user" });
      await row.getByText("Revoke", { exact: true }).click();
      await row.getByText("+3 more").click();
      await expectAccessible(page, "revoke confirmation and all scopes open");

      await page
        .getByRole("combobox", { name: "Scopes" })
        .selectOption({ label: "Missing a required scope" });
      await expect(page).toHaveURL(/scopes=missing/);
      await page.getByRole("link", { name: "Next" }).click();
      await expect(page.getByRole("link", { name: "Previous" })).toBeVisible();
      await expectAccessible(page, "filtered, second page");

      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto("/connections");
      await expectAccessible(page, "cards on a phone");

      await page.goto("/audit");
      await expectAccessible(page, "audit log with target links");
    });

    test(`two-factor: Account states and the sign-in Code step, ${scheme}`, async ({ page }) => {
      test.slow();
      const tenant = await seedTenant(`A11y 2FA ${scheme}`);
      await signIn(page, tenant.email, tenant.password);
      await page.goto("/account");
      await page.getByRole("button", { name: "Turn on", exact: true }).click();
      await expect(page.getByLabel("Code", { exact: true })).toBeVisible();
      await expectAccessible(page, "two-factor setup (QR code and key)");
      await page.getByRole("button", { name: "Turn on two-factor" }).click();
      await expect(page.getByLabel("Code", { exact: true })).toBeFocused();
      await expectAccessible(page, "two-factor setup, code missing");
      await page.getByRole("button", { name: "Cancel" }).click();
      // Navigating before the answer would cancel the action (and the setup would stay pending).
      await expect(page.getByRole("button", { name: "Turn on", exact: true })).toBeVisible();
      const { secret } = await turnOnTwoFactor(page, tenant.password);
      await expectAccessible(page, "recovery codes");
      await page.getByRole("button", { name: "I have saved them" }).click();
      await page.getByText("Turn off", { exact: true }).click();
      await page.getByRole("button", { name: "Turn off two-factor" }).click();
      await expect(page.getByRole("main").getByRole("alert").first()).toBeVisible();
      await expectAccessible(page, "two-factor on, turning off without a password");
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/login$/);
      await startSignIn(page, tenant.email, tenant.password);
      await expectAccessible(page, "sign-in Code step");
      await enterCode(page, wrongCode(secret));
      await expect(page.getByLabel("Code", { exact: true })).toHaveAccessibleDescription(
        /not right/,
      );
      await expectAccessible(page, "sign-in Code step, wrong code");
    });
  });
}

test("the whole connect flow works by keyboard alone, with focus always visible", async ({
  page,
  credential,
  connectSession,
}) => {
  const cred = await credential({
    sites: [site("Keys One", "keys-one"), site("Keys Two", "keys-two")],
  });
  const session = await connectSession();
  await page.goto(session.url);
  const focusedName = () =>
    page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? "");
  const focusRingVisible = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.closest("div") ?? element;
      const styles = [getComputedStyle(element), getComputedStyle(box)];
      return styles.some(
        (style) =>
          (style.outlineStyle !== "none" && style.outlineWidth !== "0px") ||
          style.boxShadow !== "none",
      );
    });

  // Tab to the first field, then through the form, typing as a person would.
  while ((await focusedName()) !== "subdomain") await page.keyboard.press("Tab");
  expect(await focusRingVisible()).toBe(true);
  await page.keyboard.press("Tab");
  expect(await focusedName()).toBe("clientId");
  expect(await focusRingVisible()).toBe(true);
  await page.keyboard.type(cred.clientId);
  while ((await focusedName()) !== "clientSecret") await page.keyboard.press("Tab");
  await page.keyboard.type(cred.clientSecret);
  await page.keyboard.press("Enter");

  // The site picker: arrows choose, Enter connects.
  await expect(page.getByRole("radio").first()).toBeVisible();
  await page.getByRole("radio").first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /Keys Two/ })).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  await expect(page.getByText("Keys Two")).toBeVisible();
});
