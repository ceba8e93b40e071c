import { describe, expect, it } from "vitest";
import { newWebhookSecret, signPayload, verifySignature } from "../../../lib/webhooks/signature";
import { verifyWebhook } from "./webhooks";

// The SDK cannot import the app, so it carries its own copy of the check: held here to the
// app's signer and verifier, header by header.
const secret = newWebhookSecret();
const body = JSON.stringify({ id: "whd_1", type: "connection.created", data: { n: 1 } });
const now = new Date("2026-06-01T12:00:00Z");
const t = now.getTime() / 1000;
const header = signPayload(secret, body, t);

describe("verifyWebhook", () => {
  it("accepts what Latch signs, as text or bytes, within the tolerance either way", () => {
    expect(verifyWebhook(body, header, secret, { now })).toBe(true);
    expect(verifyWebhook(new TextEncoder().encode(body), header, secret, { now })).toBe(true);
    for (const ms of [300_000, -300_000]) {
      expect(verifyWebhook(body, header, secret, { now: new Date(now.getTime() + ms) })).toBe(true);
    }
  });

  it("refuses a stale or future timestamp unless the tolerance allows it", () => {
    const late = new Date(now.getTime() + 301_000);
    expect(verifyWebhook(body, header, secret, { now: late })).toBe(false);
    expect(verifyWebhook(body, header, secret, { now: new Date(now.getTime() - 301_000) })).toBe(
      false,
    );
    expect(verifyWebhook(body, header, secret, { now: late, toleranceSeconds: 600 })).toBe(true);
  });

  it("accepts any matching entry while a secret is rotated", () => {
    const rotated = signPayload([newWebhookSecret(), secret], body, t);
    expect(verifyWebhook(body, rotated, secret, { now })).toBe(true);
  });

  it("refuses a tampered body, another secret, a moved timestamp and no secret", () => {
    expect(verifyWebhook(`${body} `, header, secret, { now })).toBe(false);
    expect(verifyWebhook(body, header, newWebhookSecret(), { now })).toBe(false);
    expect(verifyWebhook(body, header.replace(`t=${t}`, `t=${t + 1}`), secret, { now })).toBe(
      false,
    );
    expect(verifyWebhook(body, header, "", { now })).toBe(false);
  });

  it("agrees with the app's verifier on malformed headers", () => {
    const v1 = header.split(",")[1]!;
    const hex = v1.slice(3);
    for (const bad of [
      undefined,
      null,
      "",
      `t=${t}`,
      v1,
      `t=,${v1}`,
      `t=abc,${v1}`,
      `t=-${t},${v1}`,
      `t=${t},t=${t},${v1}`,
      `t=${t},v1=${hex.slice(0, -2)}`,
      `t=${t},v1=${hex.toUpperCase()}`,
      `t=${t},v0=${hex}`,
      `${v1}, t=${t}, v2=whatever`,
      `t=${t},v1=${"0".repeat(64)},${v1}`,
    ]) {
      expect(verifyWebhook(body, bad, secret, { now }), String(bad)).toBe(
        verifySignature(secret, body, bad, { now }),
      );
    }
  });
});
