import { createHmac, timingSafeEqual } from "node:crypto";
import type { Connection } from "./types.js";

/**
 * Latch's webhook signatures (the app's lib/webhooks/signature.ts): the header
 * `Latch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`, keyed with the whole signing secret
 * (`whsec_…`) over `<t>.<raw body>`. Several `v1` entries appear while a secret is rotated.
 */
export const WEBHOOK_SIGNATURE_HEADER = "Latch-Signature";
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookEventType =
  "connection.created" | "connection.failing" | "connection.recovered" | "connection.revoked";

/** A delivery's body, once verified and parsed. */
export type WebhookEvent = {
  id: string;
  type: WebhookEventType;
  created_at: string;
  data: { connection: Connection };
};

export type VerifyWebhookOptions = {
  /** How far the signed timestamp may be from now, either way. Default 300 s. */
  toleranceSeconds?: number;
  now?: Date;
};

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * True when the header signs exactly this raw body with `secret` and its timestamp is within
 * the tolerance (old deliveries replayed are refused). Pass the body as received, before any
 * JSON parsing: re-serialised JSON would not match.
 */
export function verifyWebhook(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string,
  options: VerifyWebhookOptions = {},
): boolean {
  const { toleranceSeconds = DEFAULT_WEBHOOK_TOLERANCE_SECONDS, now = new Date() } = options;
  const parsed = parseSignatureHeader(signatureHeader);
  if (!parsed || !secret) return false;
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret)
    .update(`${parsed.timestamp}.`)
    .update(rawBody)
    .digest();
  // Every candidate is compared in constant time, so timing tells nothing about which matched.
  let matched = false;
  for (const signature of parsed.signatures) {
    if (timingSafeEqual(Buffer.from(signature, "hex"), expected)) matched = true;
  }
  return matched;
}

function parseSignatureHeader(header: string | null | undefined) {
  if (!header) return null;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t") {
      // Exactly one timestamp: a second could be smuggled past a lenient parser.
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === "v1" && HEX_SHA256.test(value)) {
      signatures.push(value);
    }
    // Other schemes (a future v2) are skipped, so a receiver keeps working when one is added.
  }
  if (timestamp === null || signatures.length === 0) return null;
  return { timestamp, signatures };
}
