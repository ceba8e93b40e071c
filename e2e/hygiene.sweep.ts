import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eSql } from "./db";
import { E2E } from "./env";
import { HYGIENE_DIR, rememberedSecrets } from "./secrets";

/**
 * Runs after the whole suite (project "hygiene" in playwright.config.ts): the client secrets the
 * tests typed, and the access tokens Atlassian issued (`fake-at-…`), must appear nowhere but in
 * sealed blobs: not in the databases (WAL included), the server logs, any response the browsers
 * received (headers, HTML, RSC payloads, server-action answers), nor their cookies and storage.
 */
const ACCESS_TOKEN = /fake-at-[A-Za-z0-9_-]{8,}/;

function leaksIn(text: string, secrets: string[]): string[] {
  const found = secrets.filter((secret) => text.includes(secret));
  const token = ACCESS_TOKEN.exec(text);
  return token ? [...found, token[0]] : found;
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(dir, name))
    .filter((file) => pattern.test(file) && fs.statSync(file).isFile());
}

type Har = {
  log: {
    entries: {
      request: { url: string };
      response: {
        headers: { name: string; value: string }[];
        content: { text?: string; encoding?: string };
      };
    }[];
  };
};

test("no secret or access token outside sealed blobs, anywhere the suite can look", async () => {
  const secrets = rememberedSecrets();
  expect(secrets.length, "the suite should have used many secrets").toBeGreaterThan(20);
  const leaks: string[] = [];
  const check = (where: string, text: string) => {
    for (const leak of leaksIn(text, secrets)) leaks.push(`${where}: ${leak.slice(0, 24)}…`);
  };

  // What the browsers received: a form submit may carry the secret up, never back down.
  const hars = filesUnder(path.join(HYGIENE_DIR, "har"), /\.har$/);
  expect(hars.length).toBeGreaterThan(10);
  let responses = 0;
  for (const file of hars) {
    const har = JSON.parse(fs.readFileSync(file, "utf8")) as Har;
    for (const { request, response } of har.log.entries) {
      responses += 1;
      const body =
        response.content.encoding === "base64"
          ? Buffer.from(response.content.text ?? "", "base64").toString("utf8")
          : (response.content.text ?? "");
      check(`response to ${request.url}`, JSON.stringify(response.headers) + body);
    }
  }
  expect(responses).toBeGreaterThan(100);

  // What the browsers kept: cookies, local storage, session storage.
  for (const file of filesUnder(path.join(HYGIENE_DIR, "storage"), /\.json$/)) {
    check(`browser storage ${path.basename(file)}`, fs.readFileSync(file, "utf8"));
  }

  // Server logs, of the suite's app and of the instances tests started.
  const logs = filesUnder(E2E.dir, /\.log$/);
  expect(logs.length).toBeGreaterThan(0);
  for (const file of logs) check(`log ${file}`, fs.readFileSync(file, "utf8"));

  // The databases, byte for byte (SQLite, WAL included), or every row (PostgreSQL).
  if (E2E.postgresUrl) {
    const server = new URL(E2E.postgresUrl);
    const databases = await e2eSql<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [server.pathname.slice(1)],
    );
    for (const { datname } of databases) {
      server.pathname = `/${datname}`;
      const url = server.toString();
      const tables = await e2eSql<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
        [],
        url,
      );
      for (const { table_name } of tables) {
        check(
          `${datname}.${table_name}`,
          JSON.stringify(await e2eSql(`SELECT * FROM "${table_name}"`, [], url)),
        );
      }
    }
  } else {
    const files = filesUnder(E2E.dir, /\.db(-wal|-shm|-journal)?$/);
    expect(files.some((file) => file.endsWith(".db-wal"))).toBe(true);
    for (const file of files)
      check(`database file ${file}`, fs.readFileSync(file).toString("latin1"));
  }

  expect(leaks).toEqual([]);
});
