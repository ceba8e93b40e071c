/** Only same-site paths may be redirect targets after sign-in: "/x", never "//evil" or "https://…". */
export function safeNextPath(next: unknown, fallback = "/connections"): string {
  if (
    typeof next !== "string" ||
    !next.startsWith("/") ||
    next.startsWith("//") ||
    next.includes("\\")
  ) {
    return fallback;
  }
  return next;
}
