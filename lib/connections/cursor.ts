/** Opaque keyset cursor over (createdAt, id), newest first: stable while rows are added. */
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.getTime()}.${cursor.id}`).toString("base64url");
}

export function decodeCursor(text: string): Cursor | null {
  const decoded = Buffer.from(text, "base64url").toString("utf8");
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(decoded);
  if (!match) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}
