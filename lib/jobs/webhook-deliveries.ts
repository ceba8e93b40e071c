import "server-only";
import { openSecret } from "../crypto/secrets";
import { getDb } from "../db";
import { metrics } from "../metrics/registry";
import { logger } from "../log";
import { forEachConcurrently, startRecurring } from "./recurring";
import { signPayload, SIGNATURE_HEADER } from "../webhooks/signature";
import {
  REFUSED_PRIVATE,
  resolveTarget,
  systemResolve,
  webhookAddressPolicy,
  type Resolve,
} from "../webhooks/target";
import { pinnedPost, type Post } from "../webhooks/transport";

export type DeliverOptions = {
  /** Sends one request to the checked address; tests replace it. */
  post?: Post;
  /** Resolves the receiver's host name; tests replace it. */
  resolve?: Resolve;
  /** Overrides `ALLOW_PRIVATE_WEBHOOKS` for this round. */
  allowPrivate?: boolean;
  now?: Date;
  limit?: number;
};

/** How one round sends: where it may connect, and with what. */
type Sender = { post: Post; resolve: Resolve; allowPrivate: boolean };

type Due = { id: string; workspaceId: string; event: string; payload: string; attempts: number };
type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

const MINUTE = 60_000;
/** The wait after failed attempt n (1-based); the attempt after the last of these is the final one. */
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 360].map((minutes) => minutes * MINUTE);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
const DEFAULT_LIMIT = 50;
const TIMEOUT_MS = 10_000;
// Longer than any send can take, so a claim only lapses when its holder died mid-send.
const CLAIM_MS = 2 * MINUTE;
// Sends in flight at once per round: one slow receiver must not hold up the others for long.
const CONCURRENCY = 8;

/**
 * Sends the webhook deliveries that are due, and answers how many it attempted.
 *
 * Each delivery is claimed with one conditional update (compare-and-swap on `attempts`, which
 * every claim increments, while it is still pending and due), pushing `nextAttemptAt` past the
 * send. Of several instances (or overlapping rounds) that saw the same row, exactly one wins the
 * claim; if that instance dies mid-send the claim lapses and the delivery is retried, so delivery
 * is at least once. A per-row claim rather than a round lease lets instances share the work.
 */
export async function deliverDueWebhooks(options: DeliverOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const due = await getDb().webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: Math.max(0, options.limit ?? DEFAULT_LIMIT),
    select: { id: true, workspaceId: true, event: true, payload: true, attempts: true },
  });
  const sender: Sender = {
    post: options.post ?? pinnedPost,
    resolve: options.resolve ?? systemResolve,
    allowPrivate: options.allowPrivate ?? webhookAddressPolicy().allowPrivate,
  };
  let attempted = 0;
  await forEachConcurrently(due, Math.min(CONCURRENCY, due.length), async (delivery) => {
    try {
      if (!(await claim(delivery, now))) return;
      attempted += 1;
      await attempt({ ...delivery, attempts: delivery.attempts + 1 }, now, sender);
    } catch (error) {
      // The claim lapses and the delivery is retried; the others in this round go ahead.
      logger.error({ err: error, delivery: delivery.id }, "webhook delivery crashed");
    }
  });
  return attempted;
}

async function claim(delivery: Due, now: Date): Promise<boolean> {
  const { count } = await getDb().webhookDelivery.updateMany({
    where: {
      id: delivery.id,
      status: "pending",
      attempts: delivery.attempts,
      nextAttemptAt: { lte: now },
    },
    data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
  });
  return count === 1;
}

/** One attempt of a claimed delivery; `attempts` already counts it. */
async function attempt(delivery: Due, now: Date, sender: Sender): Promise<void> {
  const db = getDb();
  const workspace = await db.workspace.findUnique({
    where: { id: delivery.workspaceId },
    select: { webhookUrl: true, webhookSecretSealed: true },
  });
  if (!workspace?.webhookUrl) {
    // Nothing was sent, so the claim's attempt is given back.
    await settle(delivery, {
      status: "failed",
      attempts: delivery.attempts - 1,
      lastStatus: null,
      lastError: "Webhook removed",
    });
    metrics().webhookDeliveries.inc({ outcome: "failed" });
    return;
  }
  const outcome = workspace.webhookSecretSealed
    ? await send(delivery, workspace.webhookUrl, workspace.webhookSecretSealed, sender)
    : ({ ok: false, status: null, error: "No signing secret; roll one in settings" } as const);

  if (outcome.ok) {
    await settle(delivery, {
      status: "delivered",
      lastStatus: outcome.status,
      lastError: null,
      deliveredAt: now,
    });
    metrics().webhookDeliveries.inc({ outcome: "delivered" });
    return;
  }
  const final = delivery.attempts >= MAX_ATTEMPTS;
  metrics().webhookDeliveries.inc({ outcome: final ? "failed" : "retrying" });
  const delay = RETRY_DELAYS_MS[delivery.attempts - 1] ?? 0;
  await settle(delivery, {
    status: final ? "failed" : "pending",
    lastStatus: outcome.status,
    lastError: outcome.error,
    ...(final ? {} : { nextAttemptAt: new Date(now.getTime() + delay) }),
  });
  logger.warn(
    { delivery: delivery.id, attempts: delivery.attempts, status: outcome.status, final },
    `webhook delivery failed: ${outcome.error}`,
  );
}

