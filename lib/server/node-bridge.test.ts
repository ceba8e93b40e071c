import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendWebResponse, toWebRequest } from "./node-bridge";

describe("node bridge", () => {
  let server: http.Server;
  let url: string;
  let seen: Request | undefined;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen = toWebRequest(req);
      void sendWebResponse(
        res,
        Response.json({ ok: true }, { status: 201, headers: { "cache-control": "no-store" } }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it("hands the handler the path, query and headers the client sent", async () => {
    await fetch(`${url}/api/x?cursor=abc`, { headers: { authorization: "Bearer k" } });
    expect(new URL(seen!.url).pathname).toBe("/api/x");
    expect(new URL(seen!.url).searchParams.get("cursor")).toBe("abc");
    expect(seen!.headers.get("authorization")).toBe("Bearer k");
  });

  it("sends the handler's status, headers and body, plus the security headers", async () => {
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
  });
});
