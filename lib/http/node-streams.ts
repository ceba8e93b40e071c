import type { Readable } from "node:stream";

/**
 * A Node stream as a Web stream that holds at most one chunk it has not been asked for: the
 * source is paused as soon as the reader falls behind and resumed when it asks again. Node 20's
 * Readable.toWeb counts its buffer in chunks against the byte high-water mark (16,384 chunks),
 * so a fast source feeding a slow reader piles up megabytes; here a 50 MB body crossing the
 * proxy never sits in memory.
 */
export function toWebStream(source: Readable): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        source.pause();
        source.on("data", (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) source.pause();
        });
        source.once("end", () => controller.close());
        source.once("error", (error) => controller.error(error));
      },
      pull() {
        source.resume();
      },
      cancel() {
        source.destroy();
      },
    },
    { highWaterMark: 1 },
  );
}
