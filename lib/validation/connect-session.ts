import { z } from "zod";
import { subdomainSchema } from "./connect";
import { SITE_DOMAINS } from "../atlassian/site-domains";
import { inputJsonSchemas, trimmedText } from "./input-json-schema";
import { lengthChecksOnlyOnLengths } from "./length-checks";

const IPV4_PART = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
const H16 = "[0-9A-Fa-f]{1,4}";
/** Every way to write an IPv6 address in hex groups, `::` included (no zone, no IPv4 tail). */
const IPV6 = [
  `(?:${H16}:){7}${H16}`,
  `(?:${H16}:){1,7}:`,
  `(?:${H16}:){1,6}:${H16}`,
  `(?:${H16}:){1,5}(?::${H16}){1,2}`,
  `(?:${H16}:){1,4}(?::${H16}){1,3}`,
  `(?:${H16}:){1,3}(?::${H16}){1,4}`,
  `(?:${H16}:){1,2}(?::${H16}){1,5}`,
  `${H16}:(?::${H16}){1,6}`,
  `:(?:(?::${H16}){1,7}|:)`,
].join("|");
const LABEL = "[A-Za-z0-9](?:[-A-Za-z0-9]*[A-Za-z0-9])?";
// The last label starts with a letter: URL parsers read a host ending in a number as IPv4.
const TOP_LABEL = "[A-Za-z](?:[-A-Za-z0-9]*[A-Za-z0-9])?";
const PORT = "(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";

/**
 * An origin as the API and settings take it: http or https, a host (a DNS name, dotted IPv4 or
 * [IPv6]) and an optional port, in any case, with at most a trailing slash. A URL parser accepts
 * far more (no slashes, backslashes, tabs, numeric hosts such as 0x7f.1, Unicode hosts); what is
 * accepted is kept to what this pattern, and so the OpenAPI document, can say exactly.
 */
export const ORIGIN_PATTERN = `^[Hh][Tt][Tt][Pp][Ss]?://(?:(?:${LABEL}\\.)*${TOP_LABEL}|(?:${IPV4_PART}\\.){3}${IPV4_PART}|\\[(?:${IPV6})\\])(?::${PORT})?/?$`;
const ORIGIN = new RegExp(ORIGIN_PATTERN, "u");
const ORIGIN_MESSAGE =
  "must be an origin: scheme, host and optional port, like https://app.example.com";

