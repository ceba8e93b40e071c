import { expect, expireSession, site, test } from "./fixtures";
import { showsConnected, submitFormOverHttp } from "./connect-over-http";
import { contrastOf } from "./contrast";
import { e2eSql } from "./db";
import { createHash } from "node:crypto";

async function fill(
  page: import("@playwright/test").Page,
  values: { subdomain?: string; clientId: string; clientSecret: string },
) {
  if (values.subdomain !== undefined) await page.getByLabel("Subdomain").fill(values.subdomain);
  await page.getByLabel("Client ID").fill(values.clientId);
  await page.getByLabel("Client Secret").fill(values.clientSecret);
  await page.getByRole("button", { name: "Connect" }).click();
}

test("connects a credential and shows the site; the API then returns it", async ({
  page,
  credential,
  connectSession,
  api,
}) => {
  const cred = await credential({ sites: [site("Acme Jira", "acme")] });
  const session = await connectSession();
  await page.goto(session.url);
  await expect(page.getByText("Acme Tools asks you to connect")).toBeVisible();
  await fill(page, cred);

  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  await expect(page.getByText("Acme Jira")).toBeVisible();
  await expect(page.getByRole("link", { name: "https://acme.atlassian.net" })).toBeVisible();

  const list = await api.get(`/api/v1/connections?end_user_id=${session.endUserId}`);
  const body = await list.json();
  expect(body.data).toHaveLength(1);
  expect(body.data[0]).toMatchObject({
    status: "healthy",
    client_id: cred.clientId,
    end_user: { id: session.endUserId, email: "jo@example.com" },
    site: { name: "Acme Jira", url: "https://acme.atlassian.net" },
    scopes: ["read:jira-work"],
    last_error: null,
  });
  const one = await api.get(`/api/v1/connections/${body.data[0].id}`);
  expect(await one.json()).toEqual(body.data[0]);
  expect(JSON.stringify(body)).not.toContain(cred.clientSecret);

  // The link is spent once it has connected.
  await page.goto(session.url);
  await expect(page.getByRole("heading", { name: "Already connected" })).toBeVisible();
  await expect(page.getByLabel("Client ID")).toHaveCount(0);
});

test("a wrong secret is reported on Client Secret and nothing is stored", async ({
  page,
  credential,
  connectSession,
  api,
}) => {
  const cred = await credential();
  const session = await connectSession();
  await page.goto(session.url);
  // Browsers must neither offer to save the secret nor fill it in later.
  await expect(page.getByLabel("Client Secret")).toHaveAttribute("autocomplete", "off");
  await expect(page.getByLabel("Client Secret")).toHaveAttribute("type", "password");
  await fill(page, { clientId: cred.clientId, clientSecret: "not-the-secret" });

  await expect(page.getByLabel("Client Secret")).toHaveAccessibleDescription(
    /refused this Client Secret/,
  );
  await expect(page.getByLabel("Client Secret")).toBeFocused();
  const list = await (await api.get(`/api/v1/connections?end_user_id=${session.endUserId}`)).json();
  expect(list.data).toHaveLength(0);
});

test("an unknown client is reported on Client ID", async ({ page, connectSession }) => {
  const session = await connectSession();
  await page.goto(session.url);
  await fill(page, { clientId: "no-such-client", clientSecret: "whatever" });
  await expect(page.getByLabel("Client ID")).toHaveAccessibleDescription(
    /does not recognise this Client ID/,
  );
});

test("a service account with no site says to give it a role", async ({
  page,
  credential,
  connectSession,
}) => {
  const cred = await credential({ sites: [] });
  const session = await connectSession();
  await page.goto(session.url);
  await fill(page, cred);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("no role on any site");
});

