export { Latch, type LatchOptions } from "./client.js";
export { LatchError } from "./errors.js";
export type { CallOptions } from "./connect-sessions.js";
export type { ProxyMethod, ProxyProduct, ProxyRequest } from "./proxy.js";
export type { Query, QueryValue } from "./transport.js";
export {
  verifyWebhook,
  WEBHOOK_SIGNATURE_HEADER,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  type VerifyWebhookOptions,
  type WebhookEvent,
  type WebhookEventType,
} from "./webhooks.js";
export type * from "./types.js";
