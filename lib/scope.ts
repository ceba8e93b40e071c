/** Who acts on a workspace's data: recorded in the audit log with every change. */
export type Actor =
  | { type: "member"; id: string; label: string }
  | { type: "api_key"; id: string; label: string }
  | { type: "end_user"; id: string; label: string }
  | { type: "system"; id: null; label: string };

/**
 * Every use case on tenant data takes a scope. Its workspace comes from the session or the API
 * key, never from a URL or form, and every query on tenant data is filtered by it.
 */
export type WorkspaceScope = { workspaceId: string; actor: Actor; ip: string | null };

/** The where-clause fragment every tenant query spreads. */
export function inWorkspace(scope: Pick<WorkspaceScope, "workspaceId">) {
  return { workspaceId: scope.workspaceId };
}