test("several sites and no subdomain: the user picks one", async ({
  page,
  credential,
  connectSession,
  api,
}) => {
  const cred = await credential({ sites: [site("Zeta", "zeta"), site("Alpha", "alpha")] });
  const session = await connectSession();
  await page.goto(session.url);
  await fill(page, cred);

  const picker = page.getByRole("group", { name: "Site" });
  await expect(picker.getByRole("radio")).toHaveCount(2);
  // Sorted by name, whatever order Atlassian answered in.
  await expect(picker.getByRole("radio").first()).toHaveAccessibleName(/Alpha/);
  await page.getByRole("radio", { name: /Zeta/ }).check();
  await page.getByRole("button", { name: "Connect" }).click();

  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  await expect(page.getByText("https://zeta.atlassian.net")).toBeVisible();
  const list = await (await api.get(`/api/v1/connections?end_user_id=${session.endUserId}`)).json();
  expect(list.data[0].site.name).toBe("Zeta");
});

test("each step has its own heading and says where the user is: credential → site → done", async ({
  page,
  credential,
  connectSession,
}) => {
  const cred = await credential({
    sites: [site("Step One", "step-one"), site("Step Two", "step-two")],
  });
  const session = await connectSession();
  await page.goto(session.url);
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toHaveText("Connect your Atlassian service account");
  await expect(page.getByText("Step 1 of 3: the credential")).toBeVisible();

  await fill(page, cred);
  await expect(h1).toHaveText("Choose the site to connect");
  await expect(h1).toHaveCount(1);
  await expect(page.getByText("Step 2 of 3: the site")).toBeVisible();
  await expect(page.getByText("Step 1 of 3: the credential")).toHaveCount(0);

  await page.getByRole("radio", { name: /Step Two/ }).check();
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(h1).toHaveText("Connected", { timeout: 15_000 });
  await expect(h1).toHaveCount(1);
  await expect(page.getByText("Step 3 of 3: done")).toBeVisible();
});

test("the site picker's Use a different credential goes back without spending the link", async ({
  page,
  credential,
  connectSession,
}) => {
  const several = await credential({
    sites: [site("Wrong One", "wrong-one"), site("Wrong Two", "wrong-two")],
  });
  const right = await credential({ sites: [site("Right", "right")] });
  const session = await connectSession();
  await page.goto(session.url);
  await fill(page, several);
  await expect(page.getByRole("group", { name: "Site" })).toBeVisible();

  await page.getByRole("button", { name: "Use a different credential" }).click();
  await expect(page.getByLabel("Client ID")).toHaveValue("");
  await expect(page.getByRole("group", { name: "Site" })).toHaveCount(0);
  // The credential that waited for a site choice is erased, not left sealed on the session.
  const [row] = await e2eSql<{ pendingSecretSealed: string | null; connectedAt: unknown }>(
    `SELECT "pendingSecretSealed", "connectedAt" FROM "ConnectSession" WHERE "tokenHash" = $1`,
    [createHash("sha256").update(session.token).digest("hex")],
  );
  expect(row).toEqual({ pendingSecretSealed: null, connectedAt: null });

  await fill(page, right);
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText("https://right.atlassian.net")).toBeVisible();
});

test("a subdomain the credential cannot reach names the sites it can", async ({
  page,
  credential,
  connectSession,
}) => {
  const cred = await credential({ sites: [site("Nango One", "nango-1")] });
  const session = await connectSession();
  await page.goto(session.url);
  await fill(page, { subdomain: "nango", ...cred });
  await expect(page.getByLabel("Subdomain")).toHaveAccessibleDescription(
    /cannot reach nango\.atlassian\.net.*Nango One \(https:\/\/nango-1\.atlassian\.net\)/,
  );
});

test("a whole site URL is accepted as the subdomain", async ({
  page,
  credential,
  connectSession,
}) => {
  const cred = await credential({ sites: [site("Nango", "nango"), site("Nango One", "nango-1")] });
  const session = await connectSession();
  await page.goto(session.url);
  await fill(page, { subdomain: "https://nango-1.atlassian.net/", ...cred });
  // A connect is two upstream calls and a sealed write: under a loaded CI runner's two cores
  // (two browsers, the app and the fake) it has taken longer than the default 5 s once.
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText("https://nango-1.atlassian.net")).toBeVisible();
});

