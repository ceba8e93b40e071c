import { beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../ids";
import { createTestWorkspace, openTestDatabase } from "../../testing/test-db";

const KEY = "latch_sk_ratelimit_0123456789abcdefghijklmnopq";
let listConnections: typeof import("../../app/api/v1/connections/route").GET;

beforeAll(async () => {
  process.env.API_RATE_LIMIT = "3";
  const { getDb } = await openTestDatabase();
  const { workspace } = await createTestWorkspace();
  await getDb().apiKey.create({
    data: {
      id: "key_rl",
      workspaceId: workspace.id,
      name: "k",
      prefix: KEY.slice(0, 13),
      hash: sha256(KEY),
    },
  });
  ({ GET: listConnections } = await import("../../app/api/v1/connections/route"));
});

describe("API calls per key", () => {
  it("answers 429 with Retry-After and a sentence saying when to retry, past API_RATE_LIMIT a minute", async () => {
    const call = () =>
      listConnections(
        new Request("http://latch.test/api/v1/connections", {
          headers: { authorization: `Bearer ${KEY}` },
        }),
        // Next hands routes without dynamic segments no params object at all.
        { params: Promise.resolve(undefined as never) },
      );
    // Windows follow the clock minute: do not start on the brink of the next one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 58_000)
      await new Promise((resolve) => setTimeout(resolve, 60_100 - intoMinute));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call()).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await call();
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({
      error: {
        code: "rate_limited",
        message: `This API key made more than 3 requests this minute. Retry in ${retryAfter} seconds.`,
      },
    });
  });
});
