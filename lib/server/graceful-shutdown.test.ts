import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { trackForDrain } from "./graceful-shutdown";

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
});

/** A server like server.ts's (65 s keep-alive) whose answers take `delayMs`. */
async function slowServer(delayMs: number) {
  const server = http.createServer((request, response) => {
    if (request.url === "/never") return; // never answered
    setTimeout(() => response.end("done"), delayMs);
  });
  server.keepAliveTimeout = 65_000;
  servers.push(server);
  const drain = trackForDrain(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true });
  const get = (path = "/") =>
    new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path, agent }, (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode!,
              connection: response.headers.connection,
              body,
            }),
          );
        })
        .on("error", reject);
    });
  return { drain, get };
}

describe("trackForDrain", () => {
  it("finishes requests in flight, then closes their keep-alive connections at once", async () => {
    const { drain, get } = await slowServer(300);
    await get(); // leaves an idle keep-alive connection, which is closed right away
    const inFlight = get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drain.inFlight()).toBe(1);

    const started = Date.now();
    const drained = drain.drain(5_000);
    expect(await inFlight).toEqual({ status: 200, connection: "close", body: "done" });
    expect(await drained).toEqual({ cutOff: 0 });
    // Not held up by the 65 s keep-alive.
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(get()).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("cuts off what is still running after the grace period", async () => {
    const { drain, get } = await slowServer(0);
    const stuck = get("/never");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    expect(await drain.drain(300)).toEqual({ cutOff: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await expect(stuck).rejects.toMatchObject({ code: "ECONNRESET" });
  });
});
