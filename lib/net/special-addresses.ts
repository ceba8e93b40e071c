/**
 * Which addresses and host names are not the public internet: loopback, private networks,
 * link-local (the cloud metadata service), unique-local, carrier-grade NAT, documentation,
 * multicast and the other special-purpose ranges of the IANA registries, in every spelling of
 * them (an IPv4 address inside IPv4-mapped, NAT64 or 6to4 IPv6 is judged by that IPv4 address).
 *
 * Pure and free of node: imports, so the settings form can run the same check in the browser.
 * (lib/net/cidr.ts is built on node:net's BlockList and so stays on the server.)
 */

export type SpecialKind =
  | "unspecified"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "unique-local"
  | "site-local"
  | "documentation"
  | "benchmarking"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "local-name";

/** Why an address or name is not a public one, worded to follow "it is …". */
export type SpecialAddress = {
  kind: SpecialKind;
  /** The registry range it falls in, e.g. `127.0.0.0/8`; for a name, the rule, e.g. `*.localhost`. */
  range: string;
  reason: string;
};

export type IpAddress = { family: 4 | 6; bytes: readonly number[] };

/**
 * Parses a literal IPv4 (dotted decimal, as `new URL()` and DNS answer it) or IPv6 address
 * (brackets and a `%zone` allowed, a dotted IPv4 tail too) into its bytes; null otherwise.
 * Other IPv4 spellings (`0x7f.1`, `2130706433`) are not parsed here: in a URL, `new URL()` has
 * already turned them into dotted decimal.
 */
export function parseIp(text: string): IpAddress | null {
  let value = text.trim();
  if (value.startsWith("[") && value.endsWith("]")) value = value.slice(1, -1);
  const v4 = parseIpv4(value);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = parseIpv6(value.replace(/%[^%]*$/, ""));
  return v6 ? { family: 6, bytes: v6 } : null;
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    // No leading zeros: `010` is octal to some parsers and decimal to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const byte = Number(part);
    if (byte > 255) return null;
    bytes.push(byte);
  }
  return bytes;
}

