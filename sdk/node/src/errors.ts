/**
 * Every failure of a call to Latch: an error answer from Latch itself (`status` and `code` as the
 * API documents them), or no answer at all (`status` 0, `code` `timeout` or `network_error`).
 * Atlassian's own answers through `connections.proxy` are never a LatchError.
 */
export class LatchError extends Error {
  override readonly name = "LatchError";
  /** The HTTP status Latch answered, or 0 when it gave no answer. */
  readonly status: number;
  /** Latch's stable snake_case code, e.g. `connection_not_found`, `rate_limited`. */
  readonly code: string;
  /** Seconds to wait before trying again, from `Retry-After`; null when Latch did not say. */
  readonly retryAfter: number | null;
  /** Latch's `X-Request-Id` for the request, to quote when asking about it. */
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    retryAfter?: number | null;
    requestId?: string | null;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.retryAfter = init.retryAfter ?? null;
    this.requestId = init.requestId ?? null;
  }
}

/** `Retry-After` as whole seconds from now: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP date names its day and month; Date.parse alone would read "-3" as a year.
  if (!/^[a-z]{3}, /i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

type ErrorBody = { error: { code: string; message: string } };

/** Latch's error body, `{"error":{"code","message"}}`; anything else is not Latch's. */
export function isLatchErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null) return false;
  const error = (value as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === "string" && /^[a-z][a-z0-9_]*$/.test(code) && typeof message === "string";
}

/** The LatchError for an error answer whose body has already been parsed. */
export function latchErrorFrom(response: Response, body: unknown): LatchError {
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
  const requestId = response.headers.get("x-request-id");
  if (isLatchErrorBody(body)) {
    const { code, message } = body.error;
    return new LatchError({ status: response.status, code, message, retryAfter, requestId });
  }
  // Not Latch's shape: a load balancer's page, say. Its body is not repeated: it could be large.
  return new LatchError({
    status: response.status,
    code: "unexpected_response",
    message: `Latch answered HTTP ${response.status} without its JSON error body; check baseUrl and what sits in front of Latch.`,
    retryAfter,
    requestId,
  });
}
