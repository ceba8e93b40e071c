/** Stored space-separated, as OAuth writes them. */
export function splitScopes(text: string): string[] {
  return text.split(" ").filter(Boolean);
}
