import { BlockList, isIP } from "node:net";

export type Cidr = { address: string; prefix: number; family: "ipv4" | "ipv6" };

/**
 * An address as the socket or a header spells it, in the form BlockList compares: IPv4-mapped
 * IPv6 (`::ffff:10.0.0.1`, how a dual-stack server sees IPv4 clients) as the IPv4 address it
 * carries, brackets and an IPv6 zone (`%eth0`) dropped. Null when it is not an IP address.
 */
export function normalizeIp(value: string): { address: string; family: "ipv4" | "ipv6" } | null {
  let text = value.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  text = text.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped) text = mapped[1]!;
  const version = isIP(text);
  if (version === 4) return { address: text, family: "ipv4" };
  if (version === 6) return { address: text.toLowerCase(), family: "ipv6" };
  return null;
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
