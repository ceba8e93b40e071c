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

export type HttpAnswer = { status: number; headers: Headers; body: unknown };

/** Upstream answers are small; anything bigger is not what we asked for. */
const MAX_BODY_BYTES = 64 * 1024;
const BASE_BACKOFF_MS = 250;

/**
 * One upstream call with bounded retries: 429 and 5xx answers and network failures are retried
 * with exponential backoff (or the delay Atlassian asks for) while the deadline allows.
 * Answers the JSON body (or null when it is not JSON), never more than MAX_BODY_BYTES of it.
 */
export async function requestJson(
  url: string,
  init: RequestInit,
  options: HttpOptions,
): Promise<HttpAnswer> {
  for (let attempt = 1; ; attempt++) {
    let answer: HttpAnswer;
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
        body: await readJson(response),
      };
    } catch (error) {
      if (error instanceof AtlassianError) throw error;
      if (options.signal.aborted)
        throw new AtlassianError("timeout", `no answer from ${pathOf(url)} in time`);
      answer = { status: 0, headers: new Headers(), body: null };
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
    if (exhausted) throw failure(url, answer, askedDelay);
    await sleep(delay, options.signal).catch(() => {
      throw new AtlassianError("timeout", `no usable answer from ${pathOf(url)} in time`);
    });
  }
}

function failure(url: string, answer: HttpAnswer, askedDelay: number | null): AtlassianError {
  const where = pathOf(url);
  if (answer.status === 429) {
    const seconds = askedDelay === null ? undefined : Math.max(1, Math.ceil(askedDelay / 1000));
    return new AtlassianError("rate_limited", `429 from ${where}`, seconds);
  }
  if (answer.status === 0)
    return new AtlassianError("unavailable", `network failure calling ${where}`);
  return new AtlassianError("unavailable", `${answer.status} from ${where}`);
}

async function readJson(response: Response): Promise<unknown> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) {
    await response.body?.cancel();
    throw new AtlassianError("unexpected_response", `answer of ${declared} bytes is too large`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw new AtlassianError(
          "unexpected_response",
          `answer larger than ${MAX_BODY_BYTES} bytes`,
        );
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function pathOf(url: string): string {
  return new URL(url).pathname;
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
