import { randomBytes, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { connectionSearchText } from "../../lib/connections/search-text";

/**
 * Inserts `count` connections into one workspace, one second apart going back from now, with
 * varied end users and sites. Writes straight to SQLite in one transaction: a seed, not a test of
 * the connect path. The sealed secrets are placeholders that are never opened.
 */
export function seedConnections(
  file: string,
  workspaceId: string,
  count: number,
): { oldest: Date } {
  const db = new Database(file, { timeout: 30_000 });
  const insert = db.prepare(`INSERT INTO Connection
    (id, workspaceId, endUserId, endUserEmail, endUserDisplayName, clientId, clientSecretSealed,
     siteCloudId, siteName, siteUrl, scopes, status, lastCheckedAt, createdAt, updatedAt, searchText)
    VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 'read:jira-work write:jira-work', ?, ?, ?, ?, ?)`);
  const start = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const createdAt = iso(start - i * 1000);
      const site = i % 500;
      const endUser = {
        id: `user-${String(i).padStart(6, "0")}`,
        email: `user${i}@customer${i % 97}.example`,
      };
      const siteName = `Site ${site}`;
      const siteUrl = `https://site-${site}.atlassian.net`;
      insert.run(
        `conn_${randomBytes(15).toString("base64url")}`,
        workspaceId,
        endUser.id,
        endUser.email,
        `client-${randomUUID()}`,
        "v1.placeholder.never.opened.x",
        randomUUID(),
        siteName,
        siteUrl,
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
      );
    }
  })();
  db.close();
  return { oldest: new Date(start - (count - 1) * 1000) };
}
