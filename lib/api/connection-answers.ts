import type { AccessTokenResult } from "../connections/get-access-token";
import { apiError } from "./respond";

/** The API's answers for a connection that cannot be used, shared by every connection route. */
export const connectionNotFound = () =>
  apiError(404, "connection_not_found", "There is no connection with this id in your workspace.");

export const connectionRevoked = () =>
  apiError(
    409,
    "connection_revoked",
    "This connection was revoked. Send the end user a new connect link to connect again.",
  );

/**
 * Why no token could be had: 404, 409 revoked, 409 connection_failing when Atlassian refused
 * the credential, or 503 with Retry-After when it could not answer just now.
 */
export function tokenFailureAnswer(result: Exclude<AccessTokenResult, { ok: true }>): Response {
  if (result.reason === "not_found") return connectionNotFound();
  if (result.reason === "revoked") return connectionRevoked();
  const { failure, transient, retryAfterSeconds } = result;
  return transient
    ? apiError(503, failure.code, failure.message, {
        "retry-after": String(retryAfterSeconds ?? 30),
      })
    : apiError(409, "connection_failing", failure.message);
}
