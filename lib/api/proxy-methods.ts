import type { PathMethod } from "./methods";

/** The methods the proxy forwards (PRODUCT.md). */
export const PROXY_METHODS = [
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
] as const satisfies readonly PathMethod[];
