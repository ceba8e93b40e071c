import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema } from "../env-schema";

// js-yaml ships no types; one call does not warrant @types/js-yaml.
const { load } = createRequire(import.meta.url)("js-yaml") as { load(text: string): unknown };

/**
 * The container files (Dockerfile, compose.yaml, .env.example, .dockerignore) checked against
 * each other and the env schema, for what can be checked without a container runtime. The image
 * itself is built and run by testing/image-test.ts.
 */
const root = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

type Service = {
  build?: string;
  image?: string;
  env_file?: string;
  environment?: Record<string, string>;
  ports?: string[];
  profiles?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
};
const compose = load(read("compose.yaml")) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const latchServices = [compose.services.latch!, compose.services["latch-2"]!];

/** Variables Latch reads outside the schema: server.ts's address, Node's mode. */
const READ_ELSEWHERE = ["PORT", "HOSTNAME", "NODE_ENV"];
const latchVariables = [...Object.keys(envSchema.in.shape), ...READ_ELSEWHERE];
const exampleNames = [...read(".env.example").matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]!);

describe("compose.yaml", () => {
  it("runs Latch on PostgreSQL's named volume, a second instance behind the scale profile", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["latch", "latch-2", "postgres"]);
    const postgres = compose.services.postgres!;
    expect(postgres.volumes).toEqual(["postgres-data:/var/lib/postgresql/data"]);
    expect(Object.keys(compose.volumes)).toEqual(["postgres-data"]);
    expect(compose.services.latch!.profiles).toBeUndefined();
    expect(compose.services["latch-2"]!.profiles).toEqual(["scale"]);
    for (const latch of latchServices) {
      expect(latch).toMatchObject({ build: ".", env_file: ".env" });
      expect(latch.depends_on?.postgres?.condition).toBe("service_healthy");
      // Each published port reaches the port the image listens on.
      expect(latch.ports?.every((port) => port.endsWith(":3000"))).toBe(true);
    }
    expect(new Set(latchServices.map((latch) => latch.ports![0]!.split(":")[0])).size).toBe(2);
  });

  it("points DATABASE_URL at the postgres service's own user and database", () => {
    const { POSTGRES_USER, POSTGRES_DB } = compose.services.postgres!.environment!;
    for (const latch of latchServices) {
      const url = new URL(latch.environment!.DATABASE_URL!.replace(/\$\{[^}]*\}/, "password"));
      expect(url.protocol).toBe("postgresql:");
      expect([url.username, url.hostname, url.pathname]).toEqual([
        POSTGRES_USER,
        "postgres",
        `/${POSTGRES_DB}`,
      ]);
    }
  });

  it("sets only variables Latch reads, and interpolates only what .env.example documents", () => {
    for (const latch of latchServices) {
      for (const name of Object.keys(latch.environment!)) expect(latchVariables).toContain(name);
    }
    const interpolated = [...read("compose.yaml").matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]!);
    for (const name of interpolated) expect(exampleNames).toContain(name);
  });
});

describe(".env.example", () => {
  it("documents the secrets and first-run settings, each a variable Latch or compose reads", () => {
    for (const name of exampleNames)
      expect([...latchVariables, "POSTGRES_PASSWORD"]).toContain(name);
    for (const name of [
      "ENCRYPTION_KEY",
      "SESSION_SECRET",
      "PUBLIC_URL",
      "INITIAL_ADMIN_EMAIL",
      "INITIAL_ADMIN_PASSWORD",
      "INITIAL_WORKSPACE_NAME",
      "INITIAL_API_KEY",
    ]) {
      expect(exampleNames).toContain(name);
    }
  });

  it("holds no secret: every secret is left for the operator to generate", () => {
    const values = Object.fromEntries(
      [...read(".env.example").matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
    );
    for (const name of [
      "POSTGRES_PASSWORD",
      "ENCRYPTION_KEY",
      "SESSION_SECRET",
      "INITIAL_API_KEY",
    ]) {
      expect(values[name]).toBe("");
    }
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");

  it("builds on node:20-bookworm and runs on node:20-bookworm-slim as node, data in /data", () => {
    expect([...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1])).toEqual([
      "node:20-bookworm",
      "node:20-bookworm-slim",
    ]);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
    expect(dockerfile).toMatch(/^VOLUME \/data$/m);
    expect(dockerfile).toMatch(/DATABASE_URL=file:\/data\/latch\.db/);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/api\/health/m);
  });

  it("is what anyone with internet access builds: nothing of the local stand-in base images", () => {
    expect(dockerfile).not.toMatch(
      /NODE_EXTRA_CA_CERTS|npm_config_nodedir|debootstrap|localhost\//,
    );
  });
});

describe(".dockerignore", () => {
  it("keeps dependencies, builds, data, secrets and test output out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of ["node_modules", ".next", "data", ".env*", "test-results", ".e2e"]) {
      expect(ignored).toContain(entry);
    }
  });
});
