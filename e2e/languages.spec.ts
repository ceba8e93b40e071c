import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { E2E } from "./env";
import { expect, expireSession, site, test } from "./fixtures";

/**
 * The connect form in the end user's language: chosen by `?lang=`, by `Latch.open({ lang })`,
 * or by the browser's Accept-Language. The whole flow, German and Japanese, end to end.
 */

const withLang = (url: string, lang: string) => `${url}&lang=${lang}`;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}

test("German by ?lang=de: labels, checks, Atlassian's refusal and success all speak German", async ({
  page,
  credential,
  connectSession,
}) => {
  const cred = await credential({ sites: [site("Acme Jira", "acme")] });
  const session = await connectSession();
  const response = await page.goto(withLang(session.url, "de"));
  expect(response?.headers()["content-language"]).toBe("de");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveTitle("Verbinden Sie Ihr Atlassian-Servicekonto · Latch");
  await expect(page.getByText("Acme Tools bittet Sie, eine Verbindung herzustellen")).toBeVisible();
  await expectNoAxeViolations(page);

  // The browser's own check, before anything is sent.
  await page.getByRole("button", { name: "Verbinden" }).click();
  await expect(page.getByLabel("Client-ID")).toHaveAccessibleDescription(
    /^Geben Sie die Client-ID aus den Anmeldedaten ein/,
  );
  await expect(page.getByLabel("Client-ID")).toBeFocused();

  // Atlassian's refusal, worded by the server in German.
  await page.getByLabel("Client-ID").fill(cred.clientId);
  await page.getByLabel("Client-Secret").fill("nicht-das-secret");
  await page.getByRole("button", { name: "Client-Secret anzeigen" }).click();
  await expect(page.getByLabel("Client-Secret")).toHaveAttribute("type", "text");
  await page.getByRole("button", { name: "Client-Secret ausblenden" }).click();
  await page.getByRole("button", { name: "Verbinden" }).click();
  await expect(page.getByLabel("Client-Secret")).toHaveAccessibleDescription(
    /^Atlassian hat dieses Client-Secret abgelehnt/,
  );
  await expectNoAxeViolations(page);

  await page.getByLabel("Client-Secret").fill(cred.clientSecret);
  await page.getByRole("button", { name: "Verbinden" }).click();
  await expect(page.getByRole("heading", { name: "Verbunden", exact: true })).toBeVisible();
  await expect(page.getByText("Gewährte Scopes")).toBeVisible();
  await expect(page.getByText("Sie können dieses Fenster schließen.")).toBeVisible();

  await page.goto(withLang(session.url, "de"));
  await expect(page.getByRole("heading", { name: "Bereits verbunden" })).toBeVisible();
});

