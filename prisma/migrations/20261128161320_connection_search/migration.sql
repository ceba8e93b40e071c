-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Connection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "endUserId" TEXT NOT NULL,
    "endUserEmail" TEXT,
    "endUserDisplayName" TEXT,
    "clientId" TEXT NOT NULL,
    "clientSecretSealed" TEXT,
    "siteCloudId" TEXT NOT NULL,
    "siteName" TEXT NOT NULL,
    "siteUrl" TEXT NOT NULL,
    "scopes" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'healthy',
    "lastCheckedAt" DATETIME,
    "lastErrorCode" TEXT,
    "lastErrorMessage" TEXT,
    "accessTokenSealed" TEXT,
    "accessTokenExpiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Connection_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Connection" ("accessTokenExpiresAt", "accessTokenSealed", "clientId", "clientSecretSealed", "createdAt", "endUserDisplayName", "endUserEmail", "endUserId", "id", "lastCheckedAt", "lastErrorCode", "lastErrorMessage", "revokedAt", "scopes", "siteCloudId", "siteName", "siteUrl", "status", "updatedAt", "workspaceId") SELECT "accessTokenExpiresAt", "accessTokenSealed", "clientId", "clientSecretSealed", "createdAt", "endUserDisplayName", "endUserEmail", "endUserId", "id", "lastCheckedAt", "lastErrorCode", "lastErrorMessage", "revokedAt", "scopes", "siteCloudId", "siteName", "siteUrl", "status", "updatedAt", "workspaceId" FROM "Connection";
DROP TABLE "Connection";
ALTER TABLE "new_Connection" RENAME TO "Connection";
CREATE INDEX "Connection_workspaceId_createdAt_id_searchText_idx" ON "Connection"("workspaceId", "createdAt" DESC, "id" DESC, "searchText");
CREATE INDEX "Connection_workspaceId_endUserId_createdAt_idx" ON "Connection"("workspaceId", "endUserId", "createdAt" DESC);
CREATE INDEX "Connection_workspaceId_status_createdAt_idx" ON "Connection"("workspaceId", "status", "createdAt" DESC);
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill the search text of existing rows (lib/connections/search-text.ts computes new ones).
UPDATE "Connection" SET "searchText" = lower("endUserId" || ' ' || coalesce("endUserEmail", '') || ' ' || coalesce("endUserDisplayName", '') || ' ' || "siteName" || ' ' || "siteUrl");
