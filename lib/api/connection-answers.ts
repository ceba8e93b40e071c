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
