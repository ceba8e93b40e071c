import { randomUUID } from "node:crypto";
import { signPayload } from "../lib/webhooks/signature";
import { submitConnectForm } from "./connect-over-http";
import { E2E } from "./env";
import { expect, site, test } from "./fixtures";
import { packAndInstallSdk, type SdkAnswer, type SdkProject } from "./sdk-project";

/**
 * The SDK as a tenant gets it: `npm pack`, installed offline from the tarball into a scratch
 * project, every call made from there against this suite's Latch (production build, fake
 * Atlassian).
 */
test.describe.configure({ mode: "serial" });

let sdk: SdkProject;
const env = { LATCH_URL: E2E.appUrl, LATCH_API_KEY: E2E.apiKey };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  sdk = await packAndInstallSdk();
  console.log(`sdk: packed and installed offline in ${sdk.timings.packAndInstallMs} ms`);
});
test.afterAll(() => sdk?.remove());

type Connection = {
  id: string;
  status: string;
  end_user: { id: string };
  site: { name: string };
  products: string[];
};

function value<T>(answer: SdkAnswer<T>): T {
  if (!answer.ok) throw new Error(`SDK call failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

function failure(answer: SdkAnswer) {
  if (answer.ok) throw new Error(`expected a LatchError, got ${JSON.stringify(answer.value)}`);
  return answer.error;
}

test("the tarball holds the built ESM and declarations, and its types compile", async () => {
  expect(sdk.files).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.d.ts"]));
  expect(sdk.files.filter((file) => !/^(dist\/|package\.json$|README\.md$)/.test(file))).toEqual(
    [],
  );
  await sdk.typecheck();
});

test("every call of the packed SDK against a running Latch", async ({ credential }) => {
  const endUserId = `sdk-${randomUUID()}`;
  const ids: string[] = [];
  for (const name of ["SDK One", "SDK Two"]) {
    const session = value(
      await sdk.call<{ token: string; connect_url: string; expires_at: string }>(
        "createSession",
        [{ end_user: { id: endUserId, email: "sdk@example.com" } }],
        env,
      ),
    );
    expect(session.connect_url).toContain(`${E2E.appUrl}/connect?session_token=`);
    const cred = await credential({ sites: [site(name, `sdk${randomUUID().slice(0, 8)}`)] });
    expect(
      (await submitConnectForm(session.connect_url, { subdomain: "", ...cred })).connected,
    ).toBe(true);
  }

  const page = value(
    await sdk.call<{ data: Connection[]; next_cursor: string | null }>(
      "list",
      [{ end_user_id: endUserId, limit: 1 }],
      env,
    ),
  );
  expect(page.data).toHaveLength(1);
  expect(page.next_cursor).toEqual(expect.any(String));
  const all = value(
    await sdk.call<string[]>("listAll", [{ end_user_id: endUserId, limit: 1 }], env),
  );
  expect(all).toHaveLength(2);
  expect(all[0]).toBe(page.data[0]!.id);
  ids.push(...all);
  const id = all[1]!;

  expect(value(await sdk.call<Connection>("get", [id], env))).toMatchObject({
    id,
    end_user: { id: endUserId },
    site: { name: "SDK One" },
    products: ["jira"],
  });
  expect(value(await sdk.call<Connection>("test", [id], env))).toMatchObject({
    id,
    status: "healthy",
  });
  const token = value(
    await sdk.call<{
      access_token: string;
      token_type: string;
      api_base_url: string;
      api_base_urls: Record<string, string>;
    }>("accessToken", [id], env),
  );
  expect(token.token_type).toBe("Bearer");
  expect(token.api_base_url).toMatch(new RegExp(`^${E2E.fakeUrl}/ex/jira/`));
  expect(token.api_base_urls).toEqual({ jira: token.api_base_url });

  expect(value(await sdk.call<Connection>("revoke", [id], env)).status).toBe("revoked");
  expect(failure(await sdk.call("accessToken", [id], env))).toMatchObject({
    name: "LatchError",
    status: 409,
    code: "connection_revoked",
    requestId: expect.any(String),
  });
  expect(failure(await sdk.call("get", ["conn_missing"], env))).toMatchObject({
    status: 404,
    code: "connection_not_found",
  });
  expect(failure(await sdk.call("createSession", [{ end_user: {} }], env))).toMatchObject({
    status: 400,
    code: "invalid_request",
  });
  const wrongKey = { ...env, LATCH_API_KEY: `latch_sk_${"x".repeat(40)}` };
  const unauthorized = failure(await sdk.call("list", [{}], wrongKey));
  expect(unauthorized).toMatchObject({ status: 401, code: "unauthorized", retryAfter: null });
  expect(unauthorized.message).not.toContain(wrongKey.LATCH_API_KEY);
  const nowhere = { ...env, LATCH_URL: "http://127.0.0.1:9" };
  expect(failure(await sdk.call("list", [{}], nowhere))).toMatchObject({
    status: 0,
    code: "network_error",
  });
});

test("verifyWebhook from the package accepts what Latch signs, and nothing else", async () => {
  const secret = `whsec_${randomUUID()}`;
  const body = JSON.stringify({ id: "whd_1", type: "connection.created", data: {} });
  const header = signPayload(secret, body, Date.now() / 1000);
  expect(value(await sdk.call<boolean>("verifyWebhook", [body, header, secret], env))).toBe(true);
  expect(value(await sdk.call("verifyWebhook", [`${body} `, header, secret], env))).toBe(false);
  expect(value(await sdk.call("verifyWebhook", [body, header, "whsec_other"], env))).toBe(false);
  const stale = signPayload(secret, body, Date.now() / 1000 - 301);
  expect(value(await sdk.call("verifyWebhook", [body, stale, secret], env))).toBe(false);
});

type Proxied = {
  status: number;
  headers: Record<string, string>;
  body: { method: string; url: string; headers: Record<string, string>; body: string };
};

test("proxy from the package: Atlassian's answers come back, Latch's refusals throw", async ({
  credential,
  request,
}) => {
  const endUserId = `sdk-proxy-${randomUUID()}`;
  const session = value(
    await sdk.call<{ connect_url: string }>(
      "createSession",
      [{ end_user: { id: endUserId } }],
      env,
    ),
  );
  const cred = await credential({ sites: [site("SDK Proxy", `sdkp${randomUUID().slice(0, 8)}`)] });
  expect((await submitConnectForm(session.connect_url, { subdomain: "", ...cred })).connected).toBe(
    true,
  );
  const { data } = value(
    await sdk.call<{ data: Connection[] }>("list", [{ end_user_id: endUserId }], env),
  );
  const id = data[0]!.id;

  // The fake gateway echoes what it received: method, path and query, headers, body.
  const created = value(
    await sdk.call<Proxied>(
      "proxy",
      [
        id,
        {
          product: "jira",
          method: "POST",
          path: "/rest/api/3/issue",
          query: { updateHistory: true, expand: ["names", "schema"] },
          body: { fields: { summary: "From the SDK" } },
          headers: { "x-atlassian-token": "no-check" },
        },
      ],
      env,
    ),
  );
  expect(created.status).toBe(201);
  expect(created.headers["x-arequestid"]).toEqual(expect.any(String));
  expect(created.body.method).toBe("POST");
  expect(created.body.url).toMatch(
    /^\/ex\/jira\/[^/]+\/rest\/api\/3\/issue\?updateHistory=true&expand=names&expand=schema$/,
  );
  expect(JSON.parse(created.body.body)).toEqual({ fields: { summary: "From the SDK" } });
  expect(created.body.headers["x-atlassian-token"]).toBe("no-check");
  expect(created.body.headers.authorization).toMatch(/^Bearer fake-at-/);

  const streamed = value(
    await sdk.call<{ status: number; bytes: number }>(
      "proxy",
      [id, { product: "jira", path: "__fake/stream", query: { bytes: 5_000_000 } }, "stream"],
      env,
    ),
  );
  expect(streamed).toMatchObject({ status: 200, bytes: 5_000_000 });

  // Atlassian's own error is an answer: a 503 on a POST (not retried) comes back as a Response.
  const fault = { endpoint: "gateway", mode: "status_503", times: 1 };
  await request.post(`${E2E.fakeUrl}/__fake/faults`, { data: { client_id: cred.clientId, fault } });
  const unavailable = value(
    await sdk.call<Proxied>(
      "proxy",
      [id, { product: "jira", method: "POST", path: "rest/api/3/issue", body: {} }],
      env,
    ),
  );
  expect(unavailable).toMatchObject({ status: 503, body: { message: "Service Unavailable" } });

  // Latch's own refusals throw.
  expect(
    failure(
      await sdk.call("proxy", [id, { product: "jira", path: "rest%2f..%2f..%2foauth/token" }], env),
    ),
  ).toMatchObject({ name: "LatchError", status: 400, code: "invalid_proxy_path" });
  expect(
    failure(
      await sdk.call("proxy", [id, { product: "confluence", path: "wiki/api/v2/spaces" }], env),
    ),
  ).toMatchObject({ status: 400, code: "product_not_served" });
  expect(
    failure(
      await sdk.call(
        "proxy",
        ["conn_missing", { product: "jira", path: "rest/api/3/myself" }],
        env,
      ),
    ),
  ).toMatchObject({ status: 404, code: "connection_not_found" });
  value(await sdk.call("revoke", [id], env));
  expect(
    failure(await sdk.call("proxy", [id, { product: "jira", path: "rest/api/3/myself" }], env)),
  ).toMatchObject({ status: 409, code: "connection_revoked" });
});
