/**
 * Fields a handler adds to its request's one log line (lib/api/route.ts writes it), keyed by the
 * Response it answers with, so a route such as the proxy logs what it did without a second line.
 */
const fields = new WeakMap<Response, Record<string, unknown>>();

export function withLogFields(response: Response, extra: Record<string, unknown>): Response {
  fields.set(response, { ...fields.get(response), ...extra });
  return response;
}

export function logFieldsOf(response: Response): Record<string, unknown> | undefined {
  return fields.get(response);
}
