import { describe, expect, it } from "vitest";
import { HOST_SPELLINGS } from "../../testing/host-spellings";
import {
  allowedOriginsSchema,
  allowedOriginsTextSchema,
  apiKeyNameSchema,
  createWorkspaceSchema,
  renameWorkspaceSchema,
  requiredScopesSchema,
  themeSettingsSchema,
  webhookSettingsSchema,
  webhookSettingsSchemaFor,
  webhookUrlSchema,
  webhookUrlSchemaFor,
  workspaceNameSchema,
} from "./settings";

function errorOf(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => issue.message).join(" ");
}

describe("workspace and key names", () => {
  it("trims and accepts 1 to 100 characters", () => {
    expect(workspaceNameSchema.parse("  Acme  ")).toBe("Acme");
    expect(apiKeyNameSchema.parse(" Production backend ")).toBe("Production backend");
    expect(workspaceNameSchema.parse("x".repeat(100))).toHaveLength(100);
  });

  it("refuses empty, blank and over-long names", () => {
    for (const schema of [workspaceNameSchema, apiKeyNameSchema]) {
      expect(schema.safeParse("").success).toBe(false);
      expect(schema.safeParse("   ").success).toBe(false);
      expect(errorOf(schema.safeParse("x".repeat(101)))).toMatch(/at most 100/);
    }
  });

  it("reads each form's own field", () => {
    expect(renameWorkspaceSchema.parse({ workspaceName: " A " })).toEqual({ workspaceName: "A" });
    expect(createWorkspaceSchema.parse({ newWorkspaceName: "B" })).toEqual({
      newWorkspaceName: "B",
    });
  });
});

describe("allowed origins text", () => {
  it("reads one origin per line, skipping blank lines, normalised and deduplicated", () => {
    const text =
      "https://App.Example.com\n\n  http://localhost:3000/  \r\nhttps://app.example.com:443\n";
    expect(allowedOriginsTextSchema.parse(text)).toEqual([
      "https://app.example.com",
      "http://localhost:3000",
    ]);
  });

  it("answers an empty list for an empty textarea", () => {
    expect(allowedOriginsTextSchema.parse("")).toEqual([]);
    expect(allowedOriginsSchema.parse({ origins: " \n \n" })).toEqual({ origins: [] });
  });

  it("names the offending line, counting blank lines", () => {
    const message = errorOf(
      allowedOriginsTextSchema.safeParse("https://ok.example\n\napp.example.com"),
    );
    expect(message).toBe(
      "Line 3: “app.example.com” is not an origin. Did you mean https://app.example.com?",
    );
  });

  it("repeats the bad value and suggests the origin it probably meant", () => {
    const messageFor = (line: string) => errorOf(allowedOriginsTextSchema.safeParse(line));
    expect(messageFor("acme.com")).toBe(
      "Line 1: “acme.com” is not an origin. Did you mean https://acme.com?",
    );
    expect(messageFor("https://a.example/path?x=1")).toMatch(
      /Did you mean https:\/\/a\.example\?$/,
    );
    expect(messageFor("ftp://a.example:8080")).toMatch(/Did you mean https:\/\/a\.example:8080\?$/);
    expect(messageFor("*")).toBe(
      "Line 1: “*” is not an origin. Write the scheme, host and optional port, like https://app.example.com.",
    );
    expect(messageFor(`https://${"a".repeat(100)}.example/x`)).toMatch(
      /^Line 1: “https:\/\/a{50,}…” is not/,
    );
  });

  it("refuses paths, queries, credentials and other schemes", () => {
    for (const bad of [
      "https://a.example/path",
      "https://a.example?x=1",
      "https://user@a.example",
      "ftp://a.example",
      "*",
      "null",
    ]) {
      expect(errorOf(allowedOriginsTextSchema.safeParse(`https://ok.example\n${bad}`))).toMatch(
        /^Line 2: /,
      );
    }
  });

  it("reports several bad lines in one message, then how many more", () => {
    const text = ["a", "b", "https://ok.example", "c", "d", "e"].join("\n");
    expect(errorOf(allowedOriginsTextSchema.safeParse(text))).toMatch(
      /^Line 1: .+ Line 2: .+ Line 4: .+ 2 more lines to fix\.$/,
    );
  });

  it("allows at most 20 distinct origins", () => {
    const origins = (count: number) =>
      Array.from({ length: count }, (_, i) => `https://site${i}.example`).join("\n");
    expect(allowedOriginsTextSchema.parse(origins(20))).toHaveLength(20);
    expect(errorOf(allowedOriginsTextSchema.safeParse(origins(21)))).toMatch(
      /at most 20 origins; this has 21/,
    );
    // Duplicates do not count against the limit.
    const repeated = `${origins(20)}\n${origins(20)}`;
    expect(allowedOriginsTextSchema.parse(repeated)).toHaveLength(20);
  });
});

