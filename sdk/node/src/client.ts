import { ConnectSessions } from "./connect-sessions.js";
import { Connections } from "./connections.js";
import { Transport } from "./transport.js";

export type LatchOptions = {
  /** Where Latch is reached, e.g. `https://latch.example.com` (a path prefix is kept). */
  baseUrl: string;
  /** A workspace's API key, `latch_sk_…`. Keep it on your server. */
  apiKey: string;
  /** Another fetch (a mock in tests, an instrumented one); default the global fetch. */
  fetch?: typeof fetch;
  /** How long one call may take, default 30 s. A proxied body may stream for longer. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 30_000;

/** The tenant API of one Latch workspace. */
export class Latch {
  readonly connectSessions: ConnectSessions;
  readonly connections: Connections;

  constructor(options: LatchOptions) {
    const baseUrl = String(options?.baseUrl ?? "").replace(/\/+$/, "");
    if (!/^https?:\/\/[^/]/i.test(baseUrl)) {
      throw new TypeError("Latch: baseUrl must be an http(s) URL, e.g. https://latch.example.com");
    }
    // The key is checked by shape only and never repeated: error messages end up in logs.
    if (typeof options.apiKey !== "string" || !options.apiKey.startsWith("latch_sk_")) {
      throw new TypeError("Latch: apiKey must be a workspace API key (latch_sk_…).");
    }
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== "function") {
      throw new TypeError("Latch: no fetch in this runtime; pass one as the fetch option.");
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(timeoutMs > 0)) throw new TypeError("Latch: timeoutMs must be a positive number.");
    // Held only inside the transport (a private field), so logging this client shows no key.
    const transport = new Transport({
      baseUrl,
      apiKey: options.apiKey,
      fetch: (input, init) => fetchImpl(input, init),
      timeoutMs,
    });
    this.connectSessions = new ConnectSessions(transport);
    this.connections = new Connections(transport);
  }
}
