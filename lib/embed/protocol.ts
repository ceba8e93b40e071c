/**
 * The messages between the connect page in an iframe and latch.js on the host page
 * (README: Embed Latch in your app). Every message is an object with `source: "latch"`; public/latch.js
 * speaks the same protocol in plain JavaScript.
 */
import type { ApiConnection } from "../connections/internal/to-api";

/** From the iframe to the host page. */
export type FrameMessage =
  | { source: "latch"; type: "ready" }
  | { source: "latch"; type: "connected"; connection: ApiConnection }
  | { source: "latch"; type: "error"; error: { code: string; message: string } }
  | { source: "latch"; type: "close" }
  | { source: "latch"; type: "resize"; height: number };

/** From the host page to the iframe: the session token (never in the iframe's URL), or "the user wants to close". */
export type HostMessage =
  { source: "latch"; type: "session"; token: string } | { source: "latch"; type: "close_request" };

/**
 * A host message the iframe may act on: sent by its parent window, from the origin the page
 * was opened for, and well-formed. Anything else is ignored.
 */
export function readHostMessage(
  event: { origin: string; source: unknown; data: unknown },
  expected: { origin: string; parent: unknown },
): HostMessage | null {
  if (event.origin !== expected.origin || event.source !== expected.parent) return null;
  const data = event.data as Record<string, unknown> | null;
  if (!data || typeof data !== "object" || data.source !== "latch") return null;
  if (data.type === "session" && typeof data.token === "string" && data.token.length < 200) {
    return { source: "latch", type: "session", token: data.token };
  }
  if (data.type === "close_request") return { source: "latch", type: "close_request" };
  return null;
}

/** Posts to the host page, only ever to its origin (never "*"). */
export function postToHost(
  message: FrameMessage,
  hostOrigin: string,
  target: Window = window.parent,
) {
  target.postMessage(message, hostOrigin);
}

/**
 * The height the embedded page needs, for `resize`: down to the bottom of its <main>. Not the
 * document's or the body's, which are never less than the frame's own height (the body fills the
 * screen), so a frame could grow but never shrink to fit.
 */
export function contentHeight(): number {
  const main = document.querySelector("main") ?? document.body;
  return Math.ceil(main.getBoundingClientRect().bottom + window.scrollY);
}
