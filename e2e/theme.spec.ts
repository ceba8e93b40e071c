import { createHash } from "node:crypto";
import { E2E } from "./env";
import { expect, signIn, test } from "./fixtures";
import { seedTenant } from "./seed";

test("a workspace's colour and dark theme reach its connect form; text on the colour stays legible", async ({
  page,
  connectSession,
}) => {
  const tenant = await seedTenant("Themed");
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");
  await page.getByLabel("Display name").fill("Themed Tools");
  await page.getByRole("textbox", { name: /^Primary colour/ }).fill("#facc15");
  await page.getByLabel("Theme").selectOption("dark");
  await page.getByRole("button", { name: "Save appearance" }).click();
  await expect(page.getByText("Appearance saved")).toBeVisible();

  const session = await connectSession({ apiKey: tenant.apiKey });
  await page.goto(session.url);
  await expect(page.getByText("Themed Tools asks you to connect")).toBeVisible();
  const button = page.getByRole("button", { name: "Connect" });
  // Yellow is light: the text on it must be dark, whatever the page's dark theme says.
  await expect(button).toHaveCSS("background-color", "rgb(250, 204, 21)");
  await expect(button).toHaveCSS("color", "rgb(17, 24, 39)");
  const screen = page.locator("main").locator("..");
  await expect(screen).toHaveClass(/\bdark\b/);
  await expect(screen).toHaveCSS("color-scheme", "dark");

  // The embedding page may choose light instead, for its own session only.
  const embedded = await connectSession({ apiKey: tenant.apiKey, allowedOrigins: [E2E.hostUrl] });
  const hash = createHash("sha256").update(embedded.token).digest("hex");
  await page.goto(
    `/connect/embed?session=${hash}&origin=${encodeURIComponent(E2E.hostUrl)}&mode=light`,
  );
  await expect(page.locator("main").locator("..")).toHaveClass(/\blight\b/);
  await expect(page.getByRole("button", { name: "Connect" })).toHaveCSS(
    "background-color",
    "rgb(250, 204, 21)",
  );
});
