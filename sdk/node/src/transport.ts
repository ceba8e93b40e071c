import { LatchError, latchErrorFrom } from "./errors.js";

/** Spelled without the DOM's global names, which Node's own types do not declare. */
export type HeadersInit = ConstructorParameters<typeof Headers>[0];
export type BodyInit = NonNullable<RequestInit["body"]>;

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | readonly QueryValue[]> | URLSearchParams;

export type TransportOptions = {
  baseUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
};

export type SendOptions = {
  method: string;
  path: string;
  query?: Query;
  headers?: HeadersInit;
  body?: BodyInit | null;
  signal?: AbortSignal;
  /** Stop the clock once headers arrive: a proxied body may stream for longer than the timeout. */
  timeoutCoversHeadersOnly?: boolean;
};

const USER_AGENT = "latch-node/0.1.0";

/** One HTTP exchange with Latch: the key, the deadline, and turning no answer into a LatchError. */
export class Transport {
  readonly #options: TransportOptions;

  constructor(options: TransportOptions) {
    this.#options = options;
  }

  /**
   * Sends one request and hands the answer to `consume` while the deadline still runs (reading
   * the body included), unless `timeoutCoversHeadersOnly` stops the clock at the headers.
   */
  async send<T>(options: SendOptions, consume: (response: Response) => Promise<T>): Promise<T> {
    const { fetch, timeoutMs, apiKey } = this.#options;
    const headers = new Headers(options.headers);
    // Set last, so a caller's header can never replace the key (or leak another credential).
    headers.set("authorization", `Bearer ${apiKey}`);
    if (!headers.has("user-agent")) headers.set("user-agent", USER_AGENT);
    const deadline = new Deadline(timeoutMs, options.signal);
    try {
      const response = await fetch(this.url(options.path, options.query), {
        method: options.method,
        headers,
        body: options.body ?? null,
        signal: deadline.signal,
        // Node's fetch needs this to send a stream as the body.
        ...(isStream(options.body) ? { duplex: "half" } : {}),
      } as RequestInit);
      if (options.timeoutCoversHeadersOnly) deadline.clear();
      return await consume(response);
    } catch (error) {
      throw error instanceof LatchError ? error : deadline.translate(error, timeoutMs);
    } finally {
      deadline.clear();
    }
  }

  /** Sends, then answers the parsed JSON of a 2xx, or throws the LatchError of anything else. */
  json<T>(options: SendOptions): Promise<T> {
    const headers = new Headers(options.headers);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    return this.send({ ...options, headers }, async (response) => {
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // A 2xx that is not JSON is not an answer the API gives: say so rather than guess.
        if (response.ok) throw latchErrorFrom(response, undefined);
      }
      if (!response.ok) throw latchErrorFrom(response, body);
      return body as T;
    });
  }

  url(path: string, query?: Query): string {
    const url = `${this.#options.baseUrl}${path}`;
    const search = toSearchParams(query).toString();
    return search ? `${url}?${search}` : url;
  }
}

/** Query values as sent: arrays repeat the name, null and undefined leave it out. */
export function toSearchParams(query?: Query): URLSearchParams {
  if (!query) return new URLSearchParams();
  if (query instanceof URLSearchParams) return new URLSearchParams(query);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const one of values)
      if (one !== undefined && one !== null) params.append(name, String(one));
  }
  return params;
}

function isStream(body: unknown): boolean {
  return typeof ReadableStream !== "undefined" && body instanceof ReadableStream;
}

/** The caller's signal and our timeout as one signal, telling afterwards which one fired. */
class Deadline {
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  #timedOut = false;
  readonly #caller: AbortSignal | undefined;

  constructor(timeoutMs: number, caller?: AbortSignal) {
    this.#caller = caller;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort();
    }, timeoutMs);
    if (caller?.aborted) this.#controller.abort(caller.reason);
    caller?.addEventListener("abort", () => this.#controller.abort(caller.reason), { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  clear() {
    clearTimeout(this.#timer);
  }

  /** A caller's abort stays theirs; our timeout and network failures become LatchErrors. */
  translate(error: unknown, timeoutMs: number): unknown {
    if (this.#caller?.aborted) return error;
    if (this.#timedOut) {
      return new LatchError({
        status: 0,
        code: "timeout",
        message: `Latch did not answer within ${timeoutMs} ms.`,
        cause: error,
      });
    }
    return new LatchError({
      status: 0,
      code: "network_error",
      message: `Latch could not be reached at this baseUrl (${networkReason(error)}).`,
      cause: error,
    });
  }
}

/** Node's fetch says only "fetch failed"; the system's reason (ECONNREFUSED…) is in its cause. */
function networkReason(error: unknown): string {
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === "string") return cause.code;
  return error instanceof Error ? error.message : String(error);
}
