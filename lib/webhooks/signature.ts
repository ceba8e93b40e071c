import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures, Stripe-style: `Latch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`,
 * the HMAC keyed with the whole signing secret (`whsec_…`, as text) over `<t>.<raw body>`.
 * Signing the timestamp with the body lets receivers refuse replays of old deliveries.
 */
export const SIGNATURE_HEADER = "Latch-Signature";
export const SECRET_PREFIX = "whsec_";
export const DEFAULT_TOLERANCE_SECONDS = 300;

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** A new signing secret: `whsec_` and 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * The header value for a body. Several secrets give several `v1=` entries, so a receiver holding
 * any one of them can verify (how a secret is rotated without a gap).
 */
export function signPayload(
  secret: string | readonly string[],
  body: string | Uint8Array,
  timestampSeconds: number,
): string {
  const t = Math.floor(timestampSeconds);
  const secrets = typeof secret === "string" ? [secret] : secret;
  const entries = secrets.map((key) => `v1=${hmac(key, t, body).toString("hex")}`);
  return [`t=${t}`, ...entries].join(",");
}

/** True when one of the header's `v1` signatures matches and its timestamp is fresh enough. */
export function verifySignature(
  secret: string,
  body: string | Uint8Array,
  header: string | null | undefined,
  options: { toleranceSeconds?: number; now?: Date } = {},
): boolean {
  const { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = new Date() } = options;
  const parsed = parseHeader(header);
  if (!parsed) return false;
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > toleranceSeconds) return false;
  const expected = hmac(secret, parsed.timestamp, body);
  // Every candidate is compared, so the time taken does not tell which one matched.
  let matched = false;
  for (const signature of parsed.signatures) {
    if (timingSafeEqual(Buffer.from(signature, "hex"), expected)) matched = true;
  }
  return matched;
}

function parseHeader(header: string | null | undefined) {
  if (!header) return null;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t") {
      // Exactly one timestamp: a second one could be smuggled past a lenient parser.
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === "v1" && HEX_SHA256.test(value)) {
      signatures.push(value);
    }
    // Other schemes (a future v2) are skipped, so receivers keep working when one is added.
  }
  if (timestamp === null || signatures.length === 0) return null;
  return { timestamp, signatures };
}

function hmac(secret: string, timestamp: number, body: string | Uint8Array): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
}
