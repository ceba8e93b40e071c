"use client";

import { useEffect } from "react";
import type { ConnectCopy } from "@/lib/i18n/connect-copy";
import { contentHeight, postToHost } from "@/lib/embed/protocol";
import { sessionEndedMessage } from "./connect-form";
import type { EmbedContext } from "./use-embed-bridge";

/** An embedded page with no usable session still tells the host, so it can close or retry. */
export function EmbedStatus({
  embed,
  reason,
  ended,
}: {
  embed: EmbedContext;
  ended: ConnectCopy["ended"];
  reason: "expired" | "invalid" | "spent";
}) {
  useEffect(() => {
    postToHost({ source: "latch", type: "ready" }, embed.origin);
    postToHost(sessionEndedMessage(reason, ended), embed.origin);
    postToHost({ source: "latch", type: "resize", height: contentHeight() }, embed.origin);
  }, [embed, reason, ended]);
  return null;
}
