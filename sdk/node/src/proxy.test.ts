import { describe, expect, it } from "vitest";
import { Latch, LatchError } from "./index";

const apiKey = `latch_sk_${"k".repeat(40)}`;

function latchAnswering(answer: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    return answer(request);
  };
  return { latch: new Latch({ baseUrl: "https://l.example", apiKey, fetch }), requests };
}

describe("connections.proxy", () => {
  it("sends method, path, query, JSON body and headers to the proxy route; the key wins", async () => {
    const { latch, requests } = latchAnswering(() => Response.json({ ok: true }, { status: 201 }));
    const response = await latch.connections.proxy("conn_1", {
      product: "jira",
      method: "POST",
      path: "/rest/api/3/issue",
      query: { notifyUsers: false, expand: ["names", "schema"] },
      body: { fields: { summary: "Hi" } },
      headers: { "x-atlassian-token": "no-check", authorization: "Bearer someone-else" },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    const [request] = requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe(
      "https://l.example/api/v1/connections/conn_1/proxy/jira/rest/api/3/issue?notifyUsers=false&expand=names&expand=schema",
    );
    expect(request!.headers.get("authorization")).toBe(`Bearer ${apiKey}`);
    expect(request!.headers.get("x-atlassian-token")).toBe("no-check");
    expect(request!.headers.get("content-type")).toBe("application/json");
    expect(await request!.text()).toBe('{"fields":{"summary":"Hi"}}');
  });

  it("answers Atlassian's non-2xx as a Response, body still readable", async () => {
    for (const [status, body] of [
      [404, { errorMessages: ["Issue does not exist"], errors: {} }],
      [401, { code: 401, message: "Unauthorized" }],
      [429, { message: "Too many requests" }],
    ] as const) {
      const { latch } = latchAnswering(() =>
        Response.json(body, { status, headers: { "retry-after": "3", "x-arequestid": "a-1" } }),
      );
      const response = await latch.connections.proxy("conn_1", { product: "jira", path: "x" });
      expect(response.status).toBe(status);
      expect(response.headers.get("retry-after")).toBe("3");
      expect(response.headers.get("x-arequestid")).toBe("a-1");
      expect(await response.json()).toEqual(body);
    }
    const { latch } = latchAnswering(() => new Response("<html>oops</html>", { status: 500 }));
    const html = await latch.connections.proxy("conn_1", { product: "confluence", path: "wiki" });
    expect(await html.text()).toBe("<html>oops</html>");
  });

  it("throws Latch's own refusals as LatchError", async () => {
    const { latch } = latchAnswering(() =>
      Response.json(
        { error: { code: "rate_limited", message: "The site is rate-limited; retry in 9 s." } },
        { status: 429, headers: { "retry-after": "9" } },
      ),
    );
    const error = await latch.connections
      .proxy("conn_1", { product: "jira", path: "rest/api/3/myself" })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LatchError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfter: 9 });
  });

  it("streams a 2xx body without reading it first, and sends bodies as given", async () => {
    const { latch, requests } = latchAnswering(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new Uint8Array(3));
              controller.close();
            },
          }),
          { headers: { "content-type": "application/octet-stream" } },
        ),
    );
    const response = await latch.connections.proxy("conn_1", {
      product: "jira",
      method: "PUT",
      path: "rest/api/3/attachment",
      body: "raw text",
      headers: { "content-type": "text/plain" },
    });
    expect(response.bodyUsed).toBe(false);
    expect((await response.arrayBuffer()).byteLength).toBe(3);
    expect(requests[0]!.headers.get("content-type")).toBe("text/plain");
    expect(await requests[0]!.text()).toBe("raw text");
  });

  it("refuses a query string inside path", async () => {
    const { latch } = latchAnswering(() => new Response());
    await expect(
      latch.connections.proxy("conn_1", { product: "jira", path: "rest/api/3/search?jql=x" }),
    ).rejects.toThrow(TypeError);
  });

  it("refuses dot segments, which fetch would resolve onto Latch's own routes", async () => {
    const { latch, requests } = latchAnswering(() => new Response());
    for (const path of ["../../", "rest/../..", "./x", "rest/%2E%2e/x"]) {
      await expect(
        latch.connections.proxy("conn_1", { product: "jira", method: "DELETE", path }),
      ).rejects.toThrow(TypeError);
    }
    expect(requests).toHaveLength(0);
  });
});
