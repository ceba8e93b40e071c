import "server-only";
import pg from "pg";
import { logger } from "../log";

/** The channel every change to a hot row is announced on (lib/db/change-hot-rows.ts). */
export const HOT_ROWS_CHANNEL = "latch_hot_rows";

/**
 * What a process knows of other processes' changes to hot rows, through PostgreSQL's
 * LISTEN/NOTIFY on a connection of its own (a pooled one would be handed to queries, and a
 * LISTEN on it would go with them).
 */
export type ChangeFeed = {
  /**
   * Moves on every notification, on losing the connection and on listening again. A row read
   * under one generation may be remembered only while it is still current: a notification that
   * arrived meanwhile may be about the very row, read before the change committed.
   */
  generation(): number;
  /** False until LISTEN is in place and after losing it: nothing may be answered from memory. */
  listening(): boolean;
  /** This process committed a change itself: moves the generation without waiting for its echo. */
  changed(): void;
  close(): Promise<void>;
};

export type FeedOptions = {
  /** First wait before reconnecting; doubled after each failure up to retryMaxMs. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** How often the connection is proven alive, and how long a proof may take. */
  heartbeatMs?: number;
  heartbeatDeadlineMs?: number;
};

/** Starts listening at once, in the background; listening() says when it is in place. */
export function listenForChanges(connectionString: string, options: FeedOptions = {}): ChangeFeed {
  const {
    retryMinMs = 100,
    retryMaxMs = 5_000,
    heartbeatMs = 5_000,
    heartbeatDeadlineMs = 2_000,
  } = options;
  let generation = 0;
  let current: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retryMs = retryMinMs;
  let heartbeat: NodeJS.Timeout | undefined;
  let everLost = false;

  const lost = (client: pg.Client, error: unknown) => {
    if (client !== current) return; // a late event of a connection already given up
    current = null;
    listening = false;
    generation += 1;
    clearInterval(heartbeat);
    client.removeAllListeners("notification");
    client.end().catch(() => undefined);
    if (closed) return;
    everLost = true;
    logger.warn(
      { err: error, retryInMs: retryMs },
      "Lost the PostgreSQL change feed; reading every request from the database until it is back",
    );
    setTimeout(() => void connect(), retryMs).unref();
    retryMs = Math.min(retryMs * 2, retryMaxMs);
  };

  const beat = async (client: pg.Client, inFlight: { busy: boolean }) => {
    if (inFlight.busy) return;
    inFlight.busy = true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error("heartbeat timed out")), heartbeatDeadlineMs);
    });
    try {
      // A connection cut without a word (a partition) would otherwise look alive for good.
      await Promise.race([client.query("SELECT 1"), deadline]);
    } catch (error) {
      lost(client, error);
    } finally {
      clearTimeout(timer);
      inFlight.busy = false;
    }
  };

  const connect = async () => {
    if (closed) return;
    const client = new pg.Client({
      connectionString,
      keepAlive: true,
      application_name: "latch-change-feed",
    });
    current = client;
    client.on("error", (error) => lost(client, error));
    client.on("end", () => lost(client, new Error("connection ended")));
    client.on("notification", (message) => {
      if (client === current && message.channel === HOT_ROWS_CHANNEL) generation += 1;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${HOT_ROWS_CHANNEL}`);
    } catch (error) {
      lost(client, error);
      return;
    }
    if (client !== current) return;
    // Re-synced: whatever changed while nobody listened is read afresh, as is any read in flight.
    generation += 1;
    listening = true;
    retryMs = retryMinMs;
    const inFlight = { busy: false };
    heartbeat = setInterval(() => void beat(client, inFlight), heartbeatMs).unref();
    if (everLost) logger.info("PostgreSQL change feed back; remembering reads again");
  };

  void connect();
  return {
    generation: () => generation,
    listening: () => listening,
    changed() {
      generation += 1;
    },
    async close() {
      closed = true;
      const client = current;
      current = null;
      listening = false;
      clearInterval(heartbeat);
      await client?.end().catch(() => undefined);
    },
  };
}
