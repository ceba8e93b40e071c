import { submitConnectForm } from "./connect-over-http";
import { E2E } from "./env";
import { expect, site, test } from "./fixtures";

test("a tenant backend gets a token, tests and revokes a connection over the API", async ({
  api,
  credential,
  connectSession,
}) => {
  const cred = await credential({ sites: [site("API Site", "apisite")] });
  const session = await connectSession({ endUserId: "api-user" });
  expect((await submitConnectForm(session.url, { subdomain: "", ...cred })).connected).toBe(true);
  const { data } = await (await api.get("/api/v1/connections?end_user_id=api-user")).json();
  const id = data[0].id as string;

  const token = await api.get(`/api/v1/connections/${id}/access-token`);
  expect(token.status()).toBe(200);
  expect(token.headers()["cache-control"]).toBe("no-store");
  const body = await token.json();
  expect(body).toMatchObject({ token_type: "Bearer", cloud_id: data[0].site.cloud_id });
  expect(body.access_token).toMatch(/^fake-at-/);
  expect(body.api_base_url).toBe(`${E2E.fakeUrl}/ex/jira/${data[0].site.cloud_id}`);
  expect(Date.parse(body.expires_at)).toBeGreaterThan(Date.now() + 5 * 60 * 1000);

  const tested = await api.post(`/api/v1/connections/${id}/test`);
  expect(tested.status()).toBe(200);
  expect(await tested.json()).toMatchObject({ id, status: "healthy", last_error: null });

  const revoked = await api.delete(`/api/v1/connections/${id}`);
  expect(await revoked.json()).toMatchObject({ id, status: "revoked" });
  const after = await api.get(`/api/v1/connections/${id}/access-token`);
  expect(after.status()).toBe(409);
  expect((await after.json()).error.code).toBe("connection_revoked");
  expect((await api.post(`/api/v1/connections/${id}/test`)).status()).toBe(409);

  for (const [method, path] of [
    ["get", "/api/v1/connections/conn_missing/access-token"],
    ["post", "/api/v1/connections/conn_missing/test"],
    ["delete", "/api/v1/connections/conn_missing"],
  ] as const) {
    const response = await api[method](path);
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe("connection_not_found");
  }
});
