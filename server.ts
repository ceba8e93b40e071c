/**
 * Latch's production server (`npm start`). Next serves every page and route, except the three a
 * tenant's backend and its load balancer call many times a second (health, access token, the
 * proxy): those route handlers are called directly, skipping Next's per-request pipeline, which
 * on its own costs several milliseconds of CPU (README: How it is built, the hot path;
 * `npm run bench:tokens`, `npm run bench:proxy`). Same handlers, same answers.
 *
 * `npm run build` bundles this file to .next/latch-server.mjs.
 */
import "./lib/server/load-env";
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { GET as health } from "./app/api/health/route";
import { GET as accessToken } from "./app/api/v1/connections/[id]/access-token/route";
import { apiError } from "./lib/api/respond";
import { boundRequestBody } from "./lib/server/body-limit";
import { sendWebResponse, toWebRequest, type WebHandler } from "./lib/server/node-bridge";
import { getEnv } from "./lib/env";
import { HSTS_HEADER } from "./lib/http/security-headers.mjs";
import { logger } from "./lib/log";
import { observeHttp } from "./lib/metrics/observe-http";
import { markClientAddressesResolved } from "./lib/http/client-address";
import { AddressSet } from "./lib/net/cidr";
import { applyClientAddress } from "./lib/server/client-address";
import { serveProxy } from "./lib/server/proxy-fast-path";
import { ConfigError } from "./lib/env-schema";
import { trackForDrain, type Drain } from "./lib/server/graceful-shutdown";
import { listenAddress } from "./lib/server/listen-address";
import { startLatch, stopLatch } from "./lib/server/start";

// Under `docker stop`'s 10 s before SIGKILL, so the database is still closed cleanly.
const DRAIN_GRACE_MS = 8_000;
const ACCESS_TOKEN_PATH = /^\/api\/v1\/connections\/([^/]+)\/access-token$/;

/** The handler for a hot route, or undefined to let Next answer. */
function hotRoute(method: string | undefined, url: string | undefined): WebHandler | undefined {
  if (method !== "GET" || !url) return undefined;
  const pathname = url.split("?", 1)[0]!;
  if (pathname === "/api/health") return () => health();
  const id = ACCESS_TOKEN_PATH.exec(pathname)?.[1];
  if (id) {
    return (request) => accessToken(request, { params: Promise.resolve({ id: safeDecode(id) }) });
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p" },
      hostname: { type: "string", short: "H" },
    },
  });
  // $HOSTNAME only when it is an address: containers set it to their own name.
  const { hostname, port } = listenAddress(values, process.env);
  // Migrations, first-run settings and background jobs, before any request is taken.
  await startLatch();
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Behind https, browsers are told to use nothing else (Next's own responses included).
  const hsts = getEnv().PUBLIC_URL.startsWith("https://");
  const trustedProxies = new AddressSet(getEnv().TRUSTED_PROXIES);
  markClientAddressesResolved();
  const server = http.createServer((req, res) => {
    observeHttp(req, res);
    if (hsts) res.setHeader(HSTS_HEADER.key, HSTS_HEADER.value);
    // The client's address for rate limits and the audit log: only TRUSTED_PROXIES may name it.
    applyClientAddress(req, trustedProxies);
    // The proxy streams both ways, so it has a path of its own (lib/server/proxy-fast-path.ts).
    if (serveProxy(req, res)) return;
    const hot = hotRoute(req.method, req.url);
    // Page and server action bodies: at most 1 MB, counted even when no length is declared.
    if (!hot) return void boundRequestBody(req, res, () => void handle(req, res));
    // Inside the chain: a malformed Host header makes building the Request throw.
    Promise.resolve()
      .then(() => hot(toWebRequest(req)))
      .then((response) => sendWebResponse(res, response))
      .catch((error: unknown) => {
        logger.error({ err: error, path: req.url?.split("?", 1)[0] }, "hot route crashed");
        if (res.headersSent) return void res.destroy();
        void sendWebResponse(
          res,
          apiError(500, "internal_error", "Something went wrong on our side. Try again."),
        );
      });
  });
  // An idle keep-alive connection closed by the server just as a client (or a load balancer:
  // AWS's default idle timeout is 60 s) sends on it is a reset request. Node's 5 s default is
  // shorter than every common proxy's; Latch keeps idle connections longer than they do.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, hostname, () => {
    const host = hostname.includes(":") ? `[${hostname}]` : hostname;
    logger.info({ url: `http://${host}:${port}` }, "Listening");
  });

  stopOnSignals(trackForDrain(server));
}

/**
 * SIGTERM (`docker stop`, Kubernetes, systemd) or SIGINT: take no new connections, finish the
 * requests in flight, stop the background jobs, close the database, exit. Node handles the
 * signals itself, so this works as the container's PID 1 as well as under `--init`/tini. A
 * second signal exits at once.
 */
function stopOnSignals(drain: Drain) {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal, inFlight: drain.inFlight() }, "Stopping: finishing requests in flight");
    const { cutOff } = await drain.drain(DRAIN_GRACE_MS);
    if (cutOff) logger.warn({ cutOff }, "Stopping: cut off requests still running");
    await stopLatch().catch((error: unknown) =>
      logger.warn({ err: error }, "Stopping: close failed"),
    );
    logger.info("Stopped");
    process.exit(cutOff ? 1 : 0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(signal));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, "Latch could not start");
  process.exit(1);
});
