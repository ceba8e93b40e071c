/** The most a tenant API request body may hold. */
export const API_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * A request's Content-Length when it is a plain decimal number, else null. Only ever used to
 * refuse early: a body is counted as it is read whatever this says, since a client can leave
 * the header out (a chunked body) or send a smaller number than it sends bytes.
 */
export function declaredLength(headers: Headers): number | null {
  const value = headers.get("content-length")?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * Reads a request's body, counting bytes as they arrive: answers the bytes, or null as soon as
 * there are more than `limit` (or Content-Length already says so), after reading at most one
 * chunk past the limit. A body without a declared length, or one longer than it declares, is
 * refused the same way, so a 512 MB chunked body costs `limit` bytes of memory, not 512 MB.
 *
 * The rest of a refused body is left unread rather than cancelled: under Node's HTTP server the
 * stream is the request itself, and cancelling it destroys the connection before the refusal
 * can be sent (the client sees a reset, not the 413). Left unread, it stops being read: Node
 * pauses the socket once a few kilobytes wait unread, and the refusal says `Connection: close`
 * (readJsonBody), so the connection ends once the client has read it (lib/server/body-limit.ts).
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > limit) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) return null;
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
