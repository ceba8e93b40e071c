import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { E2E } from "./env";
import { rememberSecret } from "./secrets";

export type Instance = {
  url: string;
  /** The JSON lines it has logged so far. */
  logs: () => Record<string, unknown>[];
  stop: () => Promise<void>;
  /** kill -9: no shutdown, requests in flight cut off mid-way. */
  crash: () => Promise<void>;
};

/**
 * A fresh, empty database for a group of instances started by a test: a SQLite file under .e2e
 * in the SQLite pass, a database beside the suite's own in the PostgreSQL pass.
 */
export async function freshDatabase(name: string): Promise<string> {
  if (!E2E.postgresUrl) {
    const dir = path.resolve(E2E.dir, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    return `file:${dir}/latch.db`;
  }
  const url = new URL(E2E.postgresUrl);
  const database = `${url.pathname.slice(1)}_${name}`;
  const admin = new pg.Client({ connectionString: E2E.postgresUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${database}`;
  return url.toString();
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the production server (`npm start`'s bundle) on a free port; resolves once healthy. */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Written straight to a file (kept for a failed run), not through a pipe this process drains.
  const logPath = path.resolve(E2E.dir, `instance-${port}.log`);
  const logFile = fs.openSync(logPath, "w");
  const child = spawn(
    process.execPath,
    [".next/latch-server.mjs", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PUBLIC_URL: url,
        ATLASSIAN_AUTH_URL: E2E.fakeUrl,
        ATLASSIAN_API_URL: E2E.fakeUrl,
        ...env,
      },
      stdio: ["ignore", logFile, logFile],
    },
  );
  fs.closeSync(logFile);
  const output = () => fs.readFileSync(logPath, "utf8");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`Instance on port ${port} did not start:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    logs: () =>
      output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
    crash: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/**
 * A credential in the fake Atlassian and a connect link for it on an instance, as a tenant and
 * its end user make them: the link minted with `apiKey`, the values to submit on its form.
 */
export async function prepareConnect(
  baseUrl: string,
  apiKey: string,
  endUserId = `user-${randomUUID()}`,
) {
  const clientId = `cid-${randomUUID()}`;
  const clientSecret = `secret-${randomUUID()}`;
  rememberSecret(clientSecret);
  await fetch(`${E2E.fakeUrl}/__fake/credentials`, {
    method: "POST",
    body: JSON.stringify({
      client_id: clientId,
      client_secret: clientSecret,
      sites: [{ id: randomUUID(), name: "Load", url: "https://load.atlassian.net" }],
    }),
  });
  const session = await (
    await fetch(`${baseUrl}/api/v1/connect-sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ end_user: { id: endUserId } }),
    })
  ).json();
  return { url: session.connect_url as string, values: { subdomain: "", clientId, clientSecret } };
}
