import { submitConnectForm } from "./connect-over-http";
import { E2E } from "./env";
import { expect, signIn, site, test } from "./fixtures";
import { seedTenant, storedConnection } from "./seed";

/** Two tenants; everything A tries on B's connection must be refused exactly like a missing id. */
test("a member or key of workspace A can neither see, test nor revoke B's connections", async ({
  page,
  request,
  credential,
  connectSession,
}) => {
  const a = await seedTenant("Tenant A");
  const b = await seedTenant("Tenant B");

  // One connection in each workspace, made through the real connect flow.
  const connectionIds: Record<string, string> = {};
  for (const tenant of [a, b]) {
    const cred = await credential({ sites: [site(`Site of ${tenant.workspaceId}`, "acme")] });
    const session = await connectSession({
      apiKey: tenant.apiKey,
      endUserId: `user-of-${tenant.workspaceId}`,
    });
    expect((await submitConnectForm(session.url, { subdomain: "", ...cred })).connected).toBe(true);
    const list = await request.get(`${E2E.appUrl}/api/v1/connections`, {
      headers: { authorization: `Bearer ${tenant.apiKey}` },
    });
    connectionIds[tenant.workspaceId] = (await list.json()).data[0].id;
  }
  const bConnection = connectionIds[b.workspaceId]!;
  const before = await storedConnection(bConnection);

  // API: A's key gets 404 for B's id, exactly like an id that does not exist, and never lists it.
  const asA = { authorization: `Bearer ${a.apiKey}` };
  const foreign = await request.get(`${E2E.appUrl}/api/v1/connections/${bConnection}`, {
    headers: asA,
  });
  const missing = await request.get(`${E2E.appUrl}/api/v1/connections/conn_doesnotexist`, {
    headers: asA,
  });
  expect(foreign.status()).toBe(404);
  expect(await foreign.json()).toEqual(await missing.json());
  const listA = await (
    await request.get(`${E2E.appUrl}/api/v1/connections`, { headers: asA })
  ).json();
  expect(listA.data.map((c: { id: string }) => c.id)).toEqual([connectionIds[a.workspaceId]]);

  // Pages: A's member sees only A's connection, even when searching for B's.
  await signIn(page, a.email, a.password);
  await expect(page.getByRole("row").filter({ hasText: `user-of-${a.workspaceId}` })).toBeVisible();
  await page.goto(`/connections?q=${encodeURIComponent(`user-of-${b.workspaceId}`)}`);
  await expect(page.getByText("No connections match these filters.")).toBeVisible();

  // Actions: A's forms aimed at B's id (the hidden id swapped) are refused and change nothing.
  await page.goto("/connections");
  const row = page.getByRole("row").filter({ hasText: `user-of-${a.workspaceId}` });
  const swapIds = () =>
    row
      .locator('input[name="id"]')
      .evaluateAll(
        (inputs, id) => inputs.forEach((input) => ((input as HTMLInputElement).value = id)),
        bConnection,
      );
  await swapIds();
  await row.getByRole("button", { name: /^Test/ }).click();
  await expect(row.getByRole("status")).toContainText("no longer exists in this workspace");
  await row.getByText("Revoke", { exact: true }).click();
  // The answer to Test re-rendered the row and put A's own ids back: swap them again.
  await swapIds();
  await row.getByRole("button", { name: "Confirm revoke" }).click();
  await expect(row.getByRole("status")).toContainText("no longer exists in this workspace");
  expect(await storedConnection(bConnection)).toEqual(before);
  expect(before?.status).toBe("healthy");

  // B still sees its connection, untouched.
  const listB = await (
    await request.get(`${E2E.appUrl}/api/v1/connections`, {
      headers: { authorization: `Bearer ${b.apiKey}` },
    })
  ).json();
  expect(listB.data[0]).toMatchObject({ id: bConnection, status: "healthy" });
});