async function send(
  delivery: Due,
  url: string,
  secretSealed: string,
  sender: Sender,
): Promise<Outcome> {
  let secret: string;
  try {
    secret = openSecret(secretSealed, {
      workspaceId: delivery.workspaceId,
      recordId: delivery.workspaceId,
      purpose: "webhook_secret",
    });
  } catch {
    return { ok: false, status: null, error: "Signing secret cannot be opened; roll a new one" };
  }
  try {
    const target = new URL(url);
    // Checked at every attempt, on what the name resolves to now: an address saved earlier,
    // or a name whose DNS answer changed since, is judged as it stands.
    const checked = await withinTimeout(
      resolveTarget(target, { allowPrivate: sender.allowPrivate }, sender.resolve),
    );
    if (!checked.ok) {
      logger.warn(
        {
          delivery: delivery.id,
          host: target.hostname,
          address: checked.address,
          range: checked.special.range,
        },
        `webhook delivery refused: ${checked.address} is ${checked.special.reason}`,
      );
      return { ok: false, status: null, error: REFUSED_PRIVATE };
    }
    const { status } = await sender.post({
      url: target,
      address: checked.address,
      headers: {
        "content-type": "application/json",
        "user-agent": "Latch-Webhooks/1",
        // Signed at the moment of sending, so receivers' replay window starts then.
        [SIGNATURE_HEADER]: signPayload(secret, delivery.payload, Date.now() / 1000),
        "Latch-Event": delivery.event,
        "Latch-Delivery": delivery.id,
      },
      body: delivery.payload,
      timeoutMs: TIMEOUT_MS,
    });
    if (status >= 200 && status < 300) return { ok: true, status };
    // A redirect could send the signed event somewhere the tenant did not choose (or inside).
    const redirected = status >= 300 && status < 400;
    return {
      ok: false,
      status: status || null,
      error: redirected ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`,
    };
  } catch (error) {
    return { ok: false, status: null, error: describeNetworkError(error) };
  }
}

async function settle(
  delivery: Due,
  data: {
    status: "delivered" | "pending" | "failed";
    attempts?: number;
    lastStatus: number | null;
    lastError: string | null;
    nextAttemptAt?: Date;
    deliveredAt?: Date;
  },
): Promise<void> {
  // Conditional on our claim, so a send that somehow outlived it cannot overwrite a newer attempt.
  await getDb().webhookDelivery.updateMany({
    where: { id: delivery.id, attempts: delivery.attempts, status: "pending" },
    data,
  });
}

/** A stuck resolver must not hold the delivery past its claim: it gets the send's timeout. */
function withinTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error("DNS lookup timed out");
      error.name = "TimeoutError";
      reject(error);
    }, TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Short, and never the receiver's words: they could echo anything back. */
function describeNetworkError(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `No answer within ${TIMEOUT_MS / 1000} s`;
  }
  // node:http puts the code on the error itself (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED…).
  const coded = error instanceof Error ? (error as { code?: unknown }) : undefined;
  const code =
    typeof coded?.code === "string" && /^[A-Z0-9_]{2,40}$/.test(coded.code) ? coded.code : null;
  return code ? `Could not connect (${code})` : "Could not connect";
}

/** Finished deliveries (their payloads name end users) are kept this long for the log. */
export const DELIVERY_RETENTION_MS = 30 * 24 * 60 * MINUTE;
const PRUNE_EVERY_MS = 60 * MINUTE;

/**
 * Deletes delivered and failed deliveries older than DELIVERY_RETENTION_MS; pending ones stay
 * whatever their age. Safe on several instances at once (each delete is idempotent).
 */
export async function pruneOldDeliveries(now = new Date()): Promise<number> {
  const { count } = await getDb().webhookDelivery.deleteMany({
    where: {
      status: { in: ["delivered", "failed"] },
      createdAt: { lt: new Date(now.getTime() - DELIVERY_RETENTION_MS) },
    },
  });
  return count;
}

/**
 * Runs deliverDueWebhooks every `intervalMs` until the answer is called, and prunes old
 * deliveries once an hour. A round starts only
 * after the previous one finished, and the timer never keeps the process alive.
 */
export function startWebhookWorker(
  intervalMs = 5000,
  options: Omit<DeliverOptions, "now"> = {},
): () => void {
  let prunedAt = 0;
  return startRecurring({
    name: "webhook delivery round",
    everyMs: intervalMs,
    run: async () => {
      await deliverDueWebhooks(options);
      if (Date.now() - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = Date.now();
        const pruned = await pruneOldDeliveries();
        if (pruned) logger.info({ pruned }, "old webhook deliveries deleted");
      }
    },
  });
}
