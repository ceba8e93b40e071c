import { BlockList, isIP } from "node:net";

export type Cidr = { address: string; prefix: number; family: "ipv4" | "ipv6" };

/**
 * An address as the socket or a header spells it, in the form BlockList compares: IPv4-mapped
 * IPv6 (`::ffff:10.0.0.1`, how a dual-stack server sees IPv4 clients) as the IPv4 address it
 * carries, IPv6 in its one canonical spelling, brackets, a port (`1.2.3.4:5678`,
 * `[2001:db8::1]:443`, as some proxies append) and an IPv6 zone (`%eth0`) dropped. Null when it
 * is not an IP address.
 */
export function normalizeIp(value: string): { address: string; family: "ipv4" | "ipv6" } | null {
  let text = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(text))
    text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped) text = mapped[1]!;
  const version = isIP(text);
  if (version === 4) return { address: text, family: "ipv4" };
  if (version !== 6) return null;
  // The URL parser writes IPv6 canonically (RFC 5952): one address, one spelling.
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const remapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (remapped) {
    const [high, low] = [parseInt(remapped[1]!, 16), parseInt(remapped[2]!, 16)];
    return { address: [high >> 8, high & 255, low >> 8, low & 255].join("."), family: "ipv4" };
  }
  return { address: canonical, family: "ipv6" };
}

/**
 * The part of an address a rate limit counts: an IPv4 address as it is, an IPv6 address by its
 * /64, since one host is usually given a whole /64 and could otherwise take a fresh address for
 * every attempt.
 */
export function rateLimitSubject(ip: string): string {
  const parsed = normalizeIp(ip);
  if (!parsed) return ip;
  if (parsed.family === "ipv4") return parsed.address;
  const groups = expandIpv6(parsed.address);
  return `${groups.slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail] = address.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right];
}

/** `10.0.0.0/8`, `::1/128` or a bare address (a /32 or /128); null when malformed. */
export function parseCidr(entry: string): Cidr | null {
  const [addressText, prefixText, ...rest] = entry.trim().split("/");
  if (rest.length || !addressText) return null;
  const ip = normalizeIp(addressText);
  if (!ip) return null;
  const max = ip.family === "ipv4" ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return null;
  return { address: ip.address, prefix, family: ip.family };
}

/** A set of networks an address can be tested against, in either spelling of IPv4. */
export class AddressSet {
  private readonly list = new BlockList();
  readonly size: number;

  constructor(cidrs: readonly (Cidr | string)[]) {
    const parsed = cidrs.map((cidr) => (typeof cidr === "string" ? parseCidr(cidr) : cidr));
    for (const cidr of parsed) {
      if (!cidr) throw new Error("AddressSet: malformed CIDR");
      this.list.addSubnet(cidr.address, cidr.prefix, cidr.family);
    }
    this.size = parsed.length;
  }

  has(address: string): boolean {
    const ip = normalizeIp(address);
    return ip ? this.list.check(ip.address, ip.family) : false;
  }
}
