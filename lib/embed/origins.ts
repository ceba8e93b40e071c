/**
 * Which sites may frame the connect page and receive its messages: the connect session's own
 * `allowed_origins` when its backend set them, otherwise the workspace's list (settings).
 */
export function effectiveAllowedOrigins(
  sessionOrigins: string | null,
  workspaceOrigins: string,
): string[] {
  return parseOriginList(sessionOrigins ?? workspaceOrigins);
}

export function parseOriginList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? value.filter((origin): origin is string => typeof origin === "string")
      : [];
  } catch {
    return [];
  }
}

export function isAllowedOrigin(origin: string | null | undefined, allowed: string[]): boolean {
  return !!origin && allowed.includes(origin);
}

/** The `Content-Security-Policy` for a connect page: framed only by the allowed origins. */
export function frameAncestorsPolicy(allowed: string[]): string {
  // Origins were validated when stored; this guards the header against anything odd anyway.
  const safe = allowed.filter((origin) => /^https?:\/\/[a-z0-9.:[\]-]+$/i.test(origin));
  return `frame-ancestors ${safe.length ? safe.join(" ") : "'none'"}`;
}
