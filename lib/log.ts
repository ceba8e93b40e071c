import pino from "pino";

/**
 * Structured JSON logs on stdout. Secrets are never passed to the logger on purpose; the
 * redaction list is a second line of defence against a field added carelessly later.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "latch" },
  redact: {
    paths: [
      "*.clientSecret",
      "*.client_secret",
      "*.accessToken",
      "*.access_token",
      "*.authorization",
      "*.token",
      "clientSecret",
      "client_secret",
      "accessToken",
      "access_token",
      "authorization",
      "token",
    ],
    censor: "[redacted]",
  },
});
