import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileString, longString } from "../../testing/fuzz";
import { openApiValidator } from "../../testing/openapi-validator";
import { ORIGIN_PATTERN, createConnectSessionSchema } from "../validation/connect-session";
import { listConnectionsQuerySchema } from "../validation/connections-query";
import { buildOpenApiDocument, type JsonSchema } from "./openapi";

/**
 * The OpenAPI document's request schemas against the zod schemas the routes validate with, value
 * by value: a value the document accepts, the API accepts, and the other way round. (They used
 * to disagree: the document took a blank end_user.id, "not an origin" as an origin and a
 * subdomain with spaces, all of which the API refuses.)
 */

const document = buildOpenApiDocument({ publicUrl: "https://latch.example.com" });
const { problems } = openApiValidator(document);
const RUNS = 400;

function at(schema: JsonSchema | undefined, ...path: string[]): JsonSchema {
  let current = schema;
  for (const name of path)
    current = name === "items" ? current?.items : current?.properties?.[name];
  if (!current) throw new Error(`no schema at ${path.join(".")}`);
  return current;
}
const body = document.components.schemas.CreateConnectSessionRequest;
const parameter = (name: string) =>
  document.paths["/api/v1/connections"]!.get!.parameters!.find((p) => p.name === name)!.schema;

/** Each field on its own, in a body that is otherwise valid. */
const accepts = {
  endUserId: (value: unknown) =>
    createConnectSessionSchema.safeParse({ end_user: { id: value } }).success,
  displayName: (value: unknown) =>
    createConnectSessionSchema.safeParse({ end_user: { id: "u", display_name: value } }).success,
  email: (value: unknown) =>
    createConnectSessionSchema.safeParse({ end_user: { id: "u", email: value } }).success,
  subdomain: (value: unknown) =>
    createConnectSessionSchema.safeParse({ end_user: { id: "u" }, subdomain: value }).success,
  origin: (value: unknown) =>
    createConnectSessionSchema.safeParse({ end_user: { id: "u" }, allowed_origins: [value] })
      .success,
  endUserIdQuery: (value: string) =>
    listConnectionsQuerySchema.safeParse({ end_user_id: value }).success,
};

function expectAgreement(schema: JsonSchema, server: (value: string) => boolean, value: string) {
  const documented = problems(schema, value);
  expect(
    documented.length === 0,
    `${JSON.stringify(value)}: document says ${documented.join("; ") || "valid"}`,
  ).toBe(server(value));
}

const WHITESPACE = [" ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u200a"];
const padding = fc
  .array(fc.constantFrom(...WHITESPACE), { maxLength: 3 })
  .map((parts) => parts.join(""));
/** Text around the limits: blank, padded, 254–256 characters (some of them emoji), NUL… */
const text = fc.oneof(
  hostileString(300),
  fc.string({ maxLength: 300, unit: "grapheme" }),
  fc
    .tuple(
      padding,
      fc.constantFrom("a", "😀", "é", " ", "\u0000", "\ud800", "\udc00", "\ud83d\ude00"),
      fc.integer({ min: 0, max: 257 }),
      fc.constantFrom("", "b", "😀", "\u0000", "\udfff"),
      padding,
    )
    .map(([before, piece, times, end, after]) => before + piece.repeat(times) + end + after),
  fc.tuple(padding, fc.string({ maxLength: 20 }), padding).map((parts) => parts.join("")),
);

