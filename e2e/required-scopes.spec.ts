import type { Page } from "@playwright/test";
import { e2eSql } from "./db";
import { expect, signIn, site, test } from "./fixtures";
import { seedTenant } from "./seed";

/**
 * The scopes a workspace requires, from the end user's side: named on the empty form before
 * anything is sent, in every language, and a credential that lacks one refused without
 * spending the link, so the next credential connects on the same link.
 */

const REQUIRED = ["read:jira-work", "write:jira-work"];

async function requireScopes(workspaceId: string, allowMissing = false) {
  // A literal, not a parameter: SQLite's driver binds no booleans; both databases read TRUE/FALSE.
  await e2eSql(
    `UPDATE "Workspace" SET "requiredScopes" = $1, "allowMissingScopes" = ${allowMissing ? "TRUE" : "FALSE"} WHERE "id" = $2`,
    [REQUIRED.join(" "), workspaceId],
  );
}

async function fill(page: Page, cred: { clientId: string; clientSecret: string }) {
  await page.getByLabel("Client ID").fill(cred.clientId);
  await page.getByLabel("Client Secret").fill(cred.clientSecret);
  await page.getByRole("button", { name: "Connect" }).click();
}

const LANGUAGES = [
  { lang: "en", title: "Before you start", intro: "Its credential must grant these scopes:" },
  { lang: "de", title: "Bevor Sie beginnen", intro: "Seine Anmeldedaten müssen diese Scopes" },
  { lang: "es", title: "Antes de empezar", intro: "Su credencial debe conceder estos ámbitos" },
  { lang: "fr", title: "Avant de commencer", intro: "Ses identifiants doivent accorder ces" },
  { lang: "ja", title: "始める前に", intro: "認証情報には次のスコープが必要です" },
];

test("the empty form names the required scopes and what the credential needs, in every language", async ({
  page,
  context,
  connectSession,
}) => {
  const tenant = await seedTenant("Scopes named");
  await requireScopes(tenant.workspaceId);
  // The page's Permissions-Policy forbids reading the clipboard, so the test listens to writes.
  await context.addInitScript(() => {
    const copied: string[] = [];
    Object.assign(window, { copied });
    navigator.clipboard.writeText = async (text: string) => void copied.push(text);
  });
  for (const { lang, title, intro } of LANGUAGES) {
    const session = await connectSession({ apiKey: tenant.apiKey });
    await page.goto(`${session.url}&lang=${lang}`);
    const needs = page.getByRole("region", { name: title });
    await expect(needs, lang).toBeVisible();
    await expect(needs).toContainText(intro);
    await expect(needs.getByTestId("required-scopes").getByRole("listitem")).toHaveText(REQUIRED);
    // The steps say the same, before anything is submitted.
    await needs.locator("summary").click();
    await expect(needs.getByRole("listitem").filter({ hasText: /Client secret/ })).toBeVisible();
  }
  // Copy puts the list on the clipboard, ready for Atlassian's scope search.
  const session = await connectSession({ apiKey: tenant.apiKey });
  await page.goto(session.url);
  await page.getByRole("button", { name: "Copy the scopes" }).click();
  await expect(page.getByRole("button", { name: "Copied the scopes" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
    REQUIRED.join(" "),
  ]);
});

test("a form without required scopes still says what the credential needs, and lists none", async ({
  page,
  connectSession,
}) => {
  const session = await connectSession();
  await page.goto(session.url);
  const needs = page.getByRole("region", { name: "Before you start" });
  await expect(needs).toContainText("You are an organization admin in Atlassian Administration.");
  await expect(needs).toContainText("has a role on the site and app to connect");
  await expect(page.getByTestId("required-scopes")).toHaveCount(0);
});

test("a credential lacking a required scope is refused, and the same link connects a new one", async ({
  page,
  credential,
  connectSession,
  api,
}) => {
  const tenant = await seedTenant("Scopes refused");
  await requireScopes(tenant.workspaceId);
  // Atlassian lists a site's granted scopes; Latch judges by them.
  const lacking = await credential({ sites: [site("Acme", "acme", ["read:jira-work"])] });
  const complete = await credential({ sites: [site("Acme", "acme", REQUIRED)] });
  const session = await connectSession({ apiKey: tenant.apiKey });
  await page.goto(session.url);

  await fill(page, lacking);
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("does not grant 1 scope this app needs: write:jira-work");
  await expect(alert).toContainText("This link still works.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Connect your Atlassian service account",
  );
  // Scopes are fixed when a credential is created: the next try starts from a new Client ID.
  await expect(page.getByLabel("Client ID")).toHaveValue("");

  await fill(page, complete);
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  await expect(page.getByText("Some scopes the app needs are missing")).toHaveCount(0);
  const list = await api.get(`/api/v1/connections?end_user_id=${session.endUserId}`, {
    headers: { authorization: `Bearer ${tenant.apiKey}` },
  });
  const body = await list.json();
  expect(body.data).toHaveLength(1);
  expect(body.data[0]).toMatchObject({ client_id: complete.clientId, scopes: REQUIRED });
});

test("an admin may let such a credential connect, flagged with what it lacks", async ({
  page,
  credential,
  connectSession,
}) => {
  const tenant = await seedTenant("Scopes allowed");
  await requireScopes(tenant.workspaceId);
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");
  await page.getByLabel("Connect a credential that lacks a required scope").check();
  await page.getByRole("button", { name: "Save choice" }).click();
  await expect(
    page.getByText("Saved. A credential lacking a required scope connects"),
  ).toBeVisible();

  const cred = await credential({ sites: [site("Acme", "acme", ["read:jira-work"])] });
  const session = await connectSession({ apiKey: tenant.apiKey });
  await page.goto(session.url);
  await fill(page, cred);
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  const warning = page
    .getByRole("alert")
    .filter({ hasText: "Some scopes the app needs are missing" });
  await expect(warning).toContainText("write:jira-work");
  await expect(warning).not.toContainText("read:jira-work");
});