test.describe("Japanese from the browser", () => {
  test.use({ locale: "ja-JP" });

  test("labels, the site picker and success follow Accept-Language", async ({
    page,
    credential,
    connectSession,
  }) => {
    const cred = await credential({ sites: [site("Beta", "beta"), site("Alpha", "alpha")] });
    const session = await connectSession();
    await page.goto(session.url);
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(
      page.getByRole("heading", { name: "Atlassian のサービスアカウントを接続" }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("サブドメイン").fill("not a subdomain!");
    await page.getByLabel("クライアント ID").fill(cred.clientId);
    await page.getByLabel("クライアントシークレット").fill(cred.clientSecret);
    await page.getByRole("button", { name: "接続" }).click();
    await expect(page.getByLabel("サブドメイン")).toHaveAccessibleDescription(
      /^\.atlassian\.net の前の部分だけを入力してください/,
    );

    await page.getByLabel("サブドメイン").fill("");
    await page.getByRole("button", { name: "接続" }).click();
    const picker = page.getByRole("group", { name: "サイト" });
    await expect(picker).toBeVisible();
    await expectNoAxeViolations(page);
    await picker.getByRole("radio", { name: /Beta/ }).check();
    await page.getByRole("button", { name: "接続" }).click();
    await expect(page.getByRole("heading", { name: "接続しました" })).toBeVisible();
    await expect(page.getByText("https://beta.atlassian.net")).toBeVisible();
  });

  test("without JavaScript the server answers in Japanese too", async ({
    browser,
    credential,
    connectSession,
  }) => {
    const context = await browser.newContext({ locale: "ja-JP", javaScriptEnabled: false });
    const page = await context.newPage();
    const cred = await credential();
    const session = await connectSession();
    await page.goto(session.url);
    await page.getByLabel("クライアント ID").fill(cred.clientId);
    await page.getByLabel("クライアントシークレット").fill("違うシークレット");
    await page.getByRole("button", { name: "接続" }).click();
    await expect(page.getByLabel("クライアントシークレット")).toHaveAccessibleDescription(
      /^Atlassian がこのクライアントシークレットを拒否しました/,
    );
    await context.close();
  });

  test("?lang= wins over the browser; a language Latch lacks falls back to the browser's", async ({
    page,
    connectSession,
  }) => {
    const session = await connectSession();
    await page.goto(withLang(session.url, "fr"));
    await expect(page.getByLabel("Secret client")).toBeVisible();
    await page.goto(withLang(session.url, "pt-BR"));
    await expect(page.getByLabel("クライアントシークレット")).toBeVisible();
  });

  test("an expired link says so in Japanese; the dashboard stays English", async ({
    page,
    connectSession,
  }) => {
    const session = await connectSession();
    await expireSession(session.token);
    await page.goto(session.url);
    await expect(
      page.getByRole("heading", { name: "このリンクは有効期限が切れています" }),
    ).toBeVisible();
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });
});

test("Latch.open({ lang: 'es' }): the modal, the form and its messages to the host speak Spanish", async ({
  page,
  credential,
  connectSession,
}) => {
  const cred = await credential();
  const session = await connectSession({ allowedOrigins: [E2E.hostUrl] });
  await page.goto(E2E.hostUrl);
  await page.evaluate(
    (token) =>
      (window as unknown as { openLatch(t: string, o: object): void }).openLatch(token, {
        lang: "es",
      }),
    session.token,
  );
  await expect(page.getByRole("dialog", { name: "Conectar su cuenta de Atlassian" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cerrar" })).toBeVisible();

  const frame = page.frameLocator("iframe");
  await frame.getByLabel("ID de cliente").fill(cred.clientId);
  await frame.getByLabel("Secreto de cliente").fill("otro-secreto");
  await frame.getByRole("button", { name: "Conectar" }).click();
  await expect(frame.getByLabel("Secreto de cliente")).toHaveAccessibleDescription(
    /^Atlassian rechazó este secreto de cliente/,
  );
  const error = await page.evaluate(
    () =>
      (
        window as unknown as {
          latchEvents: { type: string; error?: { code: string; message: string } }[];
        }
      ).latchEvents.find((event) => event.type === "error")?.error,
  );
  expect(error?.code).toBe("invalid_credentials");
  expect(error?.message).toMatch(/^Atlassian rechazó este secreto de cliente/);
});

test("a client cannot choose the language or pose as the form's post by sending proxy.ts's headers", async ({
  page,
  credential,
  connectSession,
}) => {
  await page.setExtraHTTPHeaders({ "x-latch-locale": "ja", "x-latch-form-post": "1" });
  const session = await connectSession();
  await page.goto(session.url);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByLabel("Client Secret")).toBeVisible();

  const cred = await credential();
  await page.getByLabel("Client ID").fill(cred.clientId);
  await page.getByLabel("Client Secret").fill(cred.clientSecret);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  // A spent link read with GET shows that it is spent, whatever the request claims.
  await page.goto(session.url);
  await expect(page.getByRole("heading", { name: "Already connected" })).toBeVisible();
});
