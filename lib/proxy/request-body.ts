import { declaredLength } from "../api/read-body";

/**
 * A proxied request's body, ready to send: small bodies are held (so a retry can send them
 * again), larger ones are streamed through as they arrive, counted against the limit.
 */
export type OutgoingBody =
  | { kind: "none" }
  | { kind: "held"; bytes: Uint8Array }
  | { kind: "streamed"; stream: ReadableStream<Uint8Array>; overLimit: () => boolean }
  | { kind: "too_large" };

/** Bodies up to this size are held whole, and may be sent again on a retry. */
export const HELD_BODY_BYTES = 64 * 1024;

/**
 * Reads up to HELD_BODY_BYTES of the body; a body that ends within them is held, a longer one
 * goes on as a stream of what was read and the rest. Past `limit` (declared, or counted as it
 * arrives when no length is declared or the declared one is a lie) the body is too large: before
 * a byte is sent when the length says so, otherwise by failing the stream mid-way, which
 * abandons the upstream request before Atlassian has a complete one.
 */
export async function prepareBody(request: Request, limit: number): Promise<OutgoingBody> {
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > limit) return { kind: "too_large" };
  if (!request.body || declared === 0) return { kind: "none" };
  const reader = request.body.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  while (size <= HELD_BODY_BYTES) {
    const { done, value } = await reader.read();
    if (done) return { kind: "held", bytes: concat(head, size) };
    head.push(value);
    size += value.byteLength;
  }
  if (size > limit) {
    reader.releaseLock();
    return { kind: "too_large" };
  }
  let exceeded = false;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = head.shift();
      if (next) {
        sent += next.byteLength;
        return controller.enqueue(next);
      }
      const { done, value } = await reader.read();
      if (done) return controller.close();
      sent += value.byteLength;
      if (sent > limit) {
        exceeded = true;
        reader.releaseLock();
        return controller.error(new Error("request body over the proxy's limit"));
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { kind: "streamed", stream, overLimit: () => exceeded };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
