import type { IncomingMessage, ServerResponse } from "node:http";
import { metrics } from "./registry";
import { routeLabel } from "./route-label";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Counts and times one request when its answer has been sent (or the client went away). */
export function observeHttp(req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  const route = routeLabel(req.url);
  // Any other word a client sends as a method would be a new series.
  const method = METHODS.has(req.method ?? "") ? req.method! : "other";
  res.once("close", () => {
    const { httpRequests, httpDuration } = metrics();
    const status = res.writableFinished ? String(res.statusCode) : "aborted";
    httpRequests.inc({ route, method, status });
    httpDuration.observe({ route, method }, (performance.now() - started) / 1000);
  });
}