test("a Government Cloud site URL is accepted as the subdomain", async ({
  page,
  credential,
  connectSession,
}) => {
  const gov = (name: string, subdomain: string) => ({
    ...site(name, subdomain),
    url: `https://${subdomain}.atlassian-us-gov-mod.net`,
  });
  const cred = await credential({
    sites: [gov("Agency", "agency"), gov("Agency Two", "agency-2")],
  });
  const session = await connectSession();
  await page.goto(session.url);
  await fill(page, {
    subdomain: "https://Agency-2.atlassian-us-gov-mod.net/jira/software/projects",
    ...cred,
  });
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText("https://agency-2.atlassian-us-gov-mod.net")).toBeVisible();
});

test("a site on its own domain connects from its pasted address, and a near miss is named", async ({
  page,
  credential,
  connectSession,
}) => {
  const custom = { ...site("Custom Co", "unused"), url: "https://jira.customco.example" };
  const cred = await credential({ sites: [custom, site("Other", "other-site")] });
  const session = await connectSession();
  await page.goto(session.url);
  // A host the credential does not reach: the error names it as typed, nothing is spent.
  await fill(page, { subdomain: "https://wiki.customco.example/", ...cred });
  await expect(page.getByLabel("Subdomain")).toHaveAccessibleDescription(
    /cannot reach wiki\.customco\.example\. It can reach: Custom Co/,
  );
  await fill(page, { subdomain: " https://JIRA.customco.example/browse/KEY-1 ", ...cred });
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText("https://jira.customco.example")).toBeVisible();
});

test("an expired link shows a page that says so, not the form", async ({
  page,
  connectSession,
}) => {
  const session = await connectSession();
  await expireSession(session.token);
  await page.goto(session.url);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(page.getByLabel("Client ID")).toHaveCount(0);
});

test("a forged link shows a page that says so", async ({ page }) => {
  await page.goto("/connect?session_token=lcs_forged");
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
});

test("a bad subdomain is a field error and never reaches Atlassian", async ({
  page,
  credential,
  connectSession,
  upstreamCalls,
}) => {
  const cred = await credential();
  const session = await connectSession();
  await page.goto(session.url);
  await fill(page, { subdomain: "acme.example.com", ...cred });
  await expect(page.getByLabel("Subdomain")).toHaveAccessibleDescription(
    /part before \.atlassian\.net/,
  );
  await expect(page.getByLabel("Subdomain")).toBeFocused();
  expect(await upstreamCalls(cred.clientId)).toBe(0);
});

test("one click on Connect checks every field, even when leaving a field shows its error", async ({
  page,
  connectSession,
}) => {
  const session = await connectSession();
  await page.goto(session.url);
  // Leaving the subdomain for the button would show its error and push the button down under
  // the pointer, losing the click, if the form checked the field on that blur.
  await page.getByLabel("Subdomain").fill("not a subdomain");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByLabel("Subdomain")).toBeFocused();
  for (const field of ["Subdomain", "Client ID", "Client Secret"]) {
    await expect(page.getByLabel(field)).toHaveAttribute("aria-invalid", "true");
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still connects", async ({ page, credential, connectSession }) => {
    const cred = await credential({ sites: [site("Acme", "acme")] });
    const session = await connectSession();
    await page.goto(session.url);
    await fill(page, cred);
    await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  });

  test("the server applies the same rules: a bad subdomain never reaches Atlassian", async ({
    page,
    credential,
    connectSession,
    upstreamCalls,
  }) => {
    const cred = await credential();
    const session = await connectSession();
    await page.goto(session.url);
    await fill(page, { subdomain: "not a subdomain!", ...cred });
    await expect(page.getByLabel("Subdomain")).toHaveAccessibleDescription(
      /part before \.atlassian\.net/,
    );
    // What was typed survives the round trip, except the secret.
    await expect(page.getByLabel("Client ID")).toHaveValue(cred.clientId);
    await expect(page.getByLabel("Client Secret")).toHaveValue("");
    expect(await upstreamCalls(cred.clientId)).toBe(0);
  });

  test("the site picker works too", async ({ page, credential, connectSession }) => {
    const cred = await credential({ sites: [site("Beta", "beta"), site("Alpha", "alpha")] });
    const session = await connectSession();
    await page.goto(session.url);
    await fill(page, cred);
    await page.getByRole("radio", { name: /Beta/ }).check();
    await page.getByRole("button", { name: "Connect" }).click();
    await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
    await expect(page.getByText("https://beta.atlassian.net")).toBeVisible();
  });
});