describe("theme settings", () => {
  const blank = { displayName: "", logoUrl: "", primaryColor: "", themeMode: "system" };
  const fieldError = (input: Record<string, string>, field: string) => {
    const result = themeSettingsSchema.safeParse({ ...blank, ...input });
    expect(result.success).toBe(false);
    return result.error!.issues.find((issue) => issue.path[0] === field)?.message;
  };

  it("reads blank fields as not set", () => {
    expect(themeSettingsSchema.parse({ ...blank, displayName: "   " })).toEqual({
      displayName: null,
      logoUrl: null,
      primaryColor: null,
      themeMode: "system",
    });
  });

  it("trims and normalises what is set", () => {
    expect(
      themeSettingsSchema.parse({
        displayName: "  Acme Cloud ",
        logoUrl: " https://CDN.acme.example/logo.svg ",
        primaryColor: " #25E ",
        themeMode: "dark",
      }),
    ).toEqual({
      displayName: "Acme Cloud",
      logoUrl: "https://cdn.acme.example/logo.svg",
      primaryColor: "#2255ee",
      themeMode: "dark",
    });
  });

  it("parses its own output to the same values", () => {
    const once = themeSettingsSchema.parse({
      displayName: "Acme",
      logoUrl: "https://x.example/a b.png",
      primaryColor: "#ABC",
      themeMode: "light",
    });
    const asText = Object.fromEntries(Object.entries(once).map(([key, v]) => [key, v ?? ""]));
    expect(themeSettingsSchema.parse(asText)).toEqual(once);
  });

  it("allows a display name of at most 60 characters", () => {
    expect(themeSettingsSchema.parse({ ...blank, displayName: "x".repeat(60) }).displayName).toBe(
      "x".repeat(60),
    );
    expect(fieldError({ displayName: "x".repeat(61) }, "displayName")).toMatch(/at most 60/);
  });

  it("wants an https logo, or http on this machine", () => {
    expect(
      themeSettingsSchema.parse({ ...blank, logoUrl: "http://localhost:3000/l.png" }),
    ).toMatchObject({ logoUrl: "http://localhost:3000/l.png" });
    expect(fieldError({ logoUrl: "http://cdn.example/l.png" }, "logoUrl")).toBe(
      "Use an https address; browsers block other images on the secure connect form. Did you mean https://cdn.example/l.png?",
    );
    expect(fieldError({ logoUrl: "javascript:alert(1)" }, "logoUrl")).toMatch(
      /^Use an https.+form\.$/,
    );
    expect(fieldError({ logoUrl: "logo.png" }, "logoUrl")).toBe(
      "“logo.png” is not a full address. Enter the full address of an image, like https://example.com/logo.png.",
    );
    expect(fieldError({ logoUrl: "cdn.example.com/logo.png" }, "logoUrl")).toBe(
      "“cdn.example.com/logo.png” is not a full address. Did you mean https://cdn.example.com/logo.png?",
    );
    expect(fieldError({ logoUrl: "https://u:p@cdn.example/l.png" }, "logoUrl")).toBe(
      "Leave out the user name and password. Did you mean https://cdn.example/l.png?",
    );
    const long = `https://x.example/${"a".repeat(2040)}`;
    expect(fieldError({ logoUrl: long }, "logoUrl")).toMatch(/at most 2048/);
  });

  it("wants a hex colour, suggesting the one it probably meant", () => {
    for (const bad of ["blue", "#2563e"]) {
      expect(fieldError({ primaryColor: bad }, "primaryColor")).toBe(
        `“${bad}” is not a hex colour. Enter one like #2563eb.`,
      );
    }
    for (const [bad, meant] of [
      ["2563eb", "#2563eb"],
      ["fff", "#ffffff"],
      ["rgb(0,0,0)", "#000000"],
      ["rgb(37, 99, 235)", "#2563eb"],
    ] as const) {
      expect(fieldError({ primaryColor: bad }, "primaryColor")).toBe(
        `“${bad}” is not a hex colour. Did you mean ${meant}?`,
      );
    }
    // Three digits are a colour already, stored as the six they stand for.
    expect(themeSettingsSchema.parse({ ...blank, primaryColor: "#fff" }).primaryColor).toBe(
      "#ffffff",
    );
  });

  it("knows three theme modes", () => {
    for (const mode of ["light", "dark", "system"]) {
      expect(themeSettingsSchema.parse({ ...blank, themeMode: mode }).themeMode).toBe(mode);
    }
    expect(fieldError({ themeMode: "sepia" }, "themeMode")).toMatch(/light, dark or/);
    expect(fieldError({ themeMode: "" }, "themeMode")).toBeDefined();
  });
});

