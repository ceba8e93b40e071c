import { describe, expect, it } from "vitest";
import { readHostMessage } from "./protocol";

const parent = { name: "parent window" };
const expected = { origin: "https://app.example.com", parent };
const session = { source: "latch", type: "session", token: "lcs_abc" };

describe("readHostMessage", () => {
  it("accepts the session token from the parent, on the expected origin", () => {
    expect(
      readHostMessage({ origin: expected.origin, source: parent, data: session }, expected),
    ).toEqual(session);
    expect(
      readHostMessage(
        {
          origin: expected.origin,
          source: parent,
          data: { source: "latch", type: "close_request" },
        },
        expected,
      ),
    ).toEqual({ source: "latch", type: "close_request" });
  });

  it("ignores messages from another origin or another window", () => {
    expect(
      readHostMessage({ origin: "https://evil.example", source: parent, data: session }, expected),
    ).toBeNull();
    expect(
      readHostMessage(
        { origin: expected.origin, source: { other: true }, data: session },
        expected,
      ),
    ).toBeNull();
  });

  it("ignores anything not shaped like a Latch message", () => {
    for (const data of [
      null,
      "lcs_abc",
      { type: "session", token: "lcs_abc" },
      { source: "latch", type: "session", token: 42 },
      { source: "latch", type: "session", token: "x".repeat(500) },
      { source: "latch", type: "connected" },
    ]) {
      expect(
        readHostMessage({ origin: expected.origin, source: parent, data }, expected),
      ).toBeNull();
    }
  });
});
