import type { Server, ServerResponse } from "node:http";

export type Drain = {
  /** Requests being answered now. */
  inFlight(): number;
  /**
   * Stops taking connections and resolves once every request in flight is answered and its
   * connection closed, or after `graceMs`, when whatever is left is cut off (`cutOff` of them).
   */
  drain(graceMs: number): Promise<{ cutOff: number }>;
};

/**
 * What `docker stop` (SIGTERM, then SIGKILL after 10 s) needs from server.ts: no request cut off
 * that could finish in time. `server.close()` alone is not enough: a keep-alive connection whose
 * request finishes after it is left open for keepAliveTimeout (65 s), and still takes requests.
 */
export function trackForDrain(server: Server): Drain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  server.on("request", (_request, response: ServerResponse) => {
    inFlight.add(response);
    // Sent with `Connection: close` when headers are still to come; closed after it either way.
    if (draining) response.shouldKeepAlive = false;
    response.once("close", () => {
      inFlight.delete(response);
      // Its connection is idle once Node has finished with the response (next turn).
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    inFlight: () => inFlight.size,
    drain(graceMs) {
      draining = true;
      for (const response of inFlight) response.shouldKeepAlive = false;
      return new Promise((resolve) => {
        const deadline = setTimeout(() => {
          const cutOff = inFlight.size;
          server.closeAllConnections();
          resolve({ cutOff });
        }, graceMs);
        server.close(() => {
          clearTimeout(deadline);
          resolve({ cutOff: 0 });
        });
        server.closeIdleConnections();
      });
    },
  };
}
