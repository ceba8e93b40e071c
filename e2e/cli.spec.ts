import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { submitConnectForm } from "./connect-over-http";
import { expect, test } from "./fixtures";
import { freshDatabase, prepareConnect, startInstance } from "./instances";

// The maintenance CLI as an operator runs it: the build's bundle under plain node, no tsx and no
// dev dependency, against a database a running Latch wrote.
test.describe.configure({ timeout: 120_000 });

const apiKey = "latch_sk_cli_rotation_0123456789abcdefghijklmnop";
const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");

function latchCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [".next/latch-cli.mjs", ...args], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, output })),
  );
}

test("npm run latch -- rotate-key from the build: re-seals, and Latch runs on the new key alone", async () => {
  const databaseUrl = await freshDatabase("cli");
  const base = {
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: "cli-session-secret-of-at-least-32-chars",
  };
  const auth = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };

  // A connection (a sealed secret and a sealed token) written under the old key.
  const before = await startInstance({ ...base, ENCRYPTION_KEY: oldKey, INITIAL_API_KEY: apiKey });
  const attempt = await prepareConnect(before.url, apiKey, "rotated-user");
  expect((await submitConnectForm(attempt.url, attempt.values)).connected).toBe(true);
  await before.stop();

  const usage = await latchCli([], { ...base, ENCRYPTION_KEY: newKey });
  expect(usage.code).toBe(2);
  expect(usage.output).toContain("Usage: npm run latch -- rotate-key");

  const rotated = await latchCli(["rotate-key"], {
    ...base,
    ENCRYPTION_KEY: newKey,
    ENCRYPTION_KEY_PREVIOUS: oldKey,
  });
  expect(rotated.output).toContain("Re-sealed 2 value(s)");
  expect(rotated.code).toBe(0);

  const after = await startInstance({ ...base, ENCRYPTION_KEY: newKey });
  try {
    const list = await (
      await fetch(`${after.url}/api/v1/connections?end_user_id=rotated-user`, { headers: auth })
    ).json();
    const token = await fetch(`${after.url}/api/v1/connections/${list.data[0].id}/access-token`, {
      headers: auth,
    });
    expect(token.status).toBe(200);
  } finally {
    await after.stop();
  }
});
