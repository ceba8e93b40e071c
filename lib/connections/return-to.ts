import { safeNextPath } from "../http/safe-redirect";

/**
 * Where the Connected screen may lead back to: only the dashboard's connection pages of this
 * Latch, so a `return_to` in a link (which anyone can edit) cannot become an open redirect or
 * send a member anywhere but their connections. Anything else is null: no link is shown.
 */
export function dashboardReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value === "") return null;
  const path = safeNextPath(value, "");
  if (!path) return null;
  const pathname = path.split("?")[0]!;
  return pathname === "/connections" || /^\/connections\/[A-Za-z0-9_-]+$/.test(pathname)
    ? pathname
    : null;
}