function parseIpv6(text: string): number[] | null {
  if (!text.includes(":")) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string, last: boolean): number[] | null => {
    if (half === "") return [];
    const groups: number[] = [];
    const pieces = half.split(":");
    for (const [index, piece] of pieces.entries()) {
      if (last && index === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1]!, true) : [];
  if (!head || !tail) return null;
  const given = head.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  const groups = [...head, ...Array<number>(8 - given).fill(0), ...tail];
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

/** The address in the form `new URL()` and DNS answers use: dotted IPv4, compressed IPv6. */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return ip.bytes.join(".");
  const groups = Array.from(
    { length: 8 },
    (_, i) => (ip.bytes[2 * i]! << 8) | ip.bytes[2 * i + 1]!,
  );
  // The longest run of at least two zero groups becomes "::" (RFC 5952).
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

type Range = { prefix: number[]; bits: number; range: string; kind: SpecialKind; reason?: string };

const REASONS: Record<SpecialKind, string> = {
  unspecified: "an unspecified address, which reaches this machine",
  loopback: "a loopback address",
  private: "a private network address",
  shared: "a carrier-grade NAT (shared) address",
  "link-local": "a link-local address",
  "unique-local": "a unique-local address",
  "site-local": "a site-local address",
  documentation: "an address reserved for documentation",
  benchmarking: "an address reserved for benchmarking",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  reserved: "a reserved address",
  "local-name": "a name for a local network",
};

function range(cidr: string, kind: SpecialKind, reason?: string): Range {
  const [address, bits] = cidr.split("/");
  const ip = parseIp(address!);
  if (!ip) throw new Error(`special-addresses: bad range ${cidr}`);
  return { prefix: [...ip.bytes], bits: Number(bits), range: cidr, kind, reason };
}

// The most specific range first: the first match names the address.
const IPV4_RANGES: Range[] = [
  range("0.0.0.0/8", "unspecified"),
  range("10.0.0.0/8", "private"),
  range("100.64.0.0/10", "shared"),
  range("127.0.0.0/8", "loopback"),
  range("169.254.169.254/32", "link-local", "the cloud metadata address (link-local)"),
  range("169.254.0.0/16", "link-local"),
  range("172.16.0.0/12", "private"),
  range("192.0.0.0/24", "reserved", "an address reserved for IETF protocol assignments"),
  range("192.0.2.0/24", "documentation"),
  range("192.88.99.0/24", "reserved", "a reserved address (the former 6to4 relay anycast)"),
  range("192.168.0.0/16", "private"),
  range("198.18.0.0/15", "benchmarking"),
  range("198.51.100.0/24", "documentation"),
  range("203.0.113.0/24", "documentation"),
  range("224.0.0.0/4", "multicast"),
  range("255.255.255.255/32", "broadcast"),
  range("240.0.0.0/4", "reserved"),
];

/** IPv6 ranges that carry an IPv4 address, and where it sits: judged by that address. */
const IPV6_EMBEDDING: { range: Range; offset: number; name: string }[] = [
  { range: range("::ffff:0:0/96", "reserved"), offset: 12, name: "an IPv4-mapped address" },
  { range: range("::ffff:0:0:0/96", "reserved"), offset: 12, name: "an IPv4-translated address" },
  { range: range("64:ff9b::/96", "reserved"), offset: 12, name: "a NAT64 address" },
  { range: range("2002::/16", "reserved"), offset: 2, name: "a 6to4 address" },
];

const IPV6_RANGES: Range[] = [
  range("::/128", "unspecified"),
  range("::1/128", "loopback"),
  range("::/96", "reserved", "a deprecated IPv4-compatible address"),
  range("64:ff9b:1::/48", "reserved", "a local-use NAT64 address"),
  range("100::/64", "reserved", "a discard-only address"),
  range("2001:db8::/32", "documentation"),
  range(
    "2001::/23",
    "reserved",
    "an address reserved for IETF protocol assignments (Teredo, ORCHID, …)",
  ),
  range("3fff::/20", "documentation"),
  range("5f00::/16", "reserved", "a segment-routing (SRv6) address"),
  range("fc00::/7", "unique-local"),
  range("fe80::/10", "link-local"),
  range("fec0::/10", "site-local"),
  range("ff00::/8", "multicast"),
];

const GLOBAL_UNICAST = range("2000::/3", "reserved");

function matches(bytes: readonly number[], { prefix, bits }: Range): boolean {
  for (let i = 0; i < bits; i += 8) {
    const mask = bits - i >= 8 ? 0xff : (0xff << (8 - (bits - i))) & 0xff;
    if ((bytes[i / 8]! & mask) !== (prefix[i / 8]! & mask)) return false;
  }
  return true;
}

const toSpecial = (match: Range): SpecialAddress => ({
  kind: match.kind,
  range: match.range,
  reason: match.reason ?? REASONS[match.kind],
});

/**
 * Why this IP address is not a public one, or null when it is public. An address that does not
 * parse is answered as reserved: a caller deciding whether to connect must not take it as public.
 */
export function specialAddress(address: string | IpAddress): SpecialAddress | null {
  const ip = typeof address === "string" ? parseIp(address) : address;
  if (!ip) return { kind: "reserved", range: "", reason: "not an IP address" };
  if (ip.family === 4) {
    const match = IPV4_RANGES.find((candidate) => matches(ip.bytes, candidate));
    return match ? toSpecial(match) : null;
  }
  for (const { range: embedding, offset, name } of IPV6_EMBEDDING) {
    if (!matches(ip.bytes, embedding)) continue;
    const inner: IpAddress = { family: 4, bytes: ip.bytes.slice(offset, offset + 4) };
    const special = specialAddress(inner);
    return special
      ? { ...special, reason: `${name} of ${formatIp(inner)}, ${special.reason}` }
      : null;
  }
  const match = IPV6_RANGES.find((candidate) => matches(ip.bytes, candidate));
  if (match) return toSpecial(match);
  // Only 2000::/3 is allocated as global unicast; IANA holds the rest in reserve.
  if (!matches(ip.bytes, GLOBAL_UNICAST)) {
    return {
      kind: "reserved",
      range: "::/0",
      reason: "an address outside the global unicast range 2000::/3",
    };
  }
  return null;
}

// Names that never reach the public internet (RFC 6761, 6762, 8375; ICANN's .internal).
const LOCAL_SUFFIXES: { suffix: string; kind: SpecialKind; reason: string }[] = [
  { suffix: "localhost", kind: "loopback", reason: "a name for this machine" },
  { suffix: "localhost.localdomain", kind: "loopback", reason: "a name for this machine" },
  { suffix: "local", kind: "local-name", reason: "a multicast DNS name of the local network" },
  { suffix: "internal", kind: "local-name", reason: "a name for a private network (.internal)" },
  { suffix: "home.arpa", kind: "local-name", reason: "a name for a home network (.home.arpa)" },
];

/**
 * Why a URL's host (`url.hostname`: brackets around IPv6, IPv4 already dotted decimal) is not
 * a public one, or null when it may be. A public-looking name can still resolve to a private
 * address: that is for the check at connection time (lib/webhooks/target.ts).
 */
export function specialHost(hostname: string): SpecialAddress | null {
  const ip = parseIp(hostname);
  if (ip) return specialAddress(ip);
  // `localhost.` is `localhost`: DNS names are absolute with or without the final dot.
  const name = hostname.toLowerCase().replace(/\.+$/, "");
  for (const { suffix, kind, reason } of LOCAL_SUFFIXES) {
    if (name === suffix || name.endsWith(`.${suffix}`))
      return { kind, range: `*.${suffix}`, reason };
  }
  if (!name.includes(".")) {
    // `metadata`, `intranet`, `db`: completed by the local resolver's search domains.
    return {
      kind: "local-name",
      range: "single label",
      reason: "a name without a domain, which only resolves on a local network",
    };
  }
  return null;
}

/** Loopback: the machine Latch runs on (where plain http is tolerated, when private is allowed). */
export function isLoopbackHost(hostname: string): boolean {
  const special = specialHost(hostname);
  return special?.kind === "loopback";
}
