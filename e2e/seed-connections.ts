import { randomBytes } from "node:crypto";
import { e2eSql } from "./db";

/** Prisma's stored form of a moment (UTC), on either database. */
const stored = (date: Date) => date.toISOString().replace("Z", "+00:00");

export type SeededConnection = {
  endUserId?: string;
  email?: string | null;
  siteName?: string;
  scopes?: string[];
  status?: "healthy" | "failing" | "revoked";
  error?: string;
  /** How long ago it was created, in minutes. */
  ageMinutes?: number;
};

/**
 * Connection rows written straight to the database, for list states (many rows, long errors,
 * many scopes) that would take a connect flow each. They hold no secret: Test on one fails.
 */
export async function seedConnections(workspaceId: string, rows: SeededConnection[]) {
  const ids: string[] = [];
  for (const [index, row] of rows.entries()) {
    const id = `conn_${randomBytes(15).toString("base64url")}`;
    ids.push(id);
    const endUserId = row.endUserId ?? `user-${index}`;
    const email = row.email === undefined ? `${endUserId}@example.com` : row.email;
    const siteName = row.siteName ?? "Acme";
    const siteUrl = `https://${siteName.toLowerCase().replace(/[^a-z0-9]/g, "")}.atlassian.net`;
    const created = new Date(Date.now() - (row.ageMinutes ?? index) * 60_000);
    const status = row.status ?? "healthy";
    await e2eSql(
      `INSERT INTO "Connection" ("id", "workspaceId", "endUserId", "endUserEmail", "clientId",
        "siteCloudId", "siteName", "siteUrl", "scopes", "status", "lastCheckedAt",
        "lastErrorCode", "lastErrorMessage", "createdAt", "updatedAt", "revokedAt", "searchText")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        id,
        workspaceId,
        endUserId,
        email,
        `cid-${index}`,
        `cloud-${index}`,
        siteName,
        siteUrl,
        (row.scopes ?? ["read:jira-work"]).join(" "),
        status,
        stored(created),
        row.error ? "invalid_credentials" : null,
        row.error ?? null,
        stored(created),
        stored(created),
        status === "revoked" ? stored(new Date(created.getTime() + 30_000)) : null,
        [endUserId, email ?? "", siteName, siteUrl].join(" ").toLowerCase(),
      ],
    );
  }
  return ids;
}
