import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, expireSession, signIn, site, test } from "./fixtures";
import { seedTenant } from "./seed";
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

    test(`sign-in and dashboard pages, ${scheme}`, async ({ page }) => {
      // Six pages, each scanned by axe: more than the default 30 s on a busy two-core machine.
      test.slow();
      await page.goto("/login");
      await expectAccessible(page, "sign-in");
      const tenant = await seedTenant(`A11y ${scheme}`);
      await signIn(page, tenant.email, tenant.password);
      for (const path of ["/connections", "/settings", "/audit", "/api-docs", "/account"]) {
        await page.goto(path);
        await expectAccessible(page, path);
      }
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
      const { secret } = await turnOnTwoFactor(page);
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
