import { describe, expect, it } from "vitest";
import { AddressSet } from "../net/cidr";
import { resolveClientAddress } from "./client-address";

const none = new AddressSet([]);
const proxies = new AddressSet(["127.0.0.1/8", "10.0.0.0/8"]);

describe("resolveClientAddress", () => {
  it("believes no header from a client that is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.9", "6.6.6.6", "https", none)).toEqual({
      ip: "203.0.113.9",
      proto: null,
    });
    expect(resolveClientAddress("203.0.113.9", "6.6.6.6", "https", proxies)).toEqual({
      ip: "203.0.113.9",
      proto: null,
    });
    // With TRUSTED_PROXIES unset, even loopback is just a client.
    expect(resolveClientAddress("::ffff:127.0.0.1", "6.6.6.6", undefined, none)).toEqual({
      ip: "127.0.0.1",
      proto: null,
    });
  });

  it("takes the right-most address that is not a trusted proxy", () => {
    // The client prepended a lie; the proxy appended what it saw.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.4", "https", proxies)).toEqual({
      ip: "198.51.100.4",
      proto: "https",
    });
    // Through two trusted hops.
    expect(
      resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.4, 10.0.0.1", "http,https", proxies),
    ).toEqual({
      ip: "198.51.100.4",
      proto: "https",
    });
    // Repeated headers count as one list.
    expect(
      resolveClientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.4"], undefined, proxies).ip,
    ).toBe("198.51.100.4");
  });

  it("stops at a malformed entry rather than believe what lies beyond it", () => {
    expect(
      resolveClientAddress("10.0.0.2", "6.6.6.6, <script>, 10.0.0.1", undefined, proxies).ip,
    ).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.2", "", "gopher", proxies)).toEqual({
      ip: "10.0.0.2",
      proto: null,
    });
  });

  it("has no address without a socket peer", () => {
    expect(resolveClientAddress(undefined, "6.6.6.6", undefined, proxies)).toEqual({
      ip: null,
      proto: null,
    });
  });
});
