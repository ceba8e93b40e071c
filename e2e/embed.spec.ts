import type { Page } from "@playwright/test";
import { E2E } from "./env";
import { expect, site, test } from "./fixtures";

type LatchEvent = {
  type: string;
  connection?: { site: { name: string } };
  error?: { code: string; message?: string };
};
const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { latchEvents: LatchEvent[] }).latchEvents);
const open = (page: Page, token: string, how: "openLatch" | "mountLatch" = "openLatch") =>
  page.evaluate(
    ([fn, value]) => (window as unknown as Record<string, (t: string) => void>)[fn]!(value),
    [how, token] as const,
  );

test("the modal connects inside the host page and close() leaves nothing behind", async ({
  page,
  credential,
  connectSession,
}) => {
  const cred = await credential({ sites: [site("Embedded Jira", "embedded")] });
  const session = await connectSession({ allowedOrigins: [E2E.hostUrl] });
  await page.goto(E2E.hostUrl);
  await open(page, session.token);

  const iframe = page.locator("iframe");
  await expect(iframe).toHaveCount(1);
  const src = (await iframe.getAttribute("src")) ?? "";
  expect(src).toContain("/connect/embed?");
  expect(src).not.toContain(session.token);
  await expect.poll(() => page.evaluate(() => document.body.style.overflow)).toBe("hidden");

  const frame = page.frameLocator("iframe");
  await frame.getByLabel("Client ID").fill(cred.clientId);
  await frame.getByLabel("Client Secret").fill(cred.clientSecret);
  await frame.getByRole("button", { name: "Connect" }).click();
  await expect(frame.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
  await expect
    .poll(
      async () => (await events(page)).find((e) => e.type === "connected")?.connection?.site.name,
    )
    .toBe("Embedded Jira");
  expect(JSON.stringify(await events(page))).not.toContain(cred.clientSecret);

  await page.evaluate(() =>
    (window as unknown as { latchHandle: { close(): void } }).latchHandle.close(),
  );
  await expect(page.locator("iframe")).toHaveCount(0);
  await expect(page.locator("[data-latch]")).toHaveCount(0);
  expect(await page.evaluate(() => document.body.style.overflow)).toBe("");
  expect(await page.evaluate(() => document.querySelectorAll("[inert]").length)).toBe(0);
});

test("after Connected the modal shows Done, which closes it", async ({
  page,
  credential,
  connectSession,
}) => {
  const cred = await credential({ sites: [site("Done Jira", "done-jira")] });
  const session = await connectSession({ allowedOrigins: [E2E.hostUrl] });
  await page.goto(E2E.hostUrl);
  await open(page, session.token);
  const frame = page.frameLocator("iframe");
  await frame.getByLabel("Client ID").fill(cred.clientId);
  await frame.getByLabel("Client Secret").fill(cred.clientSecret);
  await frame.getByRole("button", { name: "Connect" }).click();
  await expect(frame.getByRole("heading", { name: "Connected", exact: true })).toBeVisible({
    timeout: 15_000,
  });
  await frame.getByRole("button", { name: "Done" }).click();
  await expect(page.locator("[data-latch]")).toHaveCount(0);
  expect((await events(page)).map((e) => e.type)).toEqual(
    expect.arrayContaining(["connected", "close"]),
  );
  expect(await page.evaluate(() => document.body.style.overflow)).toBe("");
});

test("the modal is as tall as its page: a spent link's short notice does not sit in a tall box", async ({
  page,
  credential,
  connectSession,
}) => {
  const cred = await credential({ sites: [site("Spent Jira", "spent-jira")] });
  const session = await connectSession({ allowedOrigins: [E2E.hostUrl] });
  await page.goto(session.url);
  await page.getByLabel("Client ID").fill(cred.clientId);
  await page.getByLabel("Client Secret").fill(cred.clientSecret);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();

  await page.setViewportSize({ width: 1024, height: 900 });
  await page.goto(E2E.hostUrl);
  await open(page, session.token);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("heading", { name: "Already connected" })).toBeVisible();
  const dialog = page.getByRole("dialog");
  // Fitted to the notice (a card of a few lines), where it was 720 px before.
  await expect.poll(async () => (await dialog.boundingBox())?.height ?? 0).toBeLessThan(360);
  const card = frame.getByRole("status");
  const [box, cardBox] = [await dialog.boundingBox(), await card.boundingBox()];
  expect(cardBox!.y + cardBox!.height).toBeLessThanOrEqual(box!.y + box!.height);
});

test("opening twice shows one modal; Escape after typing asks before closing", async ({
  page,
  connectSession,
}) => {
  const session = await connectSession({ allowedOrigins: [E2E.hostUrl] });
  await page.goto(E2E.hostUrl);
  await open(page, session.token);
  await open(page, session.token);
  await expect(page.locator("iframe")).toHaveCount(1);

  // Escape inside the frame is the form's to handle, once its scripts run (it says `ready`).
  await expect.poll(async () => (await events(page)).some((e) => e.type === "ready")).toBe(true);
  const frame = page.frameLocator("iframe");
  await frame.getByLabel("Client ID").fill("typed something");
  await frame.getByLabel("Client ID").press("Escape");
  await expect(frame.getByText("Close without connecting?")).toBeVisible();
  await frame.getByRole("button", { name: "Keep editing" }).click();
  await expect(page.locator("iframe")).toHaveCount(1);

  await page.getByRole("button", { name: "Close" }).click();
  await frame.getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.locator("iframe")).toHaveCount(0);
  expect((await events(page)).map((e) => e.type)).toContain("close");
});

