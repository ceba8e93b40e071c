/**
 * A workspace member's role. An admin does everything; a member works with connections and the
 * audit log only: API keys, the webhook, allowed origins, required scopes, appearance,
 * workspaces and members need an admin (the pages answer 403, the actions refuse).
 */
export const ROLES = ["admin", "member"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { admin: "Admin", member: "Member" };

export function isAdmin(role: string): boolean {
  return role === "admin";
}

/** A stored role outside the list (a hand-edited row) counts as the lesser one. */
export function asRole(role: string): Role {
  return role === "admin" ? "admin" : "member";
}
