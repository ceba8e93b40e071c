import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { startInstance } from "./instances";

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

test("every page has a nonce-based Content-Security-Policy, new per response, on all its scripts", async ({
  page,
  request,
}) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const policy = first.headers()["content-security-policy"]!;
  expect(policy).toContain("script-src 'self' 'nonce-");
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  const nonce = nonceOf(policy)!;
  expect(nonce.length).toBeGreaterThanOrEqual(22);
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);

  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  // And the page still works under it (the cspViolations fixture watches the console).
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@example.com");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
});

test("security headers on pages and API answers", async ({ request, connectSession }) => {
  const session = await connectSession();
  const connect = await request.get(session.url);
  const headers = connect.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // The connect URL carries a token: it is never sent as a Referer.
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["content-security-policy"]).toContain("frame-ancestors");
  expect(headers["x-frame-options"]).toBeUndefined();

  for (const path of ["/api/health", "/api/v1/connections"]) {
    const api = (await request.get(path)).headers();
    expect(api["x-content-type-options"]).toBe("nosniff");
    expect(api["permissions-policy"]).toContain("camera=()");
    expect(api["x-frame-options"]).toBe("DENY");
  }
  // Plain http here: no HSTS, which would break a non-https deployment.
  expect(headers["strict-transport-security"]).toBeUndefined();
});

test("behind https (PUBLIC_URL https://…), every answer carries Strict-Transport-Security", async () => {
  const instance = await startInstance({
    DATABASE_URL: `file:${process.cwd()}/${E2E.dir}/hsts/latch.db`,
    PUBLIC_URL: "https://connect.example.com",
  });
  try {
    for (const path of ["/login", "/api/health"]) {
      const response = await fetch(`${instance.url}${path}`, { redirect: "manual" });
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}/);
    }
  } finally {
    await instance.stop();
  }
});
