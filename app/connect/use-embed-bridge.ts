"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { postToHost, readHostMessage, type FrameMessage } from "@/lib/embed/protocol";

export type EmbedContext = { origin: string; hash: string };

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The iframe's side of the embed protocol: announces `ready`, takes the session token from the
 * host (only from the parent window on the allowed origin, and only the token whose hash the
 * page was opened with), reports its height, and handles closing: Escape or the host's close
 * button ask first when something was typed.
 */
export function useEmbedBridge(embed: EmbedContext | null) {
  const [token, setToken] = useState<string | null>(null);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const dirty = useRef(false);

  const post = useCallback(
    (message: FrameMessage) => {
      if (embed) postToHost(message, embed.origin);
    },
    [embed],
  );
  const requestClose = useCallback(() => {
    if (dirty.current) setConfirmingClose(true);
    else post({ source: "latch", type: "close" });
  }, [post]);

  useEffect(() => {
    if (!embed) return;
    const onMessage = (event: MessageEvent) => {
      const message = readHostMessage(event, { origin: embed.origin, parent: window.parent });
      if (message?.type === "close_request") return requestClose();
      if (message?.type === "session") {
        void sha256Hex(message.token).then(
          (hash) => hash === embed.hash && setToken(message.token),
        );
      }
    };
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && requestClose();
    const onInput = () => (dirty.current = true);
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() =>
        post({ source: "latch", type: "resize", height: document.documentElement.scrollHeight }),
      );
    });
    window.addEventListener("message", onMessage);
    document.addEventListener("keydown", onKey);
    document.addEventListener("input", onInput);
    observer.observe(document.body);
    post({ source: "latch", type: "ready" });
    return () => {
      window.removeEventListener("message", onMessage);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("input", onInput);
      observer.disconnect();
    };
  }, [embed, post, requestClose]);

  return {
    token,
    post,
    confirmingClose,
    confirmClose: () => post({ source: "latch", type: "close" }),
    cancelClose: () => setConfirmingClose(false),
    markClean: () => (dirty.current = false),
  };
}
