import { randomBytes, randomUUID } from "node:crypto";
import { e2eSql } from "../../e2e/db";
import { connectionSearchText } from "../../lib/connections/internal/search-text";

const COLUMNS = [
  "id",
  "workspaceId",
  "endUserId",
  "endUserEmail",
  "clientId",
  "clientSecretSealed",
  "siteCloudId",
  "siteName",
  "siteUrl",
  "scopes",
  "status",
  "lastCheckedAt",
  "createdAt",
  "updatedAt",
  "searchText",
];
const BATCH = 1000;

/**
 * Inserts `count` connections into one workspace, one second apart going back from now, with
 * varied end users and sites, on SQLite or PostgreSQL alike: a seed, not a test of the connect
 * path. The sealed secrets are placeholders that are never opened.
 */
export async function seedConnections(
  databaseUrl: string,
  workspaceId: string,
  count: number,
): Promise<{ oldest: Date }> {
  const start = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  for (let first = 0; first < count; first += BATCH) {
    const rows: unknown[][] = [];
    for (let i = first; i < Math.min(first + BATCH, count); i++) {
      const createdAt = iso(start - i * 1000);
      const site = i % 500;
      const endUser = {
        id: `user-${String(i).padStart(6, "0")}`,
        email: `user${i}@customer${i % 97}.example`,
      };
      const siteName = `Site ${site}`;
      const siteUrl = `https://site-${site}.atlassian.net`;
      rows.push([
        `conn_${randomBytes(15).toString("base64url")}`,
        workspaceId,
        endUser.id,
        endUser.email,
        `client-${randomUUID()}`,
        "v1.placeholder.never.opened.x",
        randomUUID(),
        siteName,
        siteUrl,
        "read:jira-work write:jira-work",
        i % 20 === 0 ? "failing" : "healthy",
        createdAt,
        createdAt,
        createdAt,
        connectionSearchText({
          endUserId: endUser.id,
          endUserEmail: endUser.email,
          endUserDisplayName: null,
          siteName,
          siteUrl,
        }),
      ]);
    }
    const placeholders = rows
      .map((_, r) => `(${COLUMNS.map((_, c) => `$${r * COLUMNS.length + c + 1}`).join(", ")})`)
      .join(", ");
    await e2eSql(
      `INSERT INTO "Connection" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${placeholders}`,
      rows.flat(),
      databaseUrl,
    );
  }
  return { oldest: new Date(start - (count - 1) * 1000) };
}
