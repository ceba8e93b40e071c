import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";
import { ConfigError } from "./env-schema";

const POSTGRES = "postgresql://latch@127.0.0.1:5432/latch";
const key = () => randomBytes(32).toString("base64");
const secret = () => randomBytes(32).toString("hex");

describe("loadEnv with PostgreSQL", () => {
  it("starts with both secrets given", () => {
    const env = loadEnv({
      DATABASE_URL: POSTGRES,
      ENCRYPTION_KEY: key(),
      SESSION_SECRET: secret(),
    });
    expect(env.databaseProvider).toBe("postgresql");
    expect(env.sqlitePath).toBeNull();
  });

  it.each([
    ["ENCRYPTION_KEY", { SESSION_SECRET: secret() }],
    ["SESSION_SECRET", { ENCRYPTION_KEY: key() }],
  ])(
    "stops, naming %s, when it is missing (instances cannot each generate their own)",
    (name, rest) => {
      const load = () => loadEnv({ DATABASE_URL: POSTGRES, ...rest });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(name);
    },
  );

  it.each([
    ["ENCRYPTION_KEY", { ENCRYPTION_KEY: "too-short", SESSION_SECRET: secret() }],
    ["SESSION_SECRET", { ENCRYPTION_KEY: key(), SESSION_SECRET: "short" }],
  ])("stops, naming %s, when it is malformed", (name, rest) => {
    const load = () => loadEnv({ DATABASE_URL: POSTGRES, ...rest });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(name);
  });
});
