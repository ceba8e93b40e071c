import { describe, expect, it } from "vitest";
import { isLatchErrorBody, latchErrorFrom, parseRetryAfter } from "./errors";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-06-01T12:00:00Z");

  it("reads delay-seconds and HTTP dates as seconds from now", () => {
    expect(parseRetryAfter("17", now)).toBe(17);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Mon, 01 Jun 2026 12:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Mon, 01 Jun 2026 11:00:00 GMT", now)).toBe(0);
  });

  it("is null when absent or unreadable", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-3", now)).toBeNull();
  });
});

describe("latchErrorFrom", () => {
  it("takes status, code, message, Retry-After and the request id from Latch's answer", () => {
    const response = new Response(null, {
      status: 429,
      headers: { "retry-after": "12", "x-request-id": "req-1" },
    });
    const error = latchErrorFrom(response, {
      error: { code: "rate_limited", message: "Retry in 12 seconds." },
    });
    expect(error).toMatchObject({
      name: "LatchError",
      status: 429,
      code: "rate_limited",
      message: "Retry in 12 seconds.",
      retryAfter: 12,
      requestId: "req-1",
    });
    expect(error).toBeInstanceOf(Error);
  });

  it("names an answer that is not Latch's without repeating its body", () => {
    const error = latchErrorFrom(new Response(null, { status: 502 }), "<html>proxy</html>");
    expect(error).toMatchObject({ status: 502, code: "unexpected_response", retryAfter: null });
    expect(error.message).not.toContain("html");
  });
});

describe("isLatchErrorBody", () => {
  it("is Latch's shape only: a snake_case code and a message", () => {
    expect(isLatchErrorBody({ error: { code: "connection_revoked", message: "…" } })).toBe(true);
    for (const other of [
      null,
      "error",
      { error: "invalid_grant", error_description: "…" },
      { errorMessages: ["Issue does not exist"], errors: {} },
      { code: 401, message: "Unauthorized" },
      { errors: [{ status: 404, code: "NOT_FOUND", title: "Not Found" }] },
      { error: { code: 404, message: "…" } },
      { error: { code: "NotFound", message: "…" } },
    ]) {
      expect(isLatchErrorBody(other), JSON.stringify(other)).toBe(false);
    }
  });
});
