/** Every kind of event the audit log records. Plain data, so filters and forms can share it. */
export const AUDIT_ACTIONS = [
  "connection.created",
  "connection.tested",
  "connection.revoked",
  "api_key.created",
  "api_key.revoked",
  "member.signed_in",
  "member.sign_in_failed",
  "member.sign_in_throttled",
  "member.signed_out",
  "member.password_changed",
  "member.two_factor_enabled",
  "member.two_factor_disabled",
  "member.recovery_codes_regenerated",
  "member.recovery_code_used",
  "workspace.created",
  "workspace.adopted",
  "workspace.updated",
  "webhook.updated",
  "webhook.secret_revealed",
  "audit.exported",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
