import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIp } from "../http/request-ip";
import { AddressSet } from "../net/cidr";
import { markClientAddressesResolved } from "../http/client-address";
import { applyClientAddress } from "./client-address";

markClientAddressesResolved();
import { toWebRequest } from "./node-bridge";

function request(peer: string, raw: string[]): IncomingMessage {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) headers[raw[i]!.toLowerCase()] = raw[i + 1]!;
  return {
    socket: { remoteAddress: peer },
    headers,
    rawHeaders: [...raw],
    url: "/",
    method: "GET",
  } as unknown as IncomingMessage;
}

describe("applyClientAddress", () => {
  it("replaces every forwarding header a direct client sends with its socket's address", () => {
    const req = request("203.0.113.9", [
      "Host",
      "latch.test",
      "X-Forwarded-For",
      "6.6.6.6",
      "X-Forwarded-Proto",
      "https",
      "X-Latch-Client-IP",
      "6.6.6.6",
    ]);
    applyClientAddress(req, new AddressSet([]));
    expect(req.headers["x-forwarded-for"]).toBe("203.0.113.9");
    expect(req.headers["x-forwarded-proto"]).toBeUndefined();
    const web = toWebRequest(req);
    expect(clientIp(web.headers)).toBe("203.0.113.9");
    expect(web.headers.get("x-forwarded-for")).toBe("203.0.113.9");
    expect(web.headers.get("x-forwarded-proto")).toBeNull();
    expect(web.headers.get("host")).toBe("latch.test");
  });

  it("keeps what a trusted proxy says", () => {
    const req = request("127.0.0.1", [
      "X-Forwarded-For",
      "6.6.6.6, 198.51.100.4",
      "X-Forwarded-Proto",
      "https",
    ]);
    applyClientAddress(req, new AddressSet(["127.0.0.1/8"]));
    expect(clientIp(toWebRequest(req).headers)).toBe("198.51.100.4");
    expect(req.headers["x-forwarded-proto"]).toBe("https");
  });
});

describe("clientIp", () => {
  it("reads no address where server.ts did not resolve one", async () => {
    const { clientIp: read } = await import("../http/request-ip");
    const symbol = Symbol.for("latch.clientAddressesResolved");
    const global = globalThis as Record<symbol, unknown>;
    global[symbol] = false;
    try {
      expect(read(new Headers({ "x-latch-client-ip": "6.6.6.6" }))).toBeNull();
    } finally {
      global[symbol] = true;
    }
    expect(read(new Headers({ "x-latch-client-ip": "6.6.6.6" }))).toBe("6.6.6.6");
  });
});
