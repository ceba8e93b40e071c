import { Secret, TOTP } from "otpauth";
import { expect, type Page } from "@playwright/test";

/** Plays the member's authenticator app: the code for now, or `steps` 30-s steps later. */
export function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
  });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A six-digit code that is none of the codes the secret accepts around now. */
export function wrongCode(secret: string): string {
  const near = [-1, 0, 1, 2].map((steps) => totpCode(secret, steps));
  return ["000000", "111111", "222222", "333333", "444444"].find((code) => !near.includes(code))!;
}

/**
 * Turns two-factor on from the Account page as a member without a camera would: reads the key
 * shown as text and types the app's code. Returns the secret and the recovery codes shown.
 */
export async function turnOnTwoFactor(page: Page, password: string) {
  await page.goto("/account");
  await page.getByRole("button", { name: "Turn on", exact: true }).click();
  const secret = (await page.locator("code[data-totp-secret]").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code", { exact: true }).fill(totpCode(secret));
  // /account has other password fields (the e-mail change's): this one is in the section.
  await page
    .getByRole("region", { name: "Two-factor authentication" })
    .getByLabel("Password", { exact: true })
    .fill(password);
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allInnerTexts();
  return { secret, codes };
}

/** Email and Password, then the Code step (which the caller fills). */
export async function startSignIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Code", { exact: true })).toBeVisible();
}

export async function enterCode(page: Page, code: string) {
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}
