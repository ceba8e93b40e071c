import { describe, expect, it } from "vitest";
import { AddressSet, normalizeIp, parseCidr, rateLimitSubject } from "./cidr";

describe("parseCidr", () => {
  it("reads networks and bare addresses of both families", () => {
    expect(parseCidr("10.0.0.0/8")).toEqual({ address: "10.0.0.0", prefix: 8, family: "ipv4" });
    expect(parseCidr("127.0.0.1")).toEqual({ address: "127.0.0.1", prefix: 32, family: "ipv4" });
    expect(parseCidr("fc00::/7")).toEqual({ address: "fc00::", prefix: 7, family: "ipv6" });
    expect(parseCidr("::1")).toMatchObject({ prefix: 128 });
  });

  it("refuses what is not a network", () => {
    for (const bad of [
      "",
      "abc",
      "10.0.0.0/33",
      "::/129",
      "10.0.0.0/8/8",
      "10.0.0.0/x",
      "300.1.1.1",
    ])
      expect(parseCidr(bad), bad).toBeNull();
  });
});

describe("AddressSet", () => {
  const set = new AddressSet(["127.0.0.1/8", "10.0.0.0/8", "::1"]);

  it("matches IPv4 in either spelling a socket uses", () => {
    expect(set.has("127.5.5.5")).toBe(true);
    expect(set.has("::ffff:127.0.0.1")).toBe(true);
    expect(set.has("::FFFF:10.1.2.3")).toBe(true);
    expect(set.has("[::1]")).toBe(true);
  });

  it("does not match other addresses or non-addresses", () => {
    expect(set.has("8.8.8.8")).toBe(false);
    expect(set.has("::ffff:8.8.8.8")).toBe(false);
    expect(set.has("::2")).toBe(false);
    expect(set.has("localhost")).toBe(false);
    expect(set.has("")).toBe(false);
  });

  it("drops an IPv6 zone", () => {
    expect(normalizeIp("fe80::1%eth0")).toEqual({ address: "fe80::1", family: "ipv6" });
  });
});

describe("normalizeIp and rateLimitSubject", () => {
  it("reads the spellings proxies and sockets use", () => {
    expect(normalizeIp("198.51.100.4:5678")).toEqual({ address: "198.51.100.4", family: "ipv4" });
    expect(normalizeIp("[2001:db8::1]:443")).toEqual({ address: "2001:db8::1", family: "ipv6" });
    expect(normalizeIp("2001:DB8:0:0:0:0:0:1")).toEqual({ address: "2001:db8::1", family: "ipv6" });
    expect(normalizeIp("::ffff:7f00:1")).toEqual({ address: "127.0.0.1", family: "ipv4" });
    expect(normalizeIp("1.2.3.4:99999x")).toBeNull();
  });

  it("counts an IPv6 host by its /64, whatever address it takes in it", () => {
    expect(rateLimitSubject("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSubject("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSubject("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(rateLimitSubject("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitSubject("203.0.113.9")).toBe("203.0.113.9");
  });
});
