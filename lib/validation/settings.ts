import { z } from "zod";
import { specialHost, type SpecialAddress } from "../net/special-addresses";
import { parseHexColor } from "../theme/contrast";
import { checkLogoUrl } from "../theme/logo-url";
import { THEME_MODES } from "../theme/theme";
import { originSchema } from "./connect-session";

/** The most embedding origins a workspace may list; a Content-Security-Policy header carries them. */
export const MAX_ALLOWED_ORIGINS = 20;
// Enough for 20 long origins with blank lines between; anything bigger is not an origin list.
const MAX_ORIGINS_TEXT = 50_000;
// Past this many bad lines a longer message helps nobody.
const MAX_LINE_ERRORS = 3;

export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name for the workspace.")
  .max(100, "Use at most 100 characters.");

export const apiKeyNameSchema = z
  .string()
  .trim()
  .min(1, "Name the key after what uses it, like Production backend.")
  .max(100, "Use at most 100 characters.");

/**
 * The allowed origins textarea: one origin per line, blank lines ignored. Answers the origins
 * normalised and without duplicates; an error names the line it concerns.
 */
export const allowedOriginsTextSchema = z
  .string()
  .max(MAX_ORIGINS_TEXT, "That is too long for a list of origins.")
  .transform((text, ctx) => {
    const origins = new Set<string>();
    const problems: string[] = [];
    text.split(/\r\n|\r|\n/).forEach((raw, index) => {
      const line = raw.trim();
      if (!line) return;
      const parsed = originSchema.safeParse(line);
      if (parsed.success) origins.add(parsed.data);
      else
        problems.push(`Line ${index + 1}: ${parsed.error.issues[0]?.message ?? "is not valid"}.`);
    });
    const messages = problems.slice(0, MAX_LINE_ERRORS);
    const more = problems.length - messages.length;
    if (more > 0) messages.push(`${more} more line${more === 1 ? "" : "s"} to fix.`);
    if (origins.size > MAX_ALLOWED_ORIGINS) {
      messages.push(`List at most ${MAX_ALLOWED_ORIGINS} origins; this has ${origins.size}.`);
    }
    // One issue for the whole field: forms show one message per field, and it should name every line.
    if (messages.length) {
      ctx.addIssue({ code: "custom", message: messages.join(" ") });
      return z.NEVER;
    }
    return [...origins];
  });

const LOGO_URL_PROBLEMS = {
  too_long: "Use an address of at most 2048 characters.",
  not_a_url: "Enter the full address of an image, like https://example.com/logo.png.",
  insecure: "Use an https address; browsers block other images on the secure connect form.",
} as const;

/** An optional text field: blank means "not set", which the database keeps as null. */
const blankAsNull = (text: string) => text || null;

export const displayNameSchema = z
  .string()
  .trim()
  .max(60, "Use at most 60 characters.")
  .transform(blankAsNull);

export const logoUrlSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (!text) return null;
    const checked = checkLogoUrl(text);
    if (checked.ok) return checked.url;
    ctx.addIssue({ code: "custom", message: LOGO_URL_PROBLEMS[checked.reason] });
    return z.NEVER;
  });

export const primaryColorSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (!text) return null;
    const color = parseHexColor(text);
    if (color) return color;
    ctx.addIssue({ code: "custom", message: "Enter a colour like #2563eb." });
    return z.NEVER;
  });

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** What the instance allows webhooks to reach: `ALLOW_PRIVATE_WEBHOOKS` (lib/env). */
export type WebhookAddressPolicy = { allowPrivate: boolean };

/** The message for a webhook host that is not public, naming the host and why. */
export function privateWebhookMessage(host: string, special: SpecialAddress): string {
  return `Webhooks cannot be sent to ${host}: it is ${special.reason}. Use a public https address, or set ALLOW_PRIVATE_WEBHOOKS=true for private networks.`;
}

/**
 * The webhook's address: https, no credentials; blank removes it. Unless the policy allows
 * private addresses, a host that is an IP literal in a private or special range (any spelling
 * `new URL()` accepts, which it turns into dotted decimal or compressed IPv6) or a local name
 * (`localhost`, `*.local`, a single label) is refused here; lib/webhooks/target.ts checks what
 * a name resolves to at every delivery. Plain http is tolerated only for a receiver on this
 * machine, which needs private addresses allowed.
 */
