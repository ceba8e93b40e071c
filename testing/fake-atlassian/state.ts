/** What the fake knows: credentials created "in Atlassian Administration" by a test. */
export type FakeSite = { id: string; name: string; url: string; scopes?: string[] };

/**
 * Ways a credential's next upstream calls misbehave, for testing retries and error mapping.
 * Faults that cannot be tied to one client ID (a closed port, a host that does not resolve)
 * are addresses instead: see closedLoopbackUrl and UNRESOLVABLE_URL in server.ts.
 */
export type FaultMode =
  /** 503 with a JSON body. */
  | "status_503"
  /** 502 with an HTML body, as a proxy in front of Atlassian answers. */
  | "html_502"
  /** 429 with `Retry-After: <retryAfterSeconds>` (default 1). */
  | "rate_limit_retry_after"
  /** 429 with `X-RateLimit-Reset: <now + retryAfterSeconds>` as ISO 8601 (default 1). */
  | "rate_limit_reset"
  /**
   * No status line at all: forever, or for `stallMs` and then the normal answer (a slow
   * Atlassian, e.g. a 20 s stall).
   */
  | "stall"
  /** A 200 and the first bytes of the body, then nothing more: forever, or for `stallMs`. */
  | "stall_body"
  /** A 200 whose JSON body stops half-way. */
  | "truncated_json"
  /** A 200 with a 10 MB JSON body and a Content-Length saying so. */
  | "huge_body"
  /** The same 10 MB body streamed in chunks, with no Content-Length to warn the reader. */
  | "huge_body_chunked"
  /** The socket is closed before any answer. */
  | "drop_connection"
  /** The gateway only: 401 as for a token it no longer accepts, whatever the token. */
  | "unauthorized"
  /** 503 with `Retry-After: <retryAfterSeconds>` (default 1). */
  | "status_503_retry_after";

export type Fault = {
  /** "gateway": any call under /ex/{product}/{cloudId}/… */
  endpoint: "token" | "sites" | "gateway";
  mode: FaultMode;
  times: number;
  retryAfterSeconds?: number;
  /** For "stall" and "stall_body": how long before answering normally; forever when unset. */
  stallMs?: number;
};

export type FakeCredential = {
  clientId: string;
  clientSecret: string;
  sites: FakeSite[];
  /** Space-separated; omitted from the token answer when undefined. */
  scope?: string;
  /**
   * `expires_in` to answer with, as given: any JSON value, so tests can send a negative, absurd
   * or non-numeric lifetime; "omit" leaves it out; undefined answers 3600.
   */
  expiresIn?: unknown;
  revoked?: boolean;
  faults: Fault[];
};

/** What the gateway received, to check what Latch forwarded (bodies as byte counts). */
export type GatewayRequest = {
  method: string;
  /** As it arrived on the wire, query included. */
  rawUrl: string;
  headers: Record<string, string | string[] | undefined>;
  bodyBytes: number;
};

export type FakeState = {
  credentials: Map<string, FakeCredential>;
  tokens: Map<string, string>;
  calls: { token: number; sites: number };
  /** Every call under /ex/…, in order. */
  gatewayRequests: GatewayRequest[];
  /** Every form body the token endpoint received, without secrets, to check what Latch sent. */
  tokenRequests: { clientId: string; fields: string[] }[];
};

export function createState(): FakeState {
  return {
    credentials: new Map(),
    tokens: new Map(),
    calls: { token: 0, sites: 0 },
    gatewayRequests: [],
    tokenRequests: [],
  };
}

/** Takes the next fault queued for this credential and endpoint, if any. */
export function nextFault(credential: FakeCredential | undefined, endpoint: Fault["endpoint"]) {
  const fault = credential?.faults.find(
    (candidate) => candidate.endpoint === endpoint && candidate.times > 0,
  );
  if (fault) fault.times -= 1;
  return fault;
}
