import "server-only";
import type { Env } from "../env";
import { startConnectSessionSweep } from "./connect-session-sweep";
import { startHealthChecks } from "./health-checks";
import { startWebhookWorker } from "./webhook-deliveries";

/**
 * Every background job Latch runs, each on startRecurring (lib/jobs/recurring.ts). They share the
 * database with other instances: a lease keeps a health-check round single, a per-row claim a
 * webhook delivery, and the sweep is idempotent.
 *
 * | job                    | every                              | does                                           |
 * | ---------------------- | ---------------------------------- | ---------------------------------------------- |
 * | health checks          | HEALTH_CHECK_INTERVAL / 6 (≤ 10 m) | re-tests connections that are due              |
 * | webhook deliveries     | 5 s                                | sends due deliveries; prunes old ones hourly    |
 * | connect-session sweep  | 5 m                                | erases ended sessions' secrets, purges old ones |
 */
export function startBackgroundJobs(env: Env): () => void {
  const stops = [
    startHealthChecks(env.healthCheckIntervalMs),
    startWebhookWorker(),
    startConnectSessionSweep(),
  ];
  return () => stops.forEach((stop) => stop());
}
