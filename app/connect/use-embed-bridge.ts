"use client";

import { useCallback, useEffect, useState } from "react";
import {
  contentHeight,
  postToHost,
  readHostMessage,
  type FrameMessage,
} from "@/lib/embed/protocol";

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

  const post = useCallback(
    (message: FrameMessage) => {
      if (embed) postToHost(message, embed.origin);
    },
    [embed],
  );
  const requestClose = useCallback(() => {
    if (somethingTyped()) setConfirmingClose(true);
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
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() =>
        post({ source: "latch", type: "resize", height: contentHeight() }),
      );
    });
    window.addEventListener("message", onMessage);
    document.addEventListener("keydown", onKey);
    observer.observe(document.body);
    post({ source: "latch", type: "ready" });
    return () => {
      window.removeEventListener("message", onMessage);
      document.removeEventListener("keydown", onKey);
      observer.disconnect();
    };
  }, [embed, post, requestClose]);

  return {
    token,
    post,
    confirmingClose,
    confirmClose: () => post({ source: "latch", type: "close" }),
    cancelClose: () => setConfirmingClose(false),
  };
}

/**
 * Whether the visible form differs from how it was served. Read from the fields themselves, so
 * typing done before the scripts loaded counts too.
 */
function somethingTyped(): boolean {
  return Array.from(document.querySelectorAll("input")).some((input) =>
    input.type === "radio" || input.type === "checkbox"
      ? input.checked !== input.defaultChecked
      : input.type !== "hidden" && input.value !== input.defaultValue,
  );
}
