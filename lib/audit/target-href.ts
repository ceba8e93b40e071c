/** What the audit page knows when it links an event's target. */
export type TargetContext = {
  workspaceId: string;
  /** API keys, the webhook, settings and members answer 403 to a Member: no link there. */
  admin: boolean;
  /** The targeted connections that exist in this workspace (revoked ones keep their page). */
  connections: ReadonlySet<string>;
};

type Event = {
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
};

// A workspace.updated event names what changed (lib/workspaces/set-*.ts); each has a section.
const SETTINGS_SECTION: Record<string, string> = {
  name: "workspace",
  allowed_origins: "allowed-origins",
  required_scopes: "required-scopes",
};

/** Where the thing an audit event names can be seen, or null when there is nowhere to go. */
export function auditTargetHref(event: Event, context: TargetContext): string | null {
  const { targetType, targetId } = event;
  if (!targetType || !targetId) return null;
  if (targetType === "connection") {
    return context.connections.has(targetId) ? `/connections/${targetId}` : null;
  }
  if (!context.admin) return null;
  if (targetType === "api_key") return "/settings#api-keys";
  if (targetType === "member" || targetType === "invite") return "/members";
  // Another workspace (one this member created, say) has its own settings, not this page's.
  if (targetType !== "workspace" || targetId !== context.workspaceId) return null;
  if (event.action.startsWith("webhook.")) return "/settings#webhook";
  const changed = typeof event.details.changed === "string" ? event.details.changed : "";
  if (event.action === "workspace.updated" && changed) {
    return `/settings#${SETTINGS_SECTION[changed] ?? "appearance"}`;
  }
  return "/settings";
}
