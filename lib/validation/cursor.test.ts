import { describe, expect, it } from "vitest";
import { newId } from "../ids";
import { decodeCursor, decodePageCursor, encodeCursor, encodePageCursor } from "./cursor";

describe("connection list cursors", () => {
  it("round-trips the position of a real connection id", () => {
    const cursor = { createdAt: new Date("2026-02-03T04:05:06.789Z"), id: newId("conn") };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it("round-trips the epoch and ids with URL-safe punctuation", () => {
    for (const cursor of [
      { createdAt: new Date(0), id: "conn_a" },
      { createdAt: new Date(1_767_225_600_000), id: "conn_-_x-y_Z9" },
    ]) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    }
  });

  it("is not readable as plain text in a URL", () => {
    const text = encodeCursor({ createdAt: new Date(1_700_000_000_000), id: "conn_abc" });
    expect(text).not.toContain("conn_abc");
    expect(text).not.toContain("1700000000000");
  });

  it.for([
    "",
    "garbage",
    "!!!not base64!!!",
    Buffer.from("1700000000000").toString("base64url"),
    Buffer.from("1700000000000.").toString("base64url"),
    Buffer.from(".conn_abc").toString("base64url"),
    Buffer.from("soon.conn_abc").toString("base64url"),
    Buffer.from("-5.conn_abc").toString("base64url"),
    Buffer.from("1700000000000.conn abc").toString("base64url"),
    Buffer.from("1700000000000.conn_abc' OR 1=1 --").toString("base64url"),
    Buffer.from(`1700000000000.${"a".repeat(65)}`).toString("base64url"),
    Buffer.from("1234567890123456.conn_abc").toString("base64url"),
  ])("answers null for the tampered or garbage cursor %j", (text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});

describe("dashboard page cursors", () => {
  const position = { createdAt: new Date("2026-02-03T04:05:06.789Z"), id: "conn_abc" };

  it("round-trips both directions; a forward one is exactly the API's cursor", () => {
    for (const direction of ["after", "before"] as const) {
      expect(decodePageCursor(encodePageCursor({ direction, position }))).toEqual({
        direction,
        position,
      });
    }
    expect(encodePageCursor({ direction: "after", position })).toBe(encodeCursor(position));
  });

  it("keeps backward cursors out of the forward-only decoder", () => {
    expect(decodeCursor(encodePageCursor({ direction: "before", position }))).toBeNull();
  });

  it.for([
    "",
    "garbage",
    Buffer.from("b.").toString("base64url"),
    Buffer.from("b.b.1700000000000.conn_abc").toString("base64url"),
    Buffer.from("x.1700000000000.conn_abc").toString("base64url"),
    Buffer.from("b.1700000000000.conn abc").toString("base64url"),
    Buffer.from("b.1234567890123456.conn_abc").toString("base64url"),
  ])("answers null for the tampered page cursor %j", (text) => {
    expect(decodePageCursor(text)).toBeNull();
  });
});
