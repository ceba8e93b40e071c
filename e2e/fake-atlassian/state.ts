/** What the fake knows: credentials created "in Atlassian Administration" by a test. */
export type FakeSite = { id: string; name: string; url: string; scopes?: string[] };

/** Ways a credential's next upstream calls misbehave, for testing retries and error mapping. */
export type FaultMode =
  | "status_503"
  | "html_502"
  | "rate_limit_retry_after"
  | "rate_limit_reset"
  | "stall"
  | "truncated_json"
  | "huge_body"
  | "drop_connection";

export type Fault = {
  endpoint: "token" | "sites";
  mode: FaultMode;
  times: number;
  retryAfterSeconds?: number;
};

export type FakeCredential = {
  clientId: string;
  clientSecret: string;
  sites: FakeSite[];
  /** Space-separated; omitted from the token answer when undefined. */
  scope?: string;
  /** `expires_in` to answer with; "omit" leaves it out. */
  expiresIn?: number | "omit";
  revoked?: boolean;
  faults: Fault[];
};

export type FakeState = {
  credentials: Map<string, FakeCredential>;
  tokens: Map<string, string>;
  calls: { token: number; sites: number };
  /** Every form body the token endpoint received, without secrets, to check what Latch sent. */
  tokenRequests: { clientId: string; fields: string[] }[];
};

export function createState(): FakeState {
  return {
    credentials: new Map(),
    tokens: new Map(),
    calls: { token: 0, sites: 0 },
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