/** The origin a browser would send for it (lowercase host, default port dropped), or null. */
function canonicalOrigin(value: string): string | null {
  if (!ORIGIN.test(value)) return null;
  try {
    // An xn-- label must also be valid Punycode, which no pattern can say.
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * An origin such as `https://app.example.com` (ORIGIN_PATTERN). Answers it the way browsers
 * spell it (lowercase host, default port dropped), since origins are compared as strings.
 */
export const originSchema = z
  .string()
  .max(2048)
  .refine((value) => canonicalOrigin(value) !== null, { message: ORIGIN_MESSAGE })
  .transform((value) => canonicalOrigin(value)!);
inputJsonSchemas.add(originSchema, {
  jsonSchema: {
    type: "string",
    maxLength: 2048,
    pattern: ORIGIN_PATTERN,
    description:
      "An origin: http or https, a host (DNS name, IPv4 or [IPv6]) and an optional port, e.g. https://app.example.com. An internationalised host is written in its xn-- form, which must be valid Punycode.",
  },
});

const SUBDOMAIN_CHAR = String.raw`[A-Za-z0-9\u212A]`;
/** A literal domain as a pattern in either case (JSON Schema patterns have no flags). */
const caseless = (domain: string) =>
  [...domain]
    .map((char) =>
      /[a-z]/.test(char) ? `[${char.toUpperCase()}${char}]` : char === "." ? String.raw`\.` : char,
    )
    .join("");
/**
 * What the subdomain field accepts (subdomainSchema, normalizeSubdomain): blank, or a site's
 * subdomain (3–63 letters, digits and single hyphens inside), optionally written as its address,
 * `https://acme.atlassian.net/…` (or Government Cloud's atlassian-us-gov-mod.net), or a site on its
 * own domain as its address, all around whitespace. The Kelvin sign is in it because it
 * lowercases to k.
 */
const HOST_CHAR = String.raw`[-.A-Za-z0-9\u212A]`;
const SITE_DOMAIN_ALTERNATIVES = SITE_DOMAINS.map(caseless).join("|");
const HOST_LABEL = String.raw`${SUBDOMAIN_CHAR}(?:[-A-Za-z0-9\u212A]{0,61}${SUBDOMAIN_CHAR})?`;
const TOP_LEVEL_LABEL = String.raw`(?:[A-Za-z\u212A]{2,63}|[Xx][Nn]--[-A-Za-z0-9\u212A]{0,58}${SUBDOMAIN_CHAR})`;
/**
 * A site on its own domain, pasted as its address (normalizeSubdomain's customHost): a scheme,
 * then a host of two or more labels, at most 253 characters, not under an Atlassian domain
 * (those are read as a subdomain, above).
 */
const CUSTOM_SITE_ADDRESS = [
  String.raw`[Hh][Tt][Tt][Pp][Ss]?://`,
  String.raw`(?=${HOST_CHAR}{1,253}\.?(?!${HOST_CHAR}))`,
  String.raw`(?!${HOST_CHAR}*\.(?:${SITE_DOMAIN_ALTERNATIVES})\.?(?!${HOST_CHAR}))`,
  String.raw`(?:${HOST_LABEL}\.)+${TOP_LEVEL_LABEL}\.?`,
].join("");
export const SUBDOMAIN_PATTERN = [
  String.raw`^\s*(?:(?:`,
  String.raw`(?:[Hh][Tt][Tt][Pp][Ss]?://)?`,
  String.raw`(?=[-A-Za-z0-9\u212A]{3,63}(?![-A-Za-z0-9\u212A]))${SUBDOMAIN_CHAR}(?:-?${SUBDOMAIN_CHAR})*`,
  String.raw`(?:\.(?:${SITE_DOMAIN_ALTERNATIVES})\.?)?`,
  String.raw`|${CUSTOM_SITE_ADDRESS})`,
  // A path, query or fragment is ignored, unless it runs over a line break.
  String.raw`(?:[/?#][^\n\r\u2028\u2029]*)?`,
  String.raw`)?\s*$`,
].join("");
inputJsonSchemas.add(subdomainSchema, {
  jsonSchema: {
    type: "string",
    maxLength: 300,
    pattern: SUBDOMAIN_PATTERN,
    description:
      "It may also be written as the site's address (acme.atlassian.net, https://acme.atlassian.net/…, or on Government Cloud acme.atlassian-us-gov-mod.net); a site on its own domain as its full address (https://jira.acme.com/…), which is matched against the sites the credential reaches. Blank is the same as leaving it out.",
  },
});

/**
 * The rules for an end user's id and e-mail, worded for whoever reads the errors: the API's
 * `end_user` and the dashboard's New connection form (lib/validation/new-connection.ts) share them.
 */
export function endUserFields(
  messages = { idRequired: "is required", email: "must be an e-mail address" },
) {
  return {
    id: trimmedText({ max: 255, required: messages.idRequired }),
    email: z.email(messages.email).max(320),
  };
}

const apiEndUser = endUserFields();

// A JSON body can put any value anywhere: see lengthChecksOnlyOnLengths.
export const createConnectSessionSchema = lengthChecksOnlyOnLengths(
  z.object({
    end_user: z.object({
      id: apiEndUser.id,
      email: apiEndUser.email.optional(),
      display_name: trimmedText({ max: 255 }).optional(),
    }),
    subdomain: z.optional(subdomainSchema),
    allowed_origins: z.array(originSchema).max(20).optional(),
  }),
);

export type CreateConnectSessionInput = z.output<typeof createConnectSessionSchema>;
