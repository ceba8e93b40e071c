import type { z } from "zod";

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
      return `${where}: ${issue.message}`;
    })
    .join("; ");
}

export function invalidRequest(error: z.ZodError) {
  return apiError(400, "invalid_request", `The request is not valid. ${describeIssues(error)}.`);
}
