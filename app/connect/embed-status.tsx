"use client";

import { useEffect } from "react";
import { postToHost } from "@/lib/embed/protocol";
import { sessionEndedMessage } from "./connect-form";
import type { EmbedContext } from "./use-embed-bridge";

/** An embedded page with no usable session still tells the host, so it can close or retry. */
export function EmbedStatus({
  embed,
  reason,
}: {
  embed: EmbedContext;
  reason: "expired" | "invalid" | "spent";
}) {
  useEffect(() => {
    postToHost({ source: "latch", type: "ready" }, embed.origin);
    postToHost(sessionEndedMessage(reason), embed.origin);
    postToHost(
      { source: "latch", type: "resize", height: document.documentElement.scrollHeight },
      embed.origin,
    );
  }, [embed, reason]);
  return null;
}
