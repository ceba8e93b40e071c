import { isIP } from "node:net";
import { ConfigError } from "../env-schema";

export type ListenAddress = { hostname: string; port: number };

/** Every interface: what a server in a container must listen on to be reached from outside it. */
const EVERY_INTERFACE = "0.0.0.0";

/**
 * Where server.ts listens: `--hostname`/`--port` first, then $HOSTNAME and $PORT, then every
 * interface on port 3000.
 *
 * $HOSTNAME counts only when it is an address (`127.0.0.1`, `::`, `0.0.0.0`) or `localhost`:
 * Docker, Podman, Kubernetes and most shells set it to the machine's or container's own name,
 * and listening on what that name resolves to would shut out loopback (the image's HEALTHCHECK)
 * or, on a laptop, everything but one interface.
 */
export function listenAddress(
  flags: { hostname?: string; port?: string },
  env: Record<string, string | undefined>,
): ListenAddress {
  return {
    hostname: flags.hostname?.trim() || addressFromEnv(env.HOSTNAME) || EVERY_INTERFACE,
    port: parsePort(flags.port?.trim() || env.PORT?.trim() || "3000"),
  };
}

function addressFromEnv(value: string | undefined): string | undefined {
  const text = value?.trim().replace(/^\[(.*)\]$/, "$1");
  if (!text) return undefined;
  return isIP(text) || text.toLowerCase() === "localhost" ? text : undefined;
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65_535)) {
    throw new ConfigError(`PORT must be a port number from 0 to 65535 (not "${text}").`);
  }
  return port;
}
