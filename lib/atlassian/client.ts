import { AtlassianError } from "./errors";
import type { HttpOptions } from "./http";
import { listAccessibleSites, type Site } from "./sites";
import { exchangeClientCredentials, type AccessToken, type ClientCredentials } from "./token";

export type AtlassianConfig = {
  authUrl: string;
  apiUrl: string;
  /** One deadline for a whole validation (exchange, lookup and their retries). */
  deadlineMs?: number;
  maxAttempts?: number;
  fetch?: typeof fetch;
  /**
   * Told of each finished call (its retries included): which endpoint, how it ended (`ok` or the
   * AtlassianError code) and how long it took. Latch counts these for /metrics; this module
   * knows nothing of where they go.
   */
  observe?: (call: UpstreamCall) => void;
};

export type UpstreamCall = { endpoint: "token" | "sites"; outcome: string; ms: number };

export type ValidatedCredential = {
  token: AccessToken;
  sites: Site[];
  /** Time spent waiting on Atlassian, for telling Latch's own time apart in logs and benchmarks. */
  upstreamMs: number;
};

const DEFAULT_DEADLINE_MS = 15_000;
const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * Runs one validation or renewal under its own deadline. The deadline is a plain timer (not
 * AbortSignal.timeout, whose clock fake timers cannot reach), so a test can prove the default
 * 15 s cuts a stall without waiting 15 s; it is cleared as soon as the work settles.
 */
async function withDeadline<T>(
  config: AtlassianConfig,
  work: (http: HttpOptions & { stats: NonNullable<HttpOptions["stats"]> }) => Promise<T>,
): Promise<T> {
  const deadlineMs = config.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException("The Atlassian deadline passed", "TimeoutError")),
    deadlineMs,
  );
  // Like AbortSignal.timeout: a pending deadline alone does not keep the process alive.
  timer.unref?.();
  try {
    return await work({
      fetch: config.fetch ?? fetch,
      signal: controller.signal,
      deadline: Date.now() + deadlineMs,
      maxAttempts: config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      stats: { upstreamMs: 0, requests: 0 },
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one endpoint's call and tells config.observe how it went. */
async function observed<T>(
  config: AtlassianConfig,
  endpoint: UpstreamCall["endpoint"],
  call: () => Promise<T>,
): Promise<T> {
  if (!config.observe) return call();
  const started = performance.now();
  let outcome = "ok";
  try {
    return await call();
  } catch (error) {
    outcome = error instanceof AtlassianError ? error.code : "unexpected";
    throw error;
  } finally {
    config.observe({ endpoint, outcome, ms: performance.now() - started });
  }
}

/** Proves a credential works: a client-credentials exchange, then the site lookup. */
export async function validateCredential(
  config: AtlassianConfig,
  credentials: ClientCredentials,
): Promise<ValidatedCredential> {
  return withDeadline(config, async (http) => {
    const token = await observed(config, "token", () =>
      exchangeClientCredentials(config.authUrl, credentials, http),
    );
    const sites = await observed(config, "sites", () =>
      listAccessibleSites(config.apiUrl, token.accessToken, http),
    );
    return { token, sites, upstreamMs: http.stats.upstreamMs };
  });
}

/** A fresh access token: there is no refresh token, so renewing means running the grant again. */
export async function requestAccessToken(
  config: AtlassianConfig,
  credentials: ClientCredentials,
): Promise<AccessToken & { upstreamMs: number }> {
  return withDeadline(config, async (http) => {
    const token = await observed(config, "token", () =>
      exchangeClientCredentials(config.authUrl, credentials, http),
    );
    return { ...token, upstreamMs: http.stats.upstreamMs };
  });
}

export type { AccessToken, ClientCredentials, Site };
