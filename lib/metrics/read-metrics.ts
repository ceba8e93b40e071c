import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "../env";
import { metrics } from "./registry";

export type MetricsAnswer =
  | { kind: "disabled" }
  | { kind: "unauthorized" }
  | { kind: "ok"; contentType: string; body: string };

/**
 * The Prometheus text for a scraper holding METRICS_TOKEN. Without the variable there are no
 * metrics to read (the route is a 404); a wrong or missing token is refused, compared in
 * constant time.
 */
export async function readMetrics(authorization: string | null): Promise<MetricsAnswer> {
  const token = getEnv().METRICS_TOKEN;
  if (!token) return { kind: "disabled" };
  const presented = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim() ?? "";
  if (!sameSecret(presented, token)) return { kind: "unauthorized" };
  const { registry } = metrics();
  return { kind: "ok", contentType: registry.contentType, body: await registry.metrics() };
}

function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