test("an untouched form closes at once with the close button", async ({ page, connectSession }) => {
  const session = await connectSession({ allowedOrigins: [E2E.hostUrl] });
  await page.goto(E2E.hostUrl);
  await open(page, session.token);
  await expect(page.frameLocator("iframe").getByLabel("Client ID")).toBeVisible();
  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.locator("iframe")).toHaveCount(0);
});

test("Latch.mount shows the form inline and resizes it to fit", async ({
  page,
  connectSession,
}) => {
  const session = await connectSession({ allowedOrigins: [E2E.hostUrl] });
  await page.goto(E2E.hostUrl);
  await open(page, session.token, "mountLatch");
  await expect(page.frameLocator("#inline iframe").getByLabel("Client ID")).toBeVisible();
  await expect
    .poll(() => page.locator("#inline iframe").evaluate((node) => node.style.height))
    .not.toBe("480px");
  const height = parseInt(
    await page.locator("#inline iframe").evaluate((node) => node.style.height),
    10,
  );
  expect(height).toBeGreaterThan(400);
  expect((await events(page)).some((e) => e.type === "resize")).toBe(true);
});

test("a host origin that is not allowed cannot show the form, and latch.js says which origin to add", async ({
  page,
  connectSession,
}) => {
  const session = await connectSession({ allowedOrigins: [E2E.hostUrl] });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.goto(E2E.foreignHostUrl);
  const started = Date.now();
  await open(page, session.token);
  // The browser refuses to frame it (frame-ancestors) and tells the page nothing; latch.js
  // notices the silence within a few seconds.
  await expect
    .poll(async () => (await events(page)).find((e) => e.type === "error")?.error?.code, {
      timeout: 10_000,
    })
    .toBe("origin_not_allowed");
  expect(Date.now() - started).toBeLessThan(9_000);
  const error = (await events(page)).find((e) => e.type === "error");
  expect(error?.error?.message).toContain(
    `Add ${E2E.foreignHostUrl} to the workspace's allowed origins`,
  );
  expect(consoleErrors.join("\n")).toContain(E2E.foreignHostUrl);
  expect((await events(page)).map((e) => e.type)).not.toContain("ready");
  // The modal says so instead of showing a broken frame, and still closes.
  await expect(page.locator("iframe")).toHaveCount(0);
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText("cannot be shown here");
  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.locator("[data-latch]")).toHaveCount(0);
});

test("a Latch that cannot be reached is reported as frame_unreachable", async ({
  page,
  connectSession,
}) => {
  const session = await connectSession({ allowedOrigins: [E2E.hostUrl] });
  await page.goto(E2E.hostUrl);
  // Nothing listens on port 9 of loopback: the frame and the probe both fail to connect.
  await page.evaluate(
    (token) =>
      (window as unknown as { openLatch(t: string, extra: object): void }).openLatch(token, {
        baseUrl: "http://127.0.0.1:9",
        readyTimeoutMs: 2000,
      }),
    session.token,
  );
  await expect
    .poll(async () => (await events(page)).find((e) => e.type === "error")?.error?.code, {
      timeout: 10_000,
    })
    .toBe("frame_unreachable");
  await expect(page.getByRole("dialog").getByRole("alert")).toBeVisible();
});

/** The frame-ancestors directive of a response's Content-Security-Policy. */
const frameAncestors = (headers: Record<string, string>) =>
  /frame-ancestors [^;]*/.exec(headers["content-security-policy"] ?? "")?.[0];

test("the workspace's list applies when the session has none; other pages are never framed", async ({
  page,
  request,
  connectSession,
}) => {
  const session = await connectSession();
  const embed = await request.get(`${E2E.appUrl}/connect?session_token=${session.token}`);
  expect(frameAncestors(embed.headers())).toBe("frame-ancestors 'none'");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  const login = await request.get(`${E2E.appUrl}/login`);
  expect(frameAncestors(login.headers())).toBe("frame-ancestors 'none'");
  expect(login.headers()["x-frame-options"]).toBe("DENY");

  const allowed = await connectSession({ allowedOrigins: [E2E.hostUrl] });
  const framed = await request.get(`${E2E.appUrl}/connect?session_token=${allowed.token}`);
  expect(frameAncestors(framed.headers())).toBe(`frame-ancestors ${E2E.hostUrl}`);
  void page;
});

test("messages from a foreign origin are ignored", async ({ page, connectSession }) => {
  const session = await connectSession({ allowedOrigins: [E2E.hostUrl] });
  await page.goto(E2E.hostUrl);
  await open(page, session.token);
  await expect(page.frameLocator("iframe").getByLabel("Client ID")).toBeVisible();
  const before = (await events(page)).length;
  // The host page itself pretends to be Latch: wrong origin and wrong window, so latch.js ignores it.
  await page.evaluate(() =>
    window.postMessage({ source: "latch", type: "connected", connection: { id: "forged" } }, "*"),
  );
  await page.evaluate(() => window.postMessage({ source: "latch", type: "close" }, "*"));
  await page.waitForTimeout(300);
  expect((await events(page)).slice(before).map((e) => e.type)).not.toContain("connected");
  await expect(page.locator("iframe")).toHaveCount(1);
});
