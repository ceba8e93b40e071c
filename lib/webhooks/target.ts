import "server-only";
import dns from "node:dns";
import { getEnv } from "../env";
import {
  parseIp,
  specialAddress,
  specialHost,
  type SpecialAddress,
} from "../net/special-addresses";
import type { WebhookAddressPolicy } from "../validation/settings";

export type ResolvedAddress = { address: string; family: 4 | 6 };

/** Every address a host name resolves to, as the system resolver answers it. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = async (hostname) => {
  const answers = await dns.promises.lookup(hostname, { all: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/** The instance's policy, from `ALLOW_PRIVATE_WEBHOOKS`. */
export function webhookAddressPolicy(): WebhookAddressPolicy {
  return { allowPrivate: getEnv().ALLOW_PRIVATE_WEBHOOKS };
}

/**
 * What a delivery records when its address is refused. The same words whatever the range, and
 * nothing is sent: the delivery log must not tell a tenant what lies behind an internal address.
 */
export const REFUSED_PRIVATE =
  "Refused: the address is private or reserved, so nothing was sent (ALLOW_PRIVATE_WEBHOOKS is off)";

export type Target =
  { ok: true; address: ResolvedAddress } | { ok: false; address: string; special: SpecialAddress };

/**
 * The one address a delivery to `url` connects to, or why it may not: a host that is an IP
 * literal is judged as it is; a name is refused when it is a local one or when ANY address it
 * resolves to is private or special (a rebinding name may answer a public and a private one),
 * unless the policy allows private addresses. The caller connects to exactly the address
 * answered (see transport.ts), so a second, different DNS answer cannot slip past this check.
 */
export async function resolveTarget(
  url: URL,
  policy: WebhookAddressPolicy,
  resolve: Resolve = systemResolve,
): Promise<Target> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = parseIp(host);
  if (literal) {
    const special = policy.allowPrivate ? null : specialAddress(literal);
    if (special) return { ok: false, address: host, special };
    return { ok: true, address: { address: host, family: literal.family } };
  }
  if (!policy.allowPrivate) {
    const special = specialHost(host);
    if (special) return { ok: false, address: host, special };
  }
  const answers = await resolve(host);
  if (!answers.length)
    throw Object.assign(new Error(`${host} has no address`), { code: "ENOTFOUND" });
  if (!policy.allowPrivate) {
    for (const { address } of answers) {
      const special = specialAddress(address);
      if (special) return { ok: false, address, special };
    }
  }
  return { ok: true, address: answers[0]! };
}
