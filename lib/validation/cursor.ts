/** Opaque keyset cursor over (createdAt, id), newest first: stable while rows are added. */
export type Cursor = { createdAt: Date; id: string };

/**
 * A dashboard page link: the rows older than the position ("after", what encodeCursor writes and
 * the API hands out) or newer than it ("before", for Previous).
 */
export type PageCursor = { direction: "after" | "before"; position: Cursor };

// A backward cursor is the same text behind this prefix, so one the API or the audit log is given
// fails their forward-only decodeCursor instead of being read the wrong way round.
const BEFORE = "b.";

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.getTime()}.${cursor.id}`).toString("base64url");
}

export function encodePageCursor({ direction, position }: PageCursor): string {
  const text = `${direction === "before" ? BEFORE : ""}${position.createdAt.getTime()}.${position.id}`;
  return Buffer.from(text).toString("base64url");
}

const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function parsePosition(decoded: string): Cursor | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(decoded);
  // Beyond 9999-12-31 no database can store the time (and no row has it).
  if (!match || Number(match[1]) > MAX_TIME_MS) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}

/** A forward cursor, or null for anything else (a backward one included). */
export function decodeCursor(text: string): Cursor | null {
  return parsePosition(Buffer.from(text, "base64url").toString("utf8"));
}

/** A forward or backward page cursor, or null for anything this app did not write. */
export function decodePageCursor(text: string): PageCursor | null {
  const decoded = Buffer.from(text, "base64url").toString("utf8");
  const before = decoded.startsWith(BEFORE);
  const position = parsePosition(before ? decoded.slice(BEFORE.length) : decoded);
  return position ? { direction: before ? "before" : "after", position } : null;
}
