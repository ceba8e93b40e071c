import { describe, expect, it } from "vitest";
import { localizeMessage } from "../i18n/localize";
import { connectFormSchema, siteChoiceSchema } from "./connect";
import { createConnectSessionSchema } from "./connect-session";

/** The messages a failed parse carries, keyed by the dotted path of the field they belong to. */
type ParseResult =
  | { success: true }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

function problems(result: ParseResult): Record<string, string[]> {
  if (result.success) throw new Error("expected the input to be refused");
  const byPath: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    // The schema's messages are catalog keys; these tests read them as an English reader does.
    (byPath[issue.path.map(String).join(".")] ??= []).push(
      localizeMessage("en", issue.message, { domain: "atlassian.net" }),
    );
  }
  return byPath;
}

const form = { clientId: "abc123", clientSecret: "s3cr3t" };

describe("connectFormSchema", () => {
  it("trims the Client ID and secret a person pasted", () => {
    expect(connectFormSchema.parse({ clientId: "  abc123\n", clientSecret: "\ts3cr3t  " })).toEqual(
      { clientId: "abc123", clientSecret: "s3cr3t" },
    );
  });

  it("normalises the subdomain however it was typed", () => {
    for (const subdomain of [
      "acme",
      " ACME ",
      "acme.atlassian.net",
      "https://acme.atlassian.net/jira",
    ]) {
      expect(connectFormSchema.parse({ ...form, subdomain }).subdomain).toBe("acme");
    }
  });

  it("treats an empty or blank subdomain as none", () => {
    expect(connectFormSchema.parse({ ...form, subdomain: "" }).subdomain).toBeUndefined();
    expect(connectFormSchema.parse({ ...form, subdomain: "   " }).subdomain).toBeUndefined();
    expect(connectFormSchema.parse(form).subdomain).toBeUndefined();
  });

  it("refuses a subdomain that is not one, with help on the subdomain field", () => {
    for (const subdomain of [
      "acme.example.com",
      "ac",
      "https://evil.com:8080/acme.atlassian.net",
    ]) {
      const found = problems(connectFormSchema.safeParse({ ...form, subdomain }));
      expect(Object.keys(found)).toEqual(["subdomain"]);
      expect(found.subdomain![0]).toMatch(/part before \.atlassian\.net/);
    }
  });

  it("refuses an overlong subdomain on the subdomain field", () => {
    const found = problems(connectFormSchema.safeParse({ ...form, subdomain: "a".repeat(301) }));
    expect(found.subdomain).toContain("That is too long for a subdomain.");
  });

  it("asks for a missing or blank Client ID on its field", () => {
    const found = problems(
      connectFormSchema.safeParse({ clientId: "   ", clientSecret: "s3cr3t" }),
    );
    expect(found).toEqual({
      clientId: [
        "Enter the Client ID from the credential you created in Atlassian Administration.",
      ],
    });
  });

  it("asks for a missing or blank Client Secret on its field", () => {
    const found = problems(connectFormSchema.safeParse({ clientId: "abc123", clientSecret: " " }));
    expect(found).toEqual({
      clientSecret: ["Enter the Client Secret shown when you created the credential."],
    });
  });

  it("reports every bad field at once", () => {
    const found = problems(
      connectFormSchema.safeParse({ subdomain: "-bad-", clientId: "", clientSecret: "" }),
    );
    expect(Object.keys(found).sort()).toEqual(["clientId", "clientSecret", "subdomain"]);
  });

  it("refuses a pasted blob far longer than a Client ID or secret", () => {
    const found = problems(
      connectFormSchema.safeParse({ clientId: "x".repeat(257), clientSecret: "y".repeat(1025) }),
    );
    expect(found.clientId![0]).toMatch(/too long for a Client ID/);
    expect(found.clientSecret![0]).toMatch(/too long for a Client Secret/);
  });
});

describe("siteChoiceSchema", () => {
  it("asks for a site when none was chosen", () => {
    expect(problems(siteChoiceSchema.safeParse({ site: "" }))).toEqual({
      site: ["Choose the site to connect."],
    });
    expect(siteChoiceSchema.parse({ site: "cloud-1" })).toEqual({ site: "cloud-1" });
  });
});

describe("createConnectSessionSchema", () => {
  const endUser = { id: "user-42" };

  it("accepts an end user with an id, e-mail and display name", () => {
    expect(
      createConnectSessionSchema.parse({
        end_user: { id: " user-42 ", email: "ada@example.com", display_name: " Ada " },
      }),
    ).toEqual({ end_user: { id: "user-42", email: "ada@example.com", display_name: "Ada" } });
  });

  it("requires end_user.id", () => {
    expect(problems(createConnectSessionSchema.safeParse({ end_user: { id: "  " } }))).toEqual({
      "end_user.id": ["is required"],
    });
    expect(Object.keys(problems(createConnectSessionSchema.safeParse({ end_user: {} })))).toEqual([
      "end_user.id",
    ]);
    expect(Object.keys(problems(createConnectSessionSchema.safeParse({})))).toEqual(["end_user"]);
  });

  it("validates end_user.email", () => {
    expect(
      problems(
        createConnectSessionSchema.safeParse({ end_user: { ...endUser, email: "not-mail" } }),
      ),
    ).toEqual({ "end_user.email": ["must be an e-mail address"] });
  });

  it("normalises the subdomain like the connect form does", () => {
    expect(
      createConnectSessionSchema.parse({
        end_user: endUser,
        subdomain: "https://ACME.atlassian.net/",
      }).subdomain,
    ).toBe("acme");
    expect(
      Object.keys(
        problems(
          createConnectSessionSchema.safeParse({ end_user: endUser, subdomain: "evil.com" }),
        ),
      ),
    ).toEqual(["subdomain"]);
  });

  it("accepts origins with a scheme, host and optional port", () => {
    expect(
      createConnectSessionSchema.parse({
        end_user: endUser,
        allowed_origins: [
          "https://app.example.com",
          "http://127.0.0.2:3000",
          "https://app.example.com/",
          "https://APP.Example.com:443",
        ],
      }).allowed_origins,
    ).toEqual([
      "https://app.example.com",
      "http://127.0.0.2:3000",
      "https://app.example.com",
      // Spelled as browsers send it in the Origin header, since origins are compared as strings.
      "https://app.example.com",
    ]);
  });

  it.for([
    "https://app.example.com/path",
    "https://app.example.com?x=1",
    "javascript:alert(1)",
    "*",
    "app.example.com",
    "ftp://app.example.com",
    "https://user@app.example.com",
    "",
  ])("refuses %j as an allowed origin, naming its position", (origin) => {
    const found = problems(
      createConnectSessionSchema.safeParse({
        end_user: endUser,
        allowed_origins: ["https://ok.example.com", origin],
      }),
    );
    expect(found).toEqual({
      "allowed_origins.1": [
        "must be an origin: scheme, host and optional port, like https://app.example.com",
      ],
    });
  });

  it("caps the number of allowed origins", () => {
    const origins = Array.from({ length: 21 }, (_, i) => `https://app${i}.example.com`);
    expect(
      Object.keys(
        problems(
          createConnectSessionSchema.safeParse({ end_user: endUser, allowed_origins: origins }),
        ),
      ),
    ).toEqual(["allowed_origins"]);
  });
});