export function webhookUrlSchemaFor(policy: WebhookAddressPolicy) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      if (!text) return null;
      const problem = (message: string) => {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      if (text.length > MAX_WEBHOOK_URL_LENGTH)
        return problem("Use an address of at most 2048 characters.");
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return problem(
          "Enter the full address of your endpoint, like https://api.example.com/latch.",
        );
      }
      const web = url.protocol === "https:" || url.protocol === "http:";
      const special = web ? specialHost(url.hostname) : null;
      if (special && !policy.allowPrivate) {
        return problem(privateWebhookMessage(url.hostname.replace(/\.+$/, ""), special));
      }
      const local = url.protocol === "http:" && special?.kind === "loopback";
      if (url.protocol !== "https:" && !local) {
        return problem(
          policy.allowPrivate
            ? "Use an https address; plain http is allowed only for a receiver on this machine."
            : "Use an https address.",
        );
      }
      // A user name or password in the address would be shown in settings and sent in clear text.
      if (url.username || url.password) {
        return problem(
          "Leave out the user name and password; verify deliveries by their signature.",
        );
      }
      url.hash = "";
      if (url.href.length > MAX_WEBHOOK_URL_LENGTH)
        return problem("Use an address of at most 2048 characters.");
      return url.href;
    });
}

/** Private addresses refused: the safe default for any caller without the instance's policy. */
export const webhookUrlSchema = webhookUrlSchemaFor({ allowPrivate: false });

/** The most scopes a workspace may require; Atlassian's whole catalogue is not much bigger. */
export const MAX_REQUIRED_SCOPES = 50;
const SCOPE = /^[a-z][a-z0-9-]*(:[a-z0-9._-]+)+$/;

/**
 * The required scopes field: OAuth scopes such as read:jira-work, separated by spaces, commas or
 * new lines (as they are copied from Atlassian's lists). Answers them lowercased, without
 * duplicates, in the order given; an error names the first few that are not scopes.
 */
export const requiredScopesTextSchema = z
  .string()
  .max(5_000, "That is too long for a list of scopes.")
  .transform((text, ctx) => {
    const words = text
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((word) => word.toLowerCase());
    const bad = words.filter((word) => !SCOPE.test(word));
    if (bad.length) {
      ctx.addIssue({
        code: "custom",
        message: `These are not OAuth scopes: ${bad.slice(0, 3).join(", ")}${bad.length > 3 ? "…" : ""}. Write scopes like read:jira-work, separated by spaces.`,
      });
      return z.NEVER;
    }
    const scopes = [...new Set(words)];
    if (scopes.length > MAX_REQUIRED_SCOPES) {
      ctx.addIssue({ code: "custom", message: `Require at most ${MAX_REQUIRED_SCOPES} scopes.` });
      return z.NEVER;
    }
    return scopes;
  });

// One schema per form; field names are unique on the settings page, since they become input ids.
export const renameWorkspaceSchema = z.object({ workspaceName: workspaceNameSchema });
export const createApiKeySchema = z.object({ keyName: apiKeyNameSchema });
export const revokeApiKeySchema = z.object({ id: z.string().trim().min(1).max(100) });
export const allowedOriginsSchema = z.object({ origins: allowedOriginsTextSchema });
export const createWorkspaceSchema = z.object({ newWorkspaceName: workspaceNameSchema });
export const requiredScopesSchema = z.object({ requiredScopes: requiredScopesTextSchema });
export const themeSettingsSchema = z.object({
  displayName: displayNameSchema,
  logoUrl: logoUrlSchema,
  primaryColor: primaryColorSchema,
  themeMode: z.enum(THEME_MODES, "Choose light, dark or the visitor's system setting."),
});
export const webhookSettingsSchemaFor = (policy: WebhookAddressPolicy) =>
  z.object({ webhookUrl: webhookUrlSchemaFor(policy) });
export const webhookSettingsSchema = webhookSettingsSchemaFor({ allowPrivate: false });

export type ThemeSettings = z.output<typeof themeSettingsSchema>;
