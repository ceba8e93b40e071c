import { AtlassianError } from "./errors";
import { retryAfterMs } from "./retry-after";

export type HttpOptions = {
  fetch: typeof fetch;
  /** Aborts when the caller's overall deadline passes. */
  signal: AbortSignal;
  /** When the deadline passes, as a timestamp; retries never wait past it. */
  deadline: number;
  maxAttempts: number;
  /** Accumulates time spent waiting on Atlassian, so Latch's own time can be told apart. */
  stats?: { upstreamMs: number; requests: number };
};

export type HttpAnswer = {
  status: number;
  headers: Headers;
  /** The parsed JSON body; null when there was none or it was not JSON. */
  body: unknown;
  /** False when the body could not be parsed as JSON (empty, truncated, HTML…). */
  isJson: boolean;
};

/** Token answers are small; anything bigger is not what we asked for. */
const MAX_BODY_BYTES = 64 * 1024;
const BASE_BACKOFF_MS = 250;
/**
 * The longest wait Latch repeats to a person or an API client. Atlassian's rate-limit windows
 * are seconds to minutes; a larger Retry-After or X-RateLimit-Reset is a broken header, and
 * "try again in 1000000000000 seconds" helps nobody.
 */
const MAX_RETRY_AFTER_SECONDS = 60 * 60;
/**
 * Network failures that retrying within seconds cannot cure. ENOTFOUND is a definitive "no such
 * host" from DNS (a misconfigured ATLASSIAN_AUTH_URL or ATLASSIAN_API_URL), unlike EAI_AGAIN, a
 * resolver that did not answer, which is retried like any other network failure.
 */
const PERMANENT_NETWORK_CODES = new Set(["ENOTFOUND"]);

/**
 * One upstream call with bounded retries: 429 and 5xx answers and network failures (except a
 * host that does not exist) are retried with exponential backoff (or the delay Atlassian asks
 * for) while the deadline allows; the deadline's signal also cuts a stalled connect, status line
 * or body. Answers the JSON body (or null when it is not JSON), never more than `maxBodyBytes`
 * of it (64 KB unless the caller expects more).
 */
export async function requestJson(
  url: string,
  init: RequestInit,
  options: HttpOptions,
  maxBodyBytes = MAX_BODY_BYTES,
): Promise<HttpAnswer> {
  for (let attempt = 1; ; attempt++) {
    let answer: HttpAnswer;
    let networkCode: string | undefined;
    const started = performance.now();
    try {
      const response = await options.fetch(url, {
        ...init,
        signal: options.signal,
        redirect: "error",
      });
      answer = {
        status: response.status,
        headers: response.headers,
        ...(await readJson(response, url, options.signal, maxBodyBytes)),
      };
    } catch (error) {
      if (error instanceof AtlassianError) throw error;
      // The deadline passed while connecting, waiting for the status line or reading the body.
      if (options.signal.aborted)
        throw new AtlassianError("timeout", `no answer from ${hostAndPath(url)} in time`);
      networkCode = errorCode(error);
      if (networkCode && PERMANENT_NETWORK_CODES.has(networkCode)) {
        throw new AtlassianError("unavailable", networkDetail(url, networkCode));
      }
      answer = { status: 0, headers: new Headers(), body: null, isJson: false };
    } finally {
      if (options.stats) {
        options.stats.upstreamMs += performance.now() - started;
        options.stats.requests += 1;
      }
    }

    const retryable = answer.status === 0 || answer.status === 429 || answer.status >= 500;
    if (!retryable) return answer;

    const askedDelay = retryAfterMs(answer.headers);
    const delay = askedDelay ?? BASE_BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + Math.random());
    const exhausted = attempt >= options.maxAttempts || Date.now() + delay > options.deadline;
    if (exhausted) throw failure(url, answer, askedDelay, networkCode);
    await sleep(delay, options.signal).catch(() => {
      throw new AtlassianError("timeout", `no usable answer from ${pathOf(url)} in time`);
    });
  }
}

function failure(
  url: string,
  answer: HttpAnswer,
  askedDelay: number | null,
  networkCode: string | undefined,
): AtlassianError {
  const where = pathOf(url);
  if (answer.status === 429) {
    const seconds =
      askedDelay === null
        ? undefined
        : Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(askedDelay / 1000)));
    return new AtlassianError("rate_limited", `429 from ${where}`, seconds);
  }
  if (answer.status === 0)
    return new AtlassianError("unavailable", networkDetail(url, networkCode));
  return new AtlassianError("unavailable", `${answer.status} from ${where}`);
}

/** For logs: which host (from configuration, never from user input) failed, and how. */
function networkDetail(url: string, code: string | undefined): string {
  return `network failure calling ${hostAndPath(url)}${code ? ` (${code})` : ""}`;
}

/**
 * The system error code behind a failed fetch (ECONNREFUSED, ENOTFOUND, ECONNRESET…), from the
 * error or its causes. Only a code-shaped string is taken: messages may quote what was sent.
 */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

async function readJson(
  response: Response,
  url: string,
  signal: AbortSignal,
  maxBodyBytes: number,
): Promise<Pick<HttpAnswer, "body" | "isJson">> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBodyBytes) {
    await response.body?.cancel();
    throw new AtlassianError(
      "unexpected_response",
      `answer of ${declared} bytes from ${pathOf(url)} is too large`,
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    // The deadline cuts a body that stalls half-way even where the fetch implementation would
    // leave a pending read waiting on the socket.
    const deadline = new Promise<never>((_, reject) => {
      const stop = () => {
        reject(signal.reason);
        void reader.cancel().catch(() => undefined);
      };
      if (signal.aborted) stop();
      else signal.addEventListener("abort", stop, { once: true });
    });
    deadline.catch(() => undefined); // raced below; never an unhandled rejection
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBodyBytes) {
        await reader.cancel();
        throw new AtlassianError(
          "unexpected_response",
          `answer from ${pathOf(url)} larger than ${maxBodyBytes} bytes`,
        );
      }
      chunks.push(value);
    }
  }
  // A read the deadline cut off may end as "done": that is a timeout, not a truncated answer.
  if (signal.aborted) throw signal.reason;
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return { body: JSON.parse(text), isJson: true };
  } catch {
    return { body: null, isJson: false };
  }
}

function pathOf(url: string): string {
  return new URL(url).pathname;
}

function hostAndPath(url: string): string {
  const { host, pathname } = new URL(url);
  return `${host}${pathname}`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
