import fs from "node:fs";
import path from "node:path";
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signPayload, verifySignature } from "./signature";

const secret = "whsec_test-secret-for-unit-tests-only-000000000";
const body = JSON.stringify({ id: "whd_1", type: "connection.created", data: { n: 1 } });
const now = new Date("2025-06-01T12:00:00Z");
const t = now.getTime() / 1000;

describe("newWebhookSecret", () => {
  it("is whsec_ and 32 random bytes, base64url", () => {
    const one = newWebhookSecret();
    expect(one).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(one.slice(6), "base64url")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(one);
  });
});

describe("signPayload", () => {
  it("is t=<seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>", () => {
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(signPayload(secret, body, t)).toBe(`t=${t},v1=${expected}`);
  });

  it("signs bytes and text alike, and whole seconds only", () => {
    expect(signPayload(secret, Buffer.from(body), t + 0.9)).toBe(signPayload(secret, body, t));
  });

  it("adds one v1 entry per secret", () => {
    const header = signPayload([secret, "whsec_other"], body, t);
    expect(header.split(",")).toHaveLength(3);
    expect(verifySignature("whsec_other", body, header, { now })).toBe(true);
  });
});

describe("verifySignature", () => {
  const header = signPayload(secret, body, t);

  it("accepts its own signature, within the tolerance either way", () => {
    expect(verifySignature(secret, body, header, { now })).toBe(true);
    expect(verifySignature(secret, Buffer.from(body), header, { now })).toBe(true);
    const later = new Date(now.getTime() + 300_000);
    const earlier = new Date(now.getTime() - 300_000);
    expect(verifySignature(secret, body, header, { now: later })).toBe(true);
    expect(verifySignature(secret, body, header, { now: earlier })).toBe(true);
  });

  it("refuses a stale or future timestamp", () => {
    expect(verifySignature(secret, body, header, { now: new Date(now.getTime() + 301_000) })).toBe(
      false,
    );
    expect(verifySignature(secret, body, header, { now: new Date(now.getTime() - 301_000) })).toBe(
      false,
    );
    const stale = new Date(now.getTime() + 3_600_000);
    expect(verifySignature(secret, body, header, { now: stale, toleranceSeconds: 3600 })).toBe(
      true,
    );
  });

  it("refuses a tampered body, a wrong secret and a moved timestamp", () => {
    expect(verifySignature(secret, `${body} `, header, { now })).toBe(false);
    expect(verifySignature("whsec_wrong", body, header, { now })).toBe(false);
    const moved = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(verifySignature(secret, body, moved, { now })).toBe(false);
  });

  it("refuses headers with parts missing or malformed", () => {
    const v1 = header.split(",")[1]!;
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
      `t=${t},v1=${v1.slice(3, -2)}`,
      `t=${t},v1=${v1.slice(3).toUpperCase()}zz`,
      `t=${t},v0=${v1.slice(3)}`,
    ]) {
      expect(verifySignature(secret, body, bad, { now })).toBe(false);
    }
  });

  it("accepts any matching v1 entry, in any order, and skips unknown schemes", () => {
    const good = header.split(",")[1]!;
    const wrong = `v1=${"0".repeat(64)}`;
    expect(verifySignature(secret, body, `t=${t},${wrong},${good}`, { now })).toBe(true);
    expect(verifySignature(secret, body, `${good}, t=${t}, v2=whatever`, { now })).toBe(true);
    expect(verifySignature(secret, body, `t=${t},${wrong}`, { now })).toBe(false);
  });
});

/**
 * The verification snippet the README documents, read from README.md itself and run as plain
 * JavaScript, as a tenant would paste it: the documentation cannot drift from what Latch sends.
 */
const README_SNIPPET = (() => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Verifying webhooks"));
  const block = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("README.md has no js block under 'Verifying webhooks'");
  return block;
})();

type Verify = (
  rawBody: string | Buffer,
  header: string | undefined,
  secret: string,
  toleranceSeconds?: number,
) => boolean;

function loadReadmeSnippet(): Verify {
  const context = { require: createRequire(import.meta.url), Buffer };
  return vm.runInNewContext(`${README_SNIPPET}\nverifyLatchSignature;`, context) as Verify;
}

describe("the README's verification snippet", () => {
  const verify = loadReadmeSnippet();
  const realSecret = newWebhookSecret();
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it("accepts what signPayload signs, as text or raw bytes", () => {
    const signed = signPayload(realSecret, body, nowSeconds());
    expect(verify(body, signed, realSecret)).toBe(true);
    expect(verify(Buffer.from(body), signed, realSecret)).toBe(true);
  });

  it("accepts a header carrying several signatures when one matches", () => {
    const signed = signPayload([newWebhookSecret(), realSecret], body, nowSeconds());
    expect(verify(body, signed, realSecret)).toBe(true);
  });

  it("refuses a tampered body, a wrong secret, a stale timestamp and no header", () => {
    const signed = signPayload(realSecret, body, nowSeconds());
    expect(verify(body.replace('"n":1', '"n":2'), signed, realSecret)).toBe(false);
    expect(verify(body, signed, newWebhookSecret())).toBe(false);
    const stale = signPayload(realSecret, body, nowSeconds() - 301);
    expect(verify(body, stale, realSecret)).toBe(false);
    expect(verify(body, stale, realSecret, 600)).toBe(true);
    expect(verify(body, undefined, realSecret)).toBe(false);
    expect(verify(body, signed.split(",")[0], realSecret)).toBe(false);
    expect(verify(body, `${signed.split(",")[0]},v1`, realSecret)).toBe(false);
  });

  it("agrees with verifySignature", () => {
    const signed = signPayload(realSecret, body, nowSeconds());
    expect(verify(body, signed, realSecret)).toBe(verifySignature(realSecret, body, signed));
  });
});