test("the secret can be shown to check a paste, and pasted values are cleaned up", async ({
  page,
  credential,
  connectSession,
}) => {
  const cred = await credential({ sites: [site("Paste Site", "pastesite")] });
  const session = await connectSession();
  await page.goto(session.url);
  const secret = page.getByLabel("Client Secret");
  await secret.fill(`  ${cred.clientSecret}\n`);
  await expect(secret).toHaveAttribute("type", "password");
  await page.getByRole("button", { name: "Show Client Secret" }).click();
  await expect(secret).toHaveAttribute("type", "text");
  await expect(page.getByRole("button", { name: "Hide Client Secret" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.getByRole("button", { name: "Hide Client Secret" }).click();
  await expect(secret).toHaveAttribute("type", "password");

  // Copied with surrounding whitespace, and the whole site address for the subdomain.
  await page.getByLabel("Subdomain").fill(" https://pastesite.atlassian.net/jira/your-work ");
  await page.getByLabel("Client ID").fill(` ${cred.clientId}\t`);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  await expect(page.getByText("Paste Site")).toBeVisible();
});

test("a no-referrer POST counts as same-origin only when the browser says so", async ({
  credential,
  connectSession,
  api,
}) => {
  // What a browser sends for the page's own no-JavaScript form under Referrer-Policy: no-referrer.
  const own = await credential();
  const ownSession = await connectSession();
  const { html } = await submitFormOverHttp(
    ownSession.url,
    { subdomain: "", ...own },
    { headers: { origin: "null", "sec-fetch-site": "same-origin" } },
  );
  expect(showsConnected(html)).toBe(true);

  // The same from another site (a sandboxed frame or a data: page also says Origin: null).
  const forged = await credential();
  const forgedSession = await connectSession();
  const answer = await submitFormOverHttp(
    forgedSession.url,
    { subdomain: "", ...forged },
    { headers: { origin: "null", "sec-fetch-site": "cross-site" } },
  );
  expect(showsConnected(answer.html)).toBe(false);
  const list = await (
    await api.get(`/api/v1/connections?end_user_id=${forgedSession.endUserId}`)
  ).json();
  expect(list.data).toHaveLength(0);
});

test("dark mode: the Subdomain hint reads as a hint, and the site radios as live controls at ≥ 3:1", async ({
  page,
  credential,
  connectSession,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const cred = await credential({
    sites: [site("Dark One", "dark-one"), site("Dark Two", "dark-two")],
  });
  const session = await connectSession();
  await page.goto(session.url);
  const subdomain = page.getByLabel("Subdomain");
  const hint = await contrastOf(subdomain, "placeholder");
  const typed = await contrastOf(subdomain, "text");
  expect(hint).toBeGreaterThanOrEqual(3);
  // Dimmer than what a person types, and in italics: not mistaken for a value.
  expect(typed).toBeGreaterThan(hint * 2);
  await expect(subdomain).toHaveCSS("font-style", "normal");
  expect(
    await subdomain.evaluate((node) => getComputedStyle(node, "::placeholder").fontStyle),
  ).toBe("italic");

  await fill(page, cred);
  const radios = page.getByRole("group", { name: "Site" }).getByRole("radio");
  await expect(radios).toHaveCount(2);
  for (const radio of await radios.all()) {
    expect(await contrastOf(radio, "border")).toBeGreaterThanOrEqual(3);
  }
  await radios.first().check();
  expect(await contrastOf(radios.first(), "border")).toBeGreaterThanOrEqual(3);
  await expect(radios.first()).toBeEnabled();
});
