import { z } from "zod";
import { specialHost, type SpecialAddress } from "../net/special-addresses";
import { parseHexColor } from "../theme/contrast";
import { checkLogoUrl } from "../theme/logo-url";
import { THEME_MODES } from "../theme/theme";
import { originSchema } from "./connect-session";
import {
  didYouMean,
  quoted,
  suggestHexColor,
  suggestOrigin,
  suggestScopes,
  suggestUrl,
} from "./suggestions";

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
      else problems.push(`Line ${index + 1}: ${originProblem(line)}`);
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

const isOrigin = (text: string) => originSchema.safeParse(text).success;

/** `“acme.com” is not an origin. Did you mean https://acme.com?` */
function originProblem(line: string): string {
  const suggestion = suggestOrigin(line, isOrigin);
  return `${quoted(line)} is not an origin.${
    suggestion
      ? didYouMean(suggestion)
      : " Write the scheme, host and optional port, like https://app.example.com."
  }`;
}

const logoAccepted = (text: string) => checkLogoUrl(text).ok;
// `logo.png` is a file name, not a host to put https:// in front of.
const IMAGE_FILE = /^[^/]+\.(?:png|jpe?g|gif|svg|webp|avif|ico)$/i;

function logoUrlProblem(text: string, reason: "too_long" | "not_a_url" | "insecure"): string {
  const suggestion = IMAGE_FILE.test(text) ? null : suggestUrl(text, logoAccepted);
  if (reason === "too_long") return "Use an address of at most 2048 characters.";
  if (reason === "insecure") {
    return `Use an https address; browsers block other images on the secure connect form.${didYouMean(suggestion)}`;
  }
  if (URL.canParse(text)) return `Leave out the user name and password.${didYouMean(suggestion)}`;
  return `${quoted(text)} is not a full address.${
    suggestion
      ? didYouMean(suggestion)
      : " Enter the full address of an image, like https://example.com/logo.png."
  }`;
}

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
    ctx.addIssue({ code: "custom", message: logoUrlProblem(text, checked.reason) });
    return z.NEVER;
  });

export const primaryColorSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (!text) return null;
    const color = parseHexColor(text);
    if (color) return color;
    const suggestion = suggestHexColor(text);
    ctx.addIssue({
      code: "custom",
      message: `${quoted(text)} is not a hex colour.${suggestion ? didYouMean(suggestion) : " Enter one like #2563eb."}`,
    });
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
  const accepted = (candidate: string) => "url" in checkWebhookUrl(candidate, policy);
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      if (!text) return null;
      const checked = checkWebhookUrl(text, policy);
      if ("url" in checked) return checked.url;
      // A fix is offered only where one exists: another scheme, a missing one, credentials.
      const suggestion = checked.fixable ? suggestUrl(text, accepted) : null;
      const message =
        checked.problem ??
        `${quoted(text)} is not the full address of your endpoint.${
          suggestion ? "" : " Write it like https://api.example.com/latch."
        }`;
      ctx.addIssue({ code: "custom", message: `${message}${didYouMean(suggestion)}` });
      return z.NEVER;
    });
}

type WebhookCheck = { url: string } | { problem: string | null; fixable: boolean };

/** The webhook URL's rules, without suggestions (which are checked against these). */
function checkWebhookUrl(text: string, policy: WebhookAddressPolicy): WebhookCheck {
  const refuse = (problem: string | null, fixable = true): WebhookCheck => ({ problem, fixable });
  if (text.length > MAX_WEBHOOK_URL_LENGTH)
    return refuse("Use an address of at most 2048 characters.", false);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(null);
  }
  const web = url.protocol === "https:" || url.protocol === "http:";
  const special = web ? specialHost(url.hostname) : null;
  if (special && !policy.allowPrivate) {
    return refuse(privateWebhookMessage(url.hostname.replace(/\.+$/, ""), special), false);
  }
  const local = url.protocol === "http:" && special?.kind === "loopback";
  if (url.protocol !== "https:" && !local) {
    return refuse(
      policy.allowPrivate
        ? "Use an https address; plain http is allowed only for a receiver on this machine."
        : "Use an https address.",
    );
  }
  // A user name or password in the address would be shown in settings and sent in clear text.
  if (url.username || url.password) {
    return refuse("Leave out the user name and password; verify deliveries by their signature.");
  }
  url.hash = "";
  if (url.href.length > MAX_WEBHOOK_URL_LENGTH)
    return refuse("Use an address of at most 2048 characters.", false);
  return { url: url.href };
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
      ctx.addIssue({ code: "custom", message: scopesProblem(words, bad) });
      return z.NEVER;
    }
    const scopes = [...new Set(words)];
    if (scopes.length > MAX_REQUIRED_SCOPES) {
      ctx.addIssue({ code: "custom", message: `Require at most ${MAX_REQUIRED_SCOPES} scopes.` });
      return z.NEVER;
    }
    return scopes;
  });

/** `“read:” and “jira-work” are not OAuth scopes. Did you mean read:jira-work?` */
function scopesProblem(words: string[], bad: string[]): string {
  const shown = bad.slice(0, 3).map(quoted);
  const list =
    bad.length > 3
      ? `${shown.join(", ")} and ${bad.length - 3} more`
      : shown.length > 1
        ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`
        : shown[0];
  const suggestion = suggestScopes(words, (word) => SCOPE.test(word));
  return `${list} ${bad.length === 1 ? "is not an OAuth scope" : "are not OAuth scopes"}.${
    suggestion
      ? didYouMean(suggestion)
      : " Write scopes like read:jira-work, separated by spaces or commas."
  }`;
}

// One schema per form; field names are unique on the settings page, since they become input ids.
export const renameWorkspaceSchema = z.object({ workspaceName: workspaceNameSchema });
export const createApiKeySchema = z.object({ keyName: apiKeyNameSchema });
export const revokeApiKeySchema = z.object({ id: z.string().trim().min(1).max(100) });
export const allowedOriginsSchema = z.object({ origins: allowedOriginsTextSchema });
export const createWorkspaceSchema = z.object({ newWorkspaceName: workspaceNameSchema });
export const requiredScopesSchema = z.object({ requiredScopes: requiredScopesTextSchema });
/** A checkbox: "on" when ticked, absent (an empty string) when not. */
export const allowMissingScopesSchema = z.object({
  allowMissingScopes: z.enum(["on", ""]).transform((value) => value === "on"),
});
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
