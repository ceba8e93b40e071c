import { isIP } from "node:net";
import { describe, expect, it } from "vitest";
import { HOST_SPELLINGS } from "../../testing/host-spellings";
import {
  formatIp,
  isLoopbackHost,
  parseIp,
  specialAddress,
  specialHost,
  type SpecialKind,
} from "./special-addresses";

/** Each special range: its first and last address (and the metadata address), and its kind. */
const RANGES: [range: string, kind: SpecialKind, addresses: string[]][] = [
  ["0.0.0.0/8", "unspecified", ["0.0.0.0", "0.1.2.3", "0.255.255.255"]],
  ["10.0.0.0/8", "private", ["10.0.0.0", "10.0.0.1", "10.255.255.255"]],
  ["100.64.0.0/10", "shared", ["100.64.0.0", "100.100.100.200", "100.127.255.255"]],
  ["127.0.0.0/8", "loopback", ["127.0.0.1", "127.0.0.0", "127.1.2.3", "127.255.255.255"]],
  ["169.254.169.254/32", "link-local", ["169.254.169.254"]],
  ["169.254.0.0/16", "link-local", ["169.254.0.0", "169.254.1.1", "169.254.255.255"]],
  ["172.16.0.0/12", "private", ["172.16.0.0", "172.20.1.1", "172.31.255.255"]],
  ["192.0.0.0/24", "reserved", ["192.0.0.0", "192.0.0.9", "192.0.0.255"]],
  ["192.0.2.0/24", "documentation", ["192.0.2.0", "192.0.2.255"]],
  ["192.88.99.0/24", "reserved", ["192.88.99.0", "192.88.99.1", "192.88.99.255"]],
  ["192.168.0.0/16", "private", ["192.168.0.0", "192.168.1.1", "192.168.255.255"]],
  ["198.18.0.0/15", "benchmarking", ["198.18.0.0", "198.19.255.255"]],
  ["198.51.100.0/24", "documentation", ["198.51.100.0", "198.51.100.255"]],
  ["203.0.113.0/24", "documentation", ["203.0.113.0", "203.0.113.255"]],
  ["224.0.0.0/4", "multicast", ["224.0.0.0", "224.0.0.251", "239.255.255.255"]],
  ["240.0.0.0/4", "reserved", ["240.0.0.0", "250.1.2.3", "255.255.255.254"]],
  ["255.255.255.255/32", "broadcast", ["255.255.255.255"]],
  ["::/128", "unspecified", ["::", "0:0:0:0:0:0:0:0"]],
  ["::1/128", "loopback", ["::1", "0:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:0000:0000:0001"]],
  ["::/96", "reserved", ["::2", "::7f00:1", "::127.0.0.1", "::8.8.8.8", "::ffff"]],
  ["64:ff9b:1::/48", "reserved", ["64:ff9b:1::", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff"]],
  ["100::/64", "reserved", ["100::", "100::1", "100::ffff:ffff:ffff:ffff"]],
  ["2001::/23", "reserved", ["2001::", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:1ff::1"]],
  ["2001:db8::/32", "documentation", ["2001:db8::", "2001:db8::1", "2001:db8:ffff::1"]],
  ["3fff::/20", "documentation", ["3fff::", "3fff:fff::1"]],
  ["5f00::/16", "reserved", ["5f00::", "5f00:ffff::1"]],
  ["fc00::/7", "unique-local", ["fc00::", "fd00::1", "fd00:ec2::254", "fdff:ffff::1"]],
  ["fe80::/10", "link-local", ["fe80::", "fe80::1", "fe80::1%eth0", "febf:ffff::1"]],
  ["fec0::/10", "site-local", ["fec0::", "fec0::1", "feff:ffff::1"]],
  ["ff00::/8", "multicast", ["ff00::", "ff02::1", "ff05::1:3", "ffff:ffff::1"]],
  ["::/0", "reserved", ["1::", "4000::1", "e000::1", "fb00::1"]],
];

/** IPv6 that carries an IPv4 address: judged by the IPv4 address, in every IPv6 spelling. */
const EMBEDDED: [address: string, kind: SpecialKind, embedded: string][] = [
  ["::ffff:127.0.0.1", "loopback", "127.0.0.1"],
  ["::ffff:7f00:1", "loopback", "127.0.0.1"],
  ["0:0:0:0:0:ffff:7f00:0001", "loopback", "127.0.0.1"],
  ["::FFFF:7F00:1", "loopback", "127.0.0.1"],
  ["::ffff:169.254.169.254", "link-local", "169.254.169.254"],
  ["::ffff:a9fe:a9fe", "link-local", "169.254.169.254"],
  ["::ffff:10.0.0.1", "private", "10.0.0.1"],
  ["::ffff:0.0.0.0", "unspecified", "0.0.0.0"],
  ["::ffff:0:7f00:1", "loopback", "127.0.0.1"],
  ["64:ff9b::127.0.0.1", "loopback", "127.0.0.1"],
  ["64:ff9b::a9fe:a9fe", "link-local", "169.254.169.254"],
  ["64:ff9b::c0a8:101", "private", "192.168.1.1"],
  ["2002:7f00:1::", "loopback", "127.0.0.1"],
  ["2002:a9fe:a9fe::1", "link-local", "169.254.169.254"],
  ["2002:c0a8:101:1::1", "private", "192.168.1.1"],
  ["2002:6440::", "shared", "100.64.0.0"],
];

const PUBLIC = [
  // Just outside the special IPv4 ranges.
  "1.1.1.1",
  "8.8.8.8",
  "9.255.255.255",
  "11.0.0.0",
  "93.184.216.34",
  "100.63.255.255",
  "100.128.0.0",
  "126.255.255.255",
  "128.0.0.0",
  "169.253.255.255",
  "169.255.0.0",
  "172.15.255.255",
  "172.32.0.0",
  "192.0.1.0",
  "192.0.3.0",
  "192.88.98.255",
  "192.88.100.0",
  "192.167.255.255",
  "192.169.0.0",
  "198.17.255.255",
  "198.20.0.0",
  "198.51.99.255",
  "198.51.101.0",
  "203.0.112.255",
  "203.0.114.0",
  "223.255.255.255",
  // Global unicast IPv6, and public IPv4 inside IPv6.
  "2001:200::1",
  "2001:db7:ffff::1",
  "2001:4860:4860::8888",
  "2606:4700:4700::1111",
  "2a00:1450:4001:82a::200e",
  "3ffe:ffff::1",
  "3fff:1000::1",
  "::ffff:8.8.8.8",
  "::ffff:808:808",
  "64:ff9b::808:808",
  "2002:808:808::1",
];

describe("specialAddress", () => {
  it.each(RANGES.flatMap(([range, kind, addresses]) => addresses.map((a) => [a, range, kind])))(
    "%s is in %s (%s)",
    (address, range, kind) => {
      expect(specialAddress(address)).toMatchObject({ kind, range });
    },
  );

  it.each(EMBEDDED)("%s is judged by the IPv4 address it carries", (address, kind, embedded) => {
    const special = specialAddress(address);
    expect(special?.kind).toBe(kind);
    expect(special?.reason).toContain(`of ${embedded}, `);
  });

  it.each(PUBLIC)("%s is public", (address) => {
    expect(specialAddress(address)).toBeNull();
  });

  it("calls the metadata address by its name", () => {
    expect(specialAddress("169.254.169.254")?.reason).toMatch(/cloud metadata/);
    expect(specialAddress("::ffff:a9fe:a9fe")?.reason).toMatch(/IPv4-mapped .*cloud metadata/);
  });

  it("answers anything that is not an address as reserved, never as public", () => {
    for (const text of ["", "localhost", "1.2.3", "1.2.3.4.5", "256.0.0.1", "::g", "1:2:3"]) {
      expect(specialAddress(text)).toMatchObject({ kind: "reserved" });
    }
  });
});

describe("parseIp", () => {
  const samples = [
    ...RANGES.flatMap(([, , addresses]) => addresses),
    ...EMBEDDED.map(([address]) => address),
    ...PUBLIC,
    "1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:1.2.3.4",
    "1::",
    "::1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7::",
    "1:2:3:4:5:6:7:8::",
    "::1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7",
    "1::2::3",
    ":::",
    "12345::",
    "1.2.3.4::",
    "::1.2.3",
    "::1.2.3.4.5",
    "1.2.3.04",
    "01.2.3.4",
    "1.2.3.-4",
    "1.2.3.4 ",
    "0x7f.0.0.1",
    "2130706433",
    "",
  ];

  it.each(samples)("agrees with node:net isIP on %j", (text) => {
    const ip = parseIp(text.replace(/%.*$/, ""));
    expect(ip ? ip.family : 0).toBe(isIP(text.trim().replace(/%.*$/, "")));
  });

  it("takes brackets and an IPv6 zone", () => {
    expect(parseIp("[::1]")).toEqual(parseIp("::1"));
    expect(parseIp("fe80::1%eth0")).toEqual(parseIp("fe80::1"));
  });

  it.each(samples.filter((text) => isIP(text) === 6 && !text.includes("%")))(
    "formats %s as new URL() does",
    (text) => {
      expect(`[${formatIp(parseIp(text)!)}]`).toBe(new URL(`http://[${text}]/`).hostname);
    },
  );
});

describe("specialHost", () => {
  it.each(HOST_SPELLINGS)("%s is %s", (spelling, kind) => {
    expect(specialHost(new URL(spelling).hostname)?.kind).toBe(kind);
  });

  it.each([
    "https://hooks.example.com/",
    "https://8.8.8.8/",
    "https://134744072/",
    "https://[2606:4700:4700::1111]/",
    "https://[::ffff:8.8.8.8]/",
    "https://localhost.evil.example/",
    "https://localhost.example/",
    "https://mylocal.example/",
    "https://internal.example.com/",
    "https://127.0.0.1.nip.io/",
  ])("%s may be public (a name is checked again by what it resolves to)", (spelling) => {
    expect(specialHost(new URL(spelling).hostname)).toBeNull();
  });

  it("knows which hosts are this machine", () => {
    for (const host of ["localhost", "api.localhost", "127.0.0.1", "127.9.9.9", "[::1]"]) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    expect(isLoopbackHost(new URL("http://[::ffff:127.0.0.1]/").hostname)).toBe(true);
    for (const host of ["10.0.0.1", "[fe80::1]", "example.com", "printer.local"]) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});
