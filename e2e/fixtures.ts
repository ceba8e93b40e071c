import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { e2eSql } from "./db";
import { E2E } from "./env";
import type { FakeSite } from "../testing/fake-atlassian/state";
import { HYGIENE_DIR, rememberSecret } from "./secrets";

type Credential = { clientId: string; clientSecret: string };

type Fixtures = {
  /** Fails any test whose pages break the Content-Security-Policy (runs for every test). */
  cspViolations: void;
  /** Starts every test with the per-address connect count at zero (runs for every test). */
  addressLimit: void;
  /** Creates a credential in the fake Atlassian with unique id and secret. */
  credential: (options?: { sites?: FakeSite[]; scope?: string }) => Promise<Credential>;
  /** Mints a connect session through the tenant API, as a tenant backend would. */
  connectSession: (options?: {
    apiKey?: string;
    allowedOrigins?: string[];
    subdomain?: string;
    endUserId?: string;
  }) => Promise<{ url: string; token: string; endUserId: string }>;
  /** Token-endpoint calls the fake received for one client id. */
  upstreamCalls: (clientId: string) => Promise<number>;
  /** The tenant API, authenticated with the workspace's API key. */
  api: APIRequestContext;
};

export const site = (name: string, subdomain: string, scopes = ["read:jira-work"]): FakeSite => ({
  id: randomUUID(),
  name,
  url: `https://${subdomain}.atlassian.net`,
  scopes,
});

export const test = base.extend<Fixtures>({
  // Every browser context records what it received (HAR, bodies and RSC payloads included) and
  // what it kept (cookies, local and session storage), for the secrets-hygiene sweep.
  context: async ({ browser, contextOptions }, use, testInfo) => {
    const name = testInfo.testId;
    const context = await browser.newContext({
      ...contextOptions,
      recordHar: { path: path.join(HYGIENE_DIR, "har", `${name}.har`), content: "embed" },
    });
    await use(context);
    const sessionStorage = await Promise.all(
      context
        .pages()
        .map((page) => page.evaluate(() => JSON.stringify(window.sessionStorage)).catch(() => "")),
    );
    const kept = { ...(await context.storageState()), sessionStorage };
    fs.mkdirSync(path.join(HYGIENE_DIR, "storage"), { recursive: true });
    fs.writeFileSync(path.join(HYGIENE_DIR, "storage", `${name}.json`), JSON.stringify(kept));
    await context.close();
  },
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        const text = message.text();
        // A refused frame is the policy doing its job (the embed tests check those).
        if (
          message.type() === "error" &&
          /Content.Security.Policy/i.test(text) &&
          !text.includes("frame-ancestors")
        ) {
          violations.push(text);
        }
      });
      await use();
      expect(violations, "the page broke its Content-Security-Policy").toEqual([]);
    },
    { auto: true },
  ],
  addressLimit: [
    async ({}, use) => {
      // Every browser test connects from 127.0.0.1, so the suite as a whole passes the limit
      // that holds one client address to 60 connect attempts in 15 minutes. The limit itself is
      // tested within one test (e2e/resilience.spec.ts, lib/connections/connect-guards.test.ts).
      await e2eSql(`DELETE FROM "RateLimit" WHERE "key" LIKE 'connect:ip:%'`);
      await use();
    },
    { auto: true },
  ],
  api: async ({ playwright }, use) => {
    const api = await playwright.request.newContext({
      baseURL: E2E.appUrl,
      extraHTTPHeaders: { authorization: `Bearer ${E2E.apiKey}` },
    });
    await use(api);
    await api.dispose();
  },
  credential: async ({ request }, use) => {
    await use(async (options = {}) => {
      const credential = {
        clientId: `cid-${randomUUID()}`,
        clientSecret: `secret-${randomUUID()}`,
      };
      rememberSecret(credential.clientSecret);
      const response = await request.post(`${E2E.fakeUrl}/__fake/credentials`, {
        data: {
          client_id: credential.clientId,
          client_secret: credential.clientSecret,
          sites: options.sites ?? [site("Acme", "acme")],
          scope: options.scope ?? "read:jira-work write:jira-work",
        },
      });
      expect(response.ok()).toBe(true);
      return credential;
    });
  },
  connectSession: async ({ api, request }, use) => {
    await use(async (options = {}) => {
      const endUserId = options.endUserId ?? `user-${randomUUID()}`;
      const client = options.apiKey ? request : api;
      const response = await client.post(`${E2E.appUrl}/api/v1/connect-sessions`, {
        headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : undefined,
        data: {
          end_user: { id: endUserId, email: "jo@example.com" },
          subdomain: options.subdomain,
          allowed_origins: options.allowedOrigins,
        },
      });
      expect(response.status()).toBe(201);
      const body = (await response.json()) as { token: string; connect_url: string };
      return { url: body.connect_url, token: body.token, endUserId };
    });
  },
  upstreamCalls: async ({ request }, use) => {
    await use(async (clientId) => {
      const stats = (await (await request.get(`${E2E.fakeUrl}/__fake/stats`)).json()) as {
        token_requests: { clientId: string }[];
      };
      return stats.token_requests.filter((entry) => entry.clientId === clientId).length;
    });
  },
});

/** Moves a connect session's expiry into the past, as if 30 minutes had gone by. */
export async function expireSession(token: string) {
  const hash = createHash("sha256").update(token).digest("hex");
  await e2eSql(`UPDATE "ConnectSession" SET "expiresAt" = $1 WHERE "tokenHash" = $2`, [
    "2000-01-01T00:00:00.000+00:00",
    hash,
  ]);
}

/** Signs in through the login form (of another instance, given its URL) and waits for the connections page. */
export async function signIn(page: Page, email: string, password: string, baseUrl = "") {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/connections$/);
}

export { expect };
