// Compiled (never run) in the scratch project against the installed package's declarations:
// the types a tenant's editor sees are the generated ones, not `any`.
import { Latch, LatchError, verifyWebhook, type Connection, type AccessToken } from "@latch/node";

export async function typed(latch: Latch, id: string): Promise<void> {
  const session = await latch.connectSessions.create({ end_user: { id: "u-1" } });
  const url: string = session.connect_url;
  const page = await latch.connections.list({ status: "healthy", limit: 10 });
  const first: Connection | undefined = page.data[0];
  const cursor: string | null = page.next_cursor;
  for await (const connection of latch.connections.listAll({ end_user_id: "u-1" })) {
    const status: "healthy" | "failing" | "revoked" = connection.status;
    void status;
  }
  const token: AccessToken = await latch.connections.accessToken(id);
  const tested: Connection = await latch.connections.test(id);
  const revoked: Connection = await latch.connections.revoke(id);
  const got: Connection = await latch.connections.get(id);
  const response: Response = await latch.connections.proxy(id, {
    product: "jira",
    method: "GET",
    path: "rest/api/3/myself",
    query: { expand: "groups" },
  });
  const ok: boolean = verifyWebhook("{}", "t=1,v1=00", "whsec_x");
  try {
    await latch.connections.get(id);
  } catch (error) {
    if (error instanceof LatchError) {
      const fields: [number, string, string, number | null] = [
        error.status,
        error.code,
        error.message,
        error.retryAfter,
      ];
      void fields;
    }
  }
  // @ts-expect-error: end_user.id is required by the API's schema
  await latch.connectSessions.create({ end_user: {} });
  // @ts-expect-error: status is one of healthy, failing, revoked
  await latch.connections.list({ status: "broken" });
  // @ts-expect-error: the proxy serves jira and confluence only
  await latch.connections.proxy(id, { product: "bitbucket", path: "x" });
  void [url, first, cursor, token, tested, revoked, got, response, ok];
}
