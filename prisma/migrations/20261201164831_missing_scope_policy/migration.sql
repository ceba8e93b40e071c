-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "allowedOrigins" TEXT NOT NULL DEFAULT '[]',
    "displayName" TEXT,
    "logoUrl" TEXT,
    "primaryColor" TEXT,
    "themeMode" TEXT NOT NULL DEFAULT 'system',
    "webhookUrl" TEXT,
    "webhookSecretSealed" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "requiredScopes" TEXT NOT NULL DEFAULT '',
    "allowMissingScopes" BOOLEAN NOT NULL DEFAULT false,
    "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Workspace" ("allowedOrigins", "createdAt", "displayName", "id", "logoUrl", "name", "primaryColor", "requireTwoFactor", "requiredScopes", "themeMode", "updatedAt", "webhookSecretSealed", "webhookUrl") SELECT "allowedOrigins", "createdAt", "displayName", "id", "logoUrl", "name", "primaryColor", "requireTwoFactor", "requiredScopes", "themeMode", "updatedAt", "webhookSecretSealed", "webhookUrl" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

