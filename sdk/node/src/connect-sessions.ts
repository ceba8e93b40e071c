import type { Transport } from "./transport.js";
import type { ConnectSession, CreateConnectSessionBody } from "./types.js";

export class ConnectSessions {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** A short-lived token for one end user; send them to `connect_url` or open it with latch.js. */
  create(body: CreateConnectSessionBody, options: CallOptions = {}): Promise<ConnectSession> {
    return this.#transport.json<ConnectSession>({
      method: "POST",
      path: "/api/v1/connect-sessions",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: options.signal,
    });
  }
}

export type CallOptions = { signal?: AbortSignal };
