import "server-only";
import { getDb } from "../db";

/** The workspaces a user belongs to, for the switcher. */
export async function listMemberWorkspaces(userId: string) {
  const memberships = await getDb().membership.findMany({
    where: { userId },
    select: { workspace: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((membership) => membership.workspace);
}
