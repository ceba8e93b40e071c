import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AtlassianError, type AtlassianErrorCode } from "../atlassian";
import en from "../i18n/messages/en.json";
import {
  ATLASSIAN_CODE_TO_CONNECTION_CODE,
  CONNECTION_ERROR_CODES,
  checkAdvice,
} from "./check-advice";
import {
  describeAtlassianError,
  describeForTenant,
  noSitesFailure,
  siteUnreachableFailure,
  subdomainNotFoundFailure,
  missingScopesFailure,
} from "./internal/failures";

const ATLASSIAN_CODES = Object.keys(ATLASSIAN_CODE_TO_CONNECTION_CODE) as AtlassianErrorCode[];

/** Every `code: "…"` literal in the connection use cases: a new one must come with advice. */
function codeLiteralsInSource(): string[] {
  const dir = path.join(__dirname);
  const files = [
    ...fs.readdirSync(dir),
    ...fs.readdirSync(path.join(dir, "internal")).map((f) => `internal/${f}`),
  ].filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
  const codes = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    for (const match of text.matchAll(/code:\s*"([a-z_]+)"/g)) codes.add(match[1]!);
    for (const match of text.matchAll(/\?\?\s*"([a-z_]+)"/g)) codes.add(match[1]!);
  }
  return [...codes];
}

describe("check advice", () => {
  it("has a message and advice for every code a check or connect attempt records", () => {
    const produced = [
      ...ATLASSIAN_CODES.map((code) => describeAtlassianError(new AtlassianError(code, "x")).code),
      ...ATLASSIAN_CODES.map((code) => describeForTenant(new AtlassianError(code, "x")).code),
      noSitesFailure().code,
      subdomainNotFoundFailure("acme", [], "atlassian.net").code,
      missingScopesFailure(["write:jira-work"]).code,
      siteUnreachableFailure({ name: "Acme", url: "https://acme.atlassian.net" }).code,
      ...Object.keys(en.failures),
      ...codeLiteralsInSource(),
    ];
    for (const code of new Set(produced)) {
      expect(CONNECTION_ERROR_CODES, code).toContain(code);
    }
    for (const code of CONNECTION_ERROR_CODES) {
      const { message, advice } = checkAdvice(code);
      expect(message.length, code).toBeGreaterThan(10);
      expect(advice.length, code).toBeGreaterThan(10);
    }
  });

  it("maps each Atlassian client code to the code the connection records", () => {
    for (const code of ATLASSIAN_CODES) {
      expect(describeForTenant(new AtlassianError(code, "x")).code).toBe(
        ATLASSIAN_CODE_TO_CONNECTION_CODE[code],
      );
    }
  });

  it("answers something generic for a code it does not know, never undefined", () => {
    expect(checkAdvice("from_a_future_version").advice).toMatch(/Test/);
    expect(checkAdvice("constructor").message).toMatch(/no description/);
  });
});