describe("webhook settings", () => {
  it("reads a blank address as no webhook", () => {
    expect(webhookUrlSchema.parse("")).toBeNull();
    expect(webhookSettingsSchema.parse({ webhookUrl: "   " })).toEqual({ webhookUrl: null });
  });

  it("trims and normalises an https address, keeping path and query", () => {
    expect(webhookUrlSchema.parse(" https://Hooks.Example.com:443/latch?token=a b#frag ")).toBe(
      "https://hooks.example.com/latch?token=a%20b",
    );
    expect(webhookUrlSchema.parse("https://hooks.example.com")).toBe("https://hooks.example.com/");
  });

  it("refuses every spelling of a private, loopback or special host, saying why", () => {
    for (const [spelling] of HOST_SPELLINGS) {
      for (const url of [spelling, spelling.replace("https:", "http:")]) {
        expect(errorOf(webhookUrlSchema.safeParse(url)), url).toMatch(
          /^Webhooks cannot be sent to \S+: it is .+\. Use a public https address, or set ALLOW_PRIVATE_WEBHOOKS=true for private networks\.$/,
        );
      }
    }
    const messageFor = (url: string) => errorOf(webhookUrlSchema.safeParse(url));
    expect(messageFor("https://2130706433/")).toMatch(
      /^Webhooks cannot be sent to 127\.0\.0\.1: it is a loopback address\./,
    );
    expect(messageFor("https://169.254.169.254/latest/meta-data/")).toMatch(
      /^Webhooks cannot be sent to 169\.254\.169\.254: it is the cloud metadata address/,
    );
    expect(messageFor("https://[::ffff:7f00:1]:8080/")).toMatch(
      /^Webhooks cannot be sent to \[::ffff:7f00:1\]: it is an IPv4-mapped address of 127\.0\.0\.1, a loopback address\./,
    );
    expect(messageFor("https://localhost.:3000/")).toMatch(
      /^Webhooks cannot be sent to localhost: it is a name for this machine\./,
    );
    expect(messageFor("https://100.64.0.1/")).toMatch(/carrier-grade NAT/);
    expect(messageFor("https://[fd00::1]/")).toMatch(/unique-local/);
  });

  it("accepts public addresses, by name or IP, on any port", () => {
    for (const url of [
      "https://hooks.example.com/latch",
      "https://8.8.8.8:8443/hook",
      "https://[2606:4700:4700::1111]/",
      "https://[::ffff:808:808]/",
      "https://localhost.evil.example/",
    ]) {
      expect(webhookUrlSchema.parse(url)).toBe(url);
    }
    expect(webhookUrlSchema.parse("https://134744072/")).toBe("https://8.8.8.8/");
  });

  it("allows plain http nowhere by default", () => {
    expect(errorOf(webhookUrlSchema.safeParse("http://hooks.example.com/x"))).toBe(
      "Use an https address. Did you mean https://hooks.example.com/x?",
    );
    expect(errorOf(webhookUrlSchema.safeParse("http://localhost.evil.example/"))).toMatch(
      /^Use an https address\./,
    );
  });

  it("with private addresses allowed, takes them, and plain http only on this machine", () => {
    const allowing = webhookUrlSchemaFor({ allowPrivate: true });
    for (const [spelling] of HOST_SPELLINGS) {
      expect(allowing.safeParse(spelling).success, spelling).toBe(true);
    }
    for (const local of [
      "http://localhost:4000/hook",
      "http://127.0.0.1:4000/hook",
      "http://[::1]:4000/hook",
      "http://api.localhost:4000/hook",
    ]) {
      expect(allowing.parse(local)).toBe(local);
    }
    expect(allowing.parse("http://2130706433:4000/")).toBe("http://127.0.0.1:4000/");
    for (const remote of [
      "http://hooks.example.com/",
      "http://10.0.0.5/",
      "http://localhost.evil.example/",
    ]) {
      expect(errorOf(allowing.safeParse(remote))).toMatch(
        /^Use an https address; plain http is allowed only for a receiver on this machine/,
      );
    }
    const form = webhookSettingsSchemaFor({ allowPrivate: true });
    expect(form.parse({ webhookUrl: "https://10.0.0.5/" })).toEqual({
      webhookUrl: "https://10.0.0.5/",
    });
  });

  it("refuses other schemes, credentials, non-addresses and over-long ones", () => {
    expect(errorOf(webhookUrlSchema.safeParse("ftp://hooks.example.com/"))).toMatch(/https/);
    expect(errorOf(webhookUrlSchema.safeParse("javascript:alert(1)"))).toMatch(/https/);
    expect(errorOf(webhookUrlSchema.safeParse("hooks.example.com/latch"))).toBe(
      "“hooks.example.com/latch” is not the full address of your endpoint. Did you mean https://hooks.example.com/latch?",
    );
    expect(errorOf(webhookUrlSchema.safeParse("latch"))).toBe(
      "“latch” is not the full address of your endpoint. Write it like https://api.example.com/latch.",
    );
    expect(errorOf(webhookUrlSchema.safeParse("https://me:pw@hooks.example.com/"))).toBe(
      "Leave out the user name and password; verify deliveries by their signature. Did you mean https://hooks.example.com/?",
    );
    // No fix is offered that would itself be refused.
    expect(errorOf(webhookUrlSchema.safeParse("10.0.0.5/hook"))).toMatch(/Write it like/);
    const long = `https://hooks.example.com/${"a".repeat(2040)}`;
    expect(errorOf(webhookUrlSchema.safeParse(long))).toMatch(/at most 2048/);
  });

  it("puts its message on the webhookUrl field", () => {
    for (const webhookUrl of ["http://hooks.example.com/", "https://127.1/"]) {
      const result = webhookSettingsSchema.safeParse({ webhookUrl });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.path).toEqual(["webhookUrl"]);
    }
  });
});