describe("the document's request schemas accept exactly what the API accepts", () => {
  it("end_user.id and end_user_id: trimmed, not blank, 255 characters, storable", () => {
    expect(accepts.endUserId("   ")).toBe(false);
    expect(problems(at(body, "end_user", "id"), "   ")).not.toEqual([]);
    fc.assert(
      fc.property(text, (value) => {
        expectAgreement(at(body, "end_user", "id"), accepts.endUserId, value);
        expectAgreement(parameter("end_user_id"), accepts.endUserIdQuery, value);
      }),
      { numRuns: RUNS },
    );
  });

  it("end_user.display_name: trimmed, 255 characters, storable, blank allowed", () => {
    fc.assert(
      fc.property(text, (value) =>
        expectAgreement(at(body, "end_user", "display_name"), accepts.displayName, value),
      ),
      { numRuns: RUNS },
    );
  });

  it("end_user.email: zod's own pattern, as the API checks it", () => {
    const email = fc.oneof(
      fc.emailAddress(),
      hostileString(400),
      fc.constantFrom("a@b", "a@b.c", "a@b.co", " a@b.co", "a..b@c.de", ".a@b.cd", "a@-b.cd"),
      fc.emailAddress().map((address) => `${address}${" ".repeat(2)}`),
      fc.emailAddress().map((address) => `${"a".repeat(310)}${address}`),
    );
    fc.assert(
      fc.property(email, (value) =>
        expectAgreement(at(body, "end_user", "email"), accepts.email, value),
      ),
      { numRuns: RUNS },
    );
  });

  it("subdomain: blank, or a site's subdomain, optionally as its address", () => {
    for (const refused of ["a b", "acme corp", "evil.com", "ac", "-acme", "ac--me"]) {
      expect(accepts.subdomain(refused), refused).toBe(false);
      expect(problems(at(body, "subdomain"), refused), refused).not.toEqual([]);
    }
    const label = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,70}$/),
      fc.stringMatching(/^[a-z0-9]{1,3}$/),
      fc
        .array(fc.constantFrom("a", "Z", "0", "-", "\u212a", "é", "_", "."), {
          minLength: 1,
          maxLength: 66,
        })
        .map((chars) => chars.join("")),
    );
    const subdomain = fc.oneof(
      hostileString(400),
      fc
        .tuple(
          padding,
          fc.constantFrom("", "https://", "http://", "HTTPS://", "hTtP://", "ftp://", "https:/"),
          label,
          fc.constantFrom(
            "",
            ".atlassian.net",
            ".atlassian.net.",
            ".ATLASSIAN.NET",
            ".atlassian.net..",
            ".atlassian.com",
            ".jira.com",
            // Sites on their own domains, and hosts that only look like them.
            ".acme.co.uk",
            ".example.xn--p1ai",
            ".example.xn--",
            ".example.c0m",
            ".x.atlassian.net",
            ".atlassian-us-gov-mod.net",
            "..example.com",
          ),
          fc.constantFrom("", "/", "/jira/x?y#z", "?x", "#", "/a b", "/a\nb", "/\u2028", "/😀"),
          padding,
        )
        .map((parts) => parts.join("")),
      longString(320).map((tail) => `acme/${tail}`),
    );
    fc.assert(
      fc.property(subdomain, (value) =>
        expectAgreement(at(body, "subdomain"), accepts.subdomain, value),
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("allowed_origins: an origin, as the pattern spells it", () => {
    for (const refused of ["not an origin", "https://app.example/path", "https://u@app.example"]) {
      expect(accepts.origin(refused), refused).toBe(false);
      expect(problems(at(body, "allowed_origins", "items"), refused), refused).not.toEqual([]);
    }
    const host = fc.oneof(
      fc.domain(),
      fc.constantFrom(
        "localhost",
        "127.0.0.1",
        "255.255.255.255",
        "256.1.1.1",
        "1.2.3",
        "010.0.0.1",
        "0x7f.1",
        "[::1]",
        "[::]",
        "[1:2:3:4:5:6:7:8]",
        "[1::2:3:4:5:6:7]",
        "[1:2:3:4:5:6:7::]",
        "[::ffff:127.0.0.1]",
        "[1:2:3:4:5:6:7:8:9]",
        "[:::1]",
        "[fe80::1%25eth0]",
        "xn--bcher-kva.example",
        "bücher.example",
        "app.example.",
        "a_b.example",
        "-a.example",
        "a.example.123",
        "APP.Example.COM",
      ),
      fc.ipV4(),
      fc.ipV6().map((address) => `[${address}]`),
    );
    const origin = fc.oneof(
      hostileString(100),
      fc.webUrl(),
      fc
        .tuple(
          fc.constantFrom("https://", "http://", "HTTPS://", "ftp://", "https:", "https:\\\\", ""),
          host,
          fc.constantFrom("", ":443", ":80", ":0", ":65535", ":65536", ":08080", ":", ":x"),
          fc.constantFrom("", "/", "//", "/x", "?", "#", " ", "\t", "/?"),
        )
        .map((parts) => parts.join("")),
      // Whatever the pattern allows, the API must take (an xn-- label aside: it must also be
      // valid Punycode, as the field's description says).
      fc
        .stringMatching(new RegExp(ORIGIN_PATTERN))
        .filter((value) => !/(?:^|[/.])xn--/i.test(value)),
    );
    fc.assert(
      fc.property(origin, (value) =>
        expectAgreement(at(body, "allowed_origins", "items"), accepts.origin, value),
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("says an invalid Punycode label is refused, since its pattern cannot", () => {
    const items = at(body, "allowed_origins", "items");
    expect(problems(items, "https://xn--zz.example")).toEqual([]);
    expect(accepts.origin("https://xn--zz.example")).toBe(false);
    expect(items.description).toMatch(/xn-- form, which must be valid Punycode/);
    expect(accepts.origin("https://xn--bcher-kva.example")).toBe(true);
  });
});
