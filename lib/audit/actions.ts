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
  "member.password_reset",
  "member.password_reset_issued",
  "member.email_changed",
  "member.session_ended",
  "member.invited",
  "member.invite_revoked",
  "member.joined",
  "member.role_changed",
  "member.removed",
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
  "connect_session.created",
  "connect.failed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What the audit page shows for an action (the code stays beside it, for filters and exports).
 * Partial, so a new action never breaks the page: without a label it reads as its code.
 */
export const AUDIT_ACTION_LABELS: Partial<Record<AuditAction, string>> = {
  "member.password_reset": "Password reset with a link",
  "member.password_reset_issued": "Reset link issued",
  "member.email_changed": "E-mail changed",
  "member.session_ended": "Session signed out",
  "member.invited": "Member invited",
  "member.invite_revoked": "Invite revoked",
  "member.joined": "Member joined",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "connection.created": "Connection created",
  "connection.tested": "Connection tested",
  "connection.revoked": "Connection revoked",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "member.signed_in": "Signed in",
  "member.sign_in_failed": "Sign-in failed",
  "member.sign_in_throttled": "Sign-in throttled",
  "member.signed_out": "Signed out",
  "member.password_changed": "Password changed",
  "workspace.created": "Workspace created",
  "workspace.adopted": "Workspace adopted",
  "workspace.updated": "Workspace settings changed",
  "webhook.updated": "Webhook changed",
  "webhook.secret_revealed": "Webhook secret revealed",
  "audit.exported": "Audit log exported",
  "connect_session.created": "Connect link minted",
  "connect.failed": "Connect attempt failed",
};

export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action)
    ? AUDIT_ACTION_LABELS[action as AuditAction]!
    : action;
}
