import type { z } from "zod";
import { DEFAULT_LOCALE } from "../i18n/locales";
import { configuredSiteDomain } from "../connections/configured-site-domain";
import { localizeMessage } from "../i18n/localize";

/** The API's error body: `{"error":{"code","message"}}`, the message a sentence a person can act on. */
export function apiError(status: number, code: string, message: string, headers?: HeadersInit) {
  return Response.json({ error: { code, message } }, { status, headers });
}

/** Names every bad field, e.g. "end_user.id is required; subdomain Enter just the part…". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => {
      const where = issue.path.length ? issue.path.join(".") : "body";
      // The connect schema's messages are catalog keys; the API speaks English.
      return `${where}: ${localizeMessage(DEFAULT_LOCALE, issue.message, { domain: configuredSiteDomain() })}`;
    })
    .join("; ");
}

export function invalidRequest(error: z.ZodError) {
  return apiError(400, "invalid_request", `The request is not valid. ${describeIssues(error)}.`);
}