describe("requiredScopesSchema", () => {
  it("takes scopes separated by spaces, commas or lines, lowercased and once each", () => {
    expect(
      requiredScopesSchema.parse({
        requiredScopes:
          " read:jira-work, WRITE:jira-work\nread:confluence-content.all read:jira-work ",
      }),
    ).toEqual({
      requiredScopes: ["read:jira-work", "write:jira-work", "read:confluence-content.all"],
    });
    expect(requiredScopesSchema.parse({ requiredScopes: "  " })).toEqual({ requiredScopes: [] });
  });

  it("names what is not a scope", () => {
    const result = requiredScopesSchema.safeParse({ requiredScopes: "read:jira-work jira <b>" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "“jira” and “<b>” are not OAuth scopes. Write scopes like read:jira-work, separated by spaces or commas.",
    );
  });

  it("suggests the scopes a stray space, semicolon or quote broke", () => {
    const messageFor = (requiredScopes: string) =>
      requiredScopesSchema.safeParse({ requiredScopes }).error?.issues[0]?.message;
    expect(messageFor("read: jira-work")).toBe(
      "“read:” and “jira-work” are not OAuth scopes. Did you mean read:jira-work?",
    );
    expect(messageFor("read:jira-work;write:jira-work")).toBe(
      "“read:jira-work;write:jira-work” is not an OAuth scope. Did you mean read:jira-work write:jira-work?",
    );
    expect(messageFor('"read:jira-work"')).toMatch(/Did you mean read:jira-work\?$/);
    expect(messageFor("a b c d e")).toMatch(/^“a”, “b”, “c” and 2 more are not OAuth scopes\./);
  });
});
