import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Every series Latch exports at /metrics (README: Metrics). Labels are small closed sets (a route
 * template, a status, an outcome or error code): never an id, an e-mail or a secret, so the
 * number of series stays bounded and a scrape leaks nothing.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "latch_" });
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "latch_http_requests_total",
      help: "HTTP requests answered, by route template, method and status.",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "latch_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route template and method.",
      labelNames: ["route", "method"] as const,
      buckets: seconds,
      registers,
    }),
    connectOutcomes: new Counter({
      name: "latch_connect_outcomes_total",
      help: "Connect form submissions by outcome (connected, choose_site, failed, session_ended) and failure code.",
      labelNames: ["outcome", "code"] as const,
      registers,
    }),
    tokenExchanges: new Counter({
      name: "latch_token_exchanges_total",
      help: "Client-credentials token exchanges with Atlassian, by reason (connect, renewal, test, proxy_retry) and outcome.",
      labelNames: ["reason", "outcome"] as const,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: "latch_upstream_duration_seconds",
      help: "Time Atlassian took to answer, by endpoint (token, sites, proxy) and outcome.",
      labelNames: ["endpoint", "outcome"] as const,
      buckets: seconds,
      registers,
    }),
    healthCheckRounds: new Counter({
      name: "latch_health_check_rounds_total",
      help: "Rounds of the scheduled connection checks, by outcome (ok, error).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    healthChecks: new Counter({
      name: "latch_health_checks_total",
      help: "Connections checked by the scheduled checks, by result (healthy, failing).",
      labelNames: ["result"] as const,
      registers,
    }),
    webhookDeliveries: new Counter({
      name: "latch_webhook_deliveries_total",
      help: "Webhook delivery attempts, by outcome (delivered, retrying, failed).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    rateLimitRefusals: new Counter({
      name: "latch_rate_limit_refusals_total",
      help: "Requests refused by a rate limit, by limiter.",
      labelNames: ["limiter"] as const,
      registers,
    }),
  };
}

export type LatchMetrics = ReturnType<typeof createMetrics>;

// One set per process: server.ts's bundle and Next's each load this module, and both must count
// into the same series.
const KEY = Symbol.for("latch.metrics");
type Holder = { [KEY]?: LatchMetrics };

export function metrics(): LatchMetrics {
  return ((globalThis as Holder)[KEY] ??= createMetrics());
}
