import { describe, expect, it } from "vitest";
import { API_BODY_LIMIT_BYTES, declaredLength, readBodyWithin } from "./read-body";
import { readJsonBody } from "./route";
import { z } from "zod";

const CHUNK = 16 * 1024;

/**
 * A body that yields `total` bytes (forever when Infinity) in 16 KB chunks, only as fast as it
 * is read, counting what was pulled: a reader that stops at the limit pulls little of it.
 */
function meteredBody(total: number) {
  const meter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (meter.pulled >= total) return controller.close();
        const size = Math.min(CHUNK, total - meter.pulled);
        meter.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
      cancel() {
        meter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, meter };
}

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://latch.test/api/v1/connect-sessions", {
    method: "POST",
    body,
    headers,
    // A stream body needs this in Node's fetch, as it does in browsers.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

describe("readBodyWithin", () => {
  it("refuses a body that never ends soon after the limit, having pulled little of it", async () => {
    const { stream, meter } = meteredBody(Infinity);
    const started = performance.now();
    expect(await readBodyWithin(post(stream), API_BODY_LIMIT_BYTES)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
    // Let anything still queued arrive: nothing more is asked for once the reader stopped.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(meter.pulled).toBeGreaterThan(API_BODY_LIMIT_BYTES);
    expect(meter.pulled).toBeLessThanOrEqual(API_BODY_LIMIT_BYTES + 2 * CHUNK);
  });

  it("refuses 100 MB sent without a length after reading about the limit", async () => {
    const { stream, meter } = meteredBody(100 * 1024 * 1024);
    expect(await readBodyWithin(post(stream), API_BODY_LIMIT_BYTES)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(meter.pulled).toBeLessThanOrEqual(API_BODY_LIMIT_BYTES + 2 * CHUNK);
  });

  it("counts the bytes, not what Content-Length claims", async () => {
    const { stream, meter } = meteredBody(10 * 1024 * 1024);
    const lying = post(stream, { "content-length": "10" });
    expect(await readBodyWithin(lying, API_BODY_LIMIT_BYTES)).toBeNull();
    expect(meter.pulled).toBeLessThanOrEqual(API_BODY_LIMIT_BYTES + 2 * CHUNK);
  });

  it("refuses a declared length over the limit before reading a byte", async () => {
    const { stream, meter } = meteredBody(Infinity);
    const request = post(stream, { "content-length": String(API_BODY_LIMIT_BYTES + 1) });
    expect(await readBodyWithin(request, API_BODY_LIMIT_BYTES)).toBeNull();
    expect(meter.pulled).toBe(0);
  });

  it("answers a body up to the limit whole, in any number of chunks", async () => {
    for (const size of [0, 1, CHUNK + 1, API_BODY_LIMIT_BYTES]) {
      const { stream } = meteredBody(size);
      const bytes = await readBodyWithin(post(stream), API_BODY_LIMIT_BYTES);
      expect(bytes?.byteLength).toBe(size);
    }
    const { stream } = meteredBody(API_BODY_LIMIT_BYTES + 1);
    expect(await readBodyWithin(post(stream), API_BODY_LIMIT_BYTES)).toBeNull();
    expect((await readBodyWithin(post(null), API_BODY_LIMIT_BYTES))?.byteLength).toBe(0);
    const text = await readBodyWithin(post("héllo"), API_BODY_LIMIT_BYTES);
    expect(new TextDecoder().decode(text!)).toBe("héllo");
  });

  it("reads Content-Length only when it is a plain number", () => {
    const length = (value: string) => declaredLength(new Headers({ "content-length": value }));
    expect(length("65537")).toBe(65537);
    expect(length(" 12 ")).toBe(12);
    for (const value of ["", "-1", "1e9", "0x10", "abc", "Infinity", "1.5"]) {
      expect(length(value), value).toBeNull();
    }
    expect(declaredLength(new Headers())).toBeNull();
  });
});

describe("readJsonBody", () => {
  const schema = z.object({ a: z.number() });

  it("answers 413 body_too_large for a body without a length past 64 KB, closing the connection", async () => {
    const { stream, meter } = meteredBody(Infinity);
    const read = await readJsonBody(post(stream), schema);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.response.status).toBe(413);
    expect(read.response.headers.get("connection")).toBe("close");
    expect(await read.response.json()).toEqual({
      error: { code: "body_too_large", message: "The request body is larger than 64 KB." },
    });
    expect(meter.pulled).toBeLessThanOrEqual(API_BODY_LIMIT_BYTES + 2 * CHUNK);
  });

  it("reads JSON sent in chunks without a length", async () => {
    const parts = ['{"a"', ":", "42}"].map((part) => new TextEncoder().encode(part));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const part = parts.shift();
        if (part) controller.enqueue(part);
        else controller.close();
      },
    });
    expect(await readJsonBody(post(stream), schema)).toEqual({ ok: true, value: { a: 42 } });
  });
});
