import "server-only";
import type { AtlassianConfig } from "../../atlassian";
import { getEnv } from "../../env";
import { metrics } from "../../metrics/registry";

/** Why Latch is exchanging a credential: the `reason` of latch_token_exchanges_total. */
export type ExchangeReason = "connect" | "test" | "check" | "renewal";

/**
 * Where Atlassian is, and what to count of each call to it: the token endpoint's exchanges by
 * reason and outcome, and every endpoint's latency.
 */
export function atlassianConfig(reason: ExchangeReason = "connect"): AtlassianConfig {
  const env = getEnv();
  return {
    authUrl: env.ATLASSIAN_AUTH_URL,
    apiUrl: env.ATLASSIAN_API_URL,
    observe: ({ endpoint, outcome, ms }) => {
      const { tokenExchanges, upstreamDuration } = metrics();
      if (endpoint === "token") tokenExchanges.inc({ reason, outcome });
      upstreamDuration.observe({ endpoint, outcome: outcome === "ok" ? "ok" : "error" }, ms / 1000);
    },
  };
}
