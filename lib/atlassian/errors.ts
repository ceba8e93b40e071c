export type AtlassianErrorCode =
  /** The client ID is unknown to Atlassian (or the credential was deleted). */
  | "invalid_client"
  /** The client secret is wrong, or the credential was revoked. */
  | "invalid_credentials"
  /** Atlassian kept answering 429 within our deadline. */
  | "rate_limited"
  /** 5xx answers or network failures, after retries. */
  | "unavailable"
  /** No answer within the deadline. */
  | "timeout"
  /** An answer we cannot use: malformed, oversized, or an error that means we sent a bad request. */
  | "unexpected_response";

/**
 * A failure talking to Atlassian. `detail` is for logs only: it names statuses and error codes,
 * never bodies or secrets, and is never shown to a person.
 */
export class AtlassianError extends Error {
  readonly code: AtlassianErrorCode;
  readonly detail: string;
  readonly retryAfterSeconds?: number;

  constructor(code: AtlassianErrorCode, detail: string, retryAfterSeconds?: number) {
    super(`Atlassian ${code}: ${detail}`);
    this.name = "AtlassianError";
    this.code = code;
    this.detail = detail;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
