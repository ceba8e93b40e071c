import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env-schema";

const KEY = randomBytes(32).toString("base64");
const API_KEY = `latch_sk_${randomBytes(32).toString("base64url")}`;

/** The ConfigError parseEnv throws for this environment. */
function configError(source: Record<string, string | undefined>): ConfigError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected parseEnv to refuse the environment");
}

describe("parseEnv", () => {
  it("needs no configuration: embedded SQLite, localhost and Atlassian's cloud", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/latch.db");
    expect(env.PUBLIC_URL).toBe("http://localhost:3000");
    expect(env.ATLASSIAN_AUTH_URL).toBe("https://auth.atlassian.com");
    expect(env.ATLASSIAN_API_URL).toBe("https://api.atlassian.com");
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.ENCRYPTION_KEY).toBeUndefined();
    expect(env.SESSION_SECRET).toBeUndefined();
    expect(env.INITIAL_API_KEY).toBeUndefined();
    expect(env.healthCheckIntervalMs).toBe(6 * 60 * 60 * 1000);
  });

  it("takes the upstream bases from the environment, without trailing slashes", () => {
    const env = parseEnv({
      PUBLIC_URL: "https://latch.example.com/",
      ATLASSIAN_AUTH_URL: "https://auth.atlassian-us-gov-mod.com/",
      ATLASSIAN_API_URL: "http://127.0.0.1:4010//",
    });
    expect(env.PUBLIC_URL).toBe("https://latch.example.com");
    expect(env.ATLASSIAN_AUTH_URL).toBe("https://auth.atlassian-us-gov-mod.com");
    expect(env.ATLASSIAN_API_URL).toBe("http://127.0.0.1:4010");
  });

  it("treats a blank entry (PUBLIC_URL= in a compose file) as unset, so its default applies", () => {
    const env = parseEnv({ PUBLIC_URL: "", DATABASE_URL: "  ", LOG_LEVEL: "" });
    expect(env.PUBLIC_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBe("file:./data/latch.db");
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("accepts well-formed secrets and treats blank optional ones as unset", () => {
    const env = parseEnv({
      ENCRYPTION_KEY: ` ${KEY} `,
      SESSION_SECRET: "x".repeat(32),
      INITIAL_API_KEY: API_KEY,
      INITIAL_ADMIN_EMAIL: "  ",
      DATABASE_URL: "postgresql://latch@db/latch",
    });
    expect(env.ENCRYPTION_KEY).toBe(KEY);
    expect(env.SESSION_SECRET).toBe("x".repeat(32));
    expect(env.INITIAL_API_KEY).toBe(API_KEY);
    expect(env.INITIAL_ADMIN_EMAIL).toBeUndefined();
    expect(env.DATABASE_URL).toBe("postgresql://latch@db/latch");
  });

  it.for<[string, string]>([
    ["ENCRYPTION_KEY", "not-a-key"],
    ["ENCRYPTION_KEY", randomBytes(16).toString("base64")],
    ["ENCRYPTION_KEY_PREVIOUS", randomBytes(31).toString("base64")],
    ["SESSION_SECRET", "too-short"],
    ["INITIAL_API_KEY", "sk_live_123"],
    ["INITIAL_API_KEY", "latch_sk_short"],
    ["INITIAL_ADMIN_EMAIL", "admin"],
    ["INITIAL_ADMIN_PASSWORD", "short"],
    ["DATABASE_URL", "mysql://db/latch"],
    ["PUBLIC_URL", "latch.example.com"],
    ["ATLASSIAN_AUTH_URL", "ftp://auth.atlassian.com"],
    ["LOG_LEVEL", "verbose"],
    ["HEALTH_CHECK_INTERVAL", "6 hours"],
    ["HEALTH_CHECK_INTERVAL", "59s"],
    ["HEALTH_CHECK_INTERVAL", "31d"],
    ["HEALTH_CHECK_INTERVAL", "-5m"],
    ["HEALTH_CHECK_INTERVAL", "1.5h"],
  ])("refuses a malformed %s, naming it", ([name, value]) => {
    const error = configError({ [name]: value });
    expect(error.message).toMatch(new RegExp(`^\\s+${name} `, "m"));
    // Only the bad variable is named.
    expect(error.message.trim().split("\n")).toHaveLength(2);
  });

  it("names every bad variable at once, without echoing their values", () => {
    const secret = "not-32-characters-secret";
    const error = configError({
      ENCRYPTION_KEY: "bad-key-value",
      SESSION_SECRET: secret,
      INITIAL_API_KEY: "latch_sk_oops",
    });
    expect(error.message).toContain("ENCRYPTION_KEY must be 32 random bytes in base64");
    expect(error.message).toContain("SESSION_SECRET must be at least 32 characters");
    expect(error.message).toContain("INITIAL_API_KEY must be latch_sk_");
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain("bad-key-value");
  });

  it.for<[string, number | null]>([
    ["6h", 6 * 60 * 60 * 1000],
    ["30m", 30 * 60 * 1000],
    ["90s", 90 * 1000],
    ["1d", 24 * 60 * 60 * 1000],
    ["60000", 60_000],
    [" 2H ", 2 * 60 * 60 * 1000],
    ["120000ms", 120_000],
    ["0", null],
    ["0m", null],
    ["off", null],
    ["OFF", null],
  ])("reads HEALTH_CHECK_INTERVAL=%s as milliseconds, or null when off", ([value, ms]) => {
    expect(parseEnv({ HEALTH_CHECK_INTERVAL: value }).healthCheckIntervalMs).toBe(ms);
  });

  it("explains what HEALTH_CHECK_INTERVAL accepts when it refuses one", () => {
    expect(configError({ HEALTH_CHECK_INTERVAL: "30s" }).message).toContain(
      "HEALTH_CHECK_INTERVAL must be a duration from 1m to 30d, like 6h, 30m or 90s (or 0 or off to disable)",
    );
  });
});

describe("API_RATE_LIMIT", () => {
  it("is 6000 requests a minute per key unless set, and can be turned off", () => {
    expect(parseEnv({}).API_RATE_LIMIT).toBe(6000);
    expect(parseEnv({ API_RATE_LIMIT: "120" }).API_RATE_LIMIT).toBe(120);
    expect(parseEnv({ API_RATE_LIMIT: "off" }).API_RATE_LIMIT).toBeNull();
  });

  it.each(["0", "-5", "1.5", "lots"])("refuses %s, naming the variable", (value) => {
    expect(() => parseEnv({ API_RATE_LIMIT: value })).toThrow("API_RATE_LIMIT");
  });
});

describe("the proxy's bounds", () => {
  it("default to 10 MB bodies and a 30 s wait on Atlassian", () => {
    const env = parseEnv({});
    expect(env.proxyBodyLimitBytes).toBe(10 * 1024 * 1024);
    expect(env.proxyTimeoutMs).toBe(30_000);
  });

  it("read sizes and durations with their units", () => {
    const env = parseEnv({ PROXY_BODY_LIMIT: "512KB", PROXY_TIMEOUT: "2m" });
    expect(env.proxyBodyLimitBytes).toBe(512 * 1024);
    expect(env.proxyTimeoutMs).toBe(120_000);
    expect(parseEnv({ PROXY_BODY_LIMIT: "2048" }).proxyBodyLimitBytes).toBe(2048);
  });

  it("refuse what is no size or duration, naming the variable", () => {
    expect(configError({ PROXY_BODY_LIMIT: "lots" }).message).toContain(
      "PROXY_BODY_LIMIT must be a size from 1KB to 1GB",
    );
    expect(configError({ PROXY_TIMEOUT: "off" }).message).toContain(
      "PROXY_TIMEOUT must be a duration from 1s to 10m",
    );
  });
});
