import { z } from "zod";
import { parseEncryptionKey } from "./crypto/keys";
import { parseCidr } from "./net/cidr";

export const API_KEY_PATTERN = /^latch_sk_[A-Za-z0-9_-]{32,}$/;

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const DURATION_UNITS_MS = {
  ms: 1,
  s: 1000,
  m: MINUTE_MS,
  h: 60 * MINUTE_MS,
  d: DAY_MS,
};

/**
 * `6h`, `30m`, `90s`, `1d` or plain milliseconds, as milliseconds; `0` (in any unit) or `off` as
 * null, meaning "disabled"; undefined when it is not a duration at all.
 */
export function parseDuration(value: string): number | null | undefined {
  const text = value.trim().toLowerCase();
  if (text === "off") return null;
  const match = /^(\d+)\s*(ms|s|m|h|d)?$/.exec(text);
  if (!match) return undefined;
  const unit = (match[2] ?? "ms") as keyof typeof DURATION_UNITS_MS;
  const ms = Number(match[1]) * DURATION_UNITS_MS[unit];
  return ms === 0 ? null : ms;
}

// Under a minute would hammer Atlassian; over a month a broken credential goes unnoticed.
const healthCheckInterval = z
  .string()
  .default("6h")
  .transform((value, context) => {
    const ms = parseDuration(value);
    if (ms === undefined || (ms !== null && (ms < MINUTE_MS || ms > 30 * DAY_MS))) {
      context.addIssue({
        code: "custom",
        message: "must be a duration from 1m to 30d, like 6h, 30m or 90s (or 0 or off to disable)",
      });
      return z.NEVER;
    }
    return ms;
  });

const baseUrl = (fallback: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ""));

const SIZE_UNITS = { b: 1, kb: 1024, mb: 1024 * 1024, gb: 1024 * 1024 * 1024 };

/** `10MB`, `512KB`, `1GB` or plain bytes, as bytes; undefined when it is not a size. */
export function parseSize(value: string): number | undefined {
  const match = /^(\d+)\s*(b|kb|mb|gb)?$/.exec(value.trim().toLowerCase());
  if (!match) return undefined;
  return Number(match[1]) * SIZE_UNITS[(match[2] ?? "b") as keyof typeof SIZE_UNITS];
}

// The proxy's request bodies (lib/proxy): Atlassian's own attachment limits are far above this.
const proxyBodyLimit = z
  .string()
  .default("10MB")
  .transform((value, context) => {
    const bytes = parseSize(value);
    if (bytes === undefined || bytes < 1024 || bytes > 1024 * 1024 * 1024) {
      context.addIssue({ code: "custom", message: "must be a size from 1KB to 1GB, like 10MB" });
      return z.NEVER;
    }
    return bytes;
  });

// How long the proxy waits for Atlassian, for its answer's headers and then between body chunks.
const proxyTimeout = z
  .string()
  .default("30s")
  .transform((value, context) => {
    const ms = parseDuration(value);
    if (ms === undefined || ms === null || ms < 1000 || ms > 10 * MINUTE_MS) {
      context.addIssue({ code: "custom", message: "must be a duration from 1s to 10m, like 30s" });
      return z.NEVER;
    }
    return ms;
  });

/** Every variable Latch reads. Defaults make the embedded SQLite set-up need no configuration. */
const envVariables = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/latch.db")
    .refine((value) => /^(file:|postgres(ql)?:\/\/)/.test(value), {
      message: "must be a file: URL (SQLite) or a postgresql:// URL",
    }),
  ENCRYPTION_KEY: optionalText.refine((value) => !value || parseEncryptionKey(value), {
    message: "must be 32 random bytes in base64 (openssl rand -base64 32)",
  }),
  ENCRYPTION_KEY_PREVIOUS: optionalText.refine((value) => !value || parseEncryptionKey(value), {
    message: "must be 32 random bytes in base64",
  }),
  SESSION_SECRET: optionalText.refine((value) => !value || value.length >= 32, {
    message: "must be at least 32 characters",
  }),
  PUBLIC_URL: baseUrl("http://localhost:3000"),
  ATLASSIAN_AUTH_URL: baseUrl("https://auth.atlassian.com"),
  ATLASSIAN_API_URL: baseUrl("https://api.atlassian.com"),
  INITIAL_ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
  INITIAL_ADMIN_PASSWORD: optionalText.refine((value) => !value || value.length >= 10, {
    message: "must be at least 10 characters",
  }),
  INITIAL_WORKSPACE_NAME: optionalText,
  INITIAL_API_KEY: optionalText.refine((value) => !value || API_KEY_PATTERN.test(value), {
    message: "must be latch_sk_ followed by at least 32 URL-safe characters",
  }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HEALTH_CHECK_INTERVAL: healthCheckInterval,
  API_RATE_LIMIT: z
    .string()
    .default("6000")
    .refine((value) => value === "off" || /^[1-9]\d{0,9}$/.test(value), {
      message: "must be a number of requests per minute per API key, or off",
    })
    .transform((value) => (value === "off" ? null : Number(value))),
  PROXY_BODY_LIMIT: proxyBodyLimit,
  PROXY_TIMEOUT: proxyTimeout,
  // Addresses or CIDRs of the reverse proxies in front of Latch (lib/http/client-address.ts).
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value, context) => {
      const entries = value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      const bad = entries.filter((entry) => !parseCidr(entry));
      if (bad.length) {
        context.addIssue({
          code: "custom",
          message: `must be comma-separated addresses or CIDRs like 127.0.0.1/8,10.0.0.0/8 (not ${bad.join(", ")})`,
        });
        return z.NEVER;
      }
      return entries;
    }),
  // Webhooks to loopback, private, link-local, unique-local or CGNAT addresses (lib/webhooks).
  ALLOW_PRIVATE_WEBHOOKS: z
    .enum(["1", "0", "true", "false", "on", "off", "yes", "no"], {
      message: "must be true or false",
    })
    .default("false")
    .transform((value) => ["1", "true", "on", "yes"].includes(value)),
});

/** The variables, with durations handed on parsed under a name that says their unit. */
export const envSchema = envVariables.transform(
  ({ HEALTH_CHECK_INTERVAL, PROXY_BODY_LIMIT, PROXY_TIMEOUT, ...env }) => ({
    ...env,
    /** Milliseconds between scheduled checks of a connection (lib/jobs/health-checks.ts); null when off. */
    healthCheckIntervalMs: HEALTH_CHECK_INTERVAL,
    /** The most a proxied request body may hold, in bytes (lib/proxy). */
    proxyBodyLimitBytes: PROXY_BODY_LIMIT,
    /** How long the proxy waits on Atlassian before giving up, in milliseconds (lib/proxy). */
    proxyTimeoutMs: PROXY_TIMEOUT,
  }),
);

export type RawEnv = z.output<typeof envSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses the environment, naming each bad variable in the error. */
export function parseEnv(source: Record<string, string | undefined>): RawEnv {
  // A blank entry (`PUBLIC_URL=` in a compose file) means "not set", not "set to nothing".
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
}
