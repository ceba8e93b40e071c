import "server-only";
import { findConnectSession, findConnectSessionByHash } from "../connections/find-connect-session";
import { frameAncestorsPolicy } from "./origins";

/**
 * The framing policy of a connect page: its session's allowed origins may frame it, nobody else.
 * `/connect` is looked up by the token in its link, `/connect/embed` by the token's hash.
 */
export async function connectPagePolicy(
  pathname: string,
  params: URLSearchParams,
): Promise<string> {
  const lookup =
    pathname === "/connect/embed"
      ? await findConnectSessionByHash(params.get("session"))
      : await findConnectSession(params.get("session_token"));
  return frameAncestorsPolicy(lookup.state === "invalid" ? [] : lookup.presentation.allowedOrigins);
}
