/** Opaque keyset cursor over (createdAt, id), newest first: stable while rows are added. */
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.getTime()}.${cursor.id}`).toString("base64url");
}

const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function decodeCursor(text: string): Cursor | null {
  const decoded = Buffer.from(text, "base64url").toString("utf8");
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(decoded);
  // Beyond 9999-12-31 no database can store the time (and no row has it).
  if (!match || Number(match[1]) > MAX_TIME_MS) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}
