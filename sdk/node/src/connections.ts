import type { CallOptions } from "./connect-sessions.js";
import { proxyRequest, type ProxyRequest } from "./proxy.js";
import type { Transport } from "./transport.js";
import type { AccessToken, Connection, ConnectionList, ListConnectionsQuery } from "./types.js";

export class Connections {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** One page, newest first; pass `next_cursor` back as `cursor` for the next. */
  list(query: ListConnectionsQuery = {}, options: CallOptions = {}): Promise<ConnectionList> {
    return this.#transport.json({
      method: "GET",
      path: "/api/v1/connections",
      query,
      signal: options.signal,
    });
  }

  /** Every connection matching the query, fetched a page at a time as the loop asks for more. */
  async *listAll(
    query: Omit<ListConnectionsQuery, "cursor"> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Connection, void, undefined> {
    let cursor: string | undefined;
    do {
      const page = await this.list({ ...query, ...(cursor ? { cursor } : {}) }, options);
      yield* page.data;
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }

  get(id: string, options: CallOptions = {}): Promise<Connection> {
    return this.#transport.json({
      method: "GET",
      path: connectionPath(id),
      signal: options.signal,
    });
  }

  /** Re-runs the token exchange and site lookup now; a failing credential is an answer, not an error. */
  test(id: string, options: CallOptions = {}): Promise<Connection> {
    return this.#transport.json({
      method: "POST",
      path: `${connectionPath(id)}/test`,
      signal: options.signal,
    });
  }

  /** Erases the client secret and any cached token for good; answers the revoked connection. */
  revoke(id: string, options: CallOptions = {}): Promise<Connection> {
    return this.#transport.json({
      method: "DELETE",
      path: connectionPath(id),
      signal: options.signal,
    });
  }

  /** A valid Atlassian access token (cached by Latch while it has minutes left). */
  accessToken(id: string, options: CallOptions = {}): Promise<AccessToken> {
    return this.#transport.json({
      method: "GET",
      path: `${connectionPath(id)}/access-token`,
      signal: options.signal,
    });
  }

  /** Calls Atlassian through Latch; answers Atlassian's Response, whatever its status. */
  proxy(id: string, request: ProxyRequest): Promise<Response> {
    return proxyRequest(this.#transport, id, request);
  }
}

function connectionPath(id: string): string {
  return `/api/v1/connections/${encodeURIComponent(id)}`;
}
