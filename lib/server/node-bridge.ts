import type { IncomingMessage, ServerResponse } from "node:http";
import { BASE_HEADERS, NO_FRAMING_HEADERS } from "../http/security-headers.mjs";

/** A route handler as app/ exports it: a Web Request in, a Web Response out. */
export type WebHandler = (request: Request) => Promise<Response>;

export const SECURITY_HEADERS = [...BASE_HEADERS, ...NO_FRAMING_HEADERS];

/** Node's request as a Web Request (bodyless: only GET routes take this path). */
export function toWebRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
  });
}

/** Writes a Web Response to Node's response, with the headers next.config.mjs gives routes. */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  response.headers.forEach((value, key) => res.setHeader(key, value));
  res.setHeader("content-length", body.length);
  res.end(body);
}
