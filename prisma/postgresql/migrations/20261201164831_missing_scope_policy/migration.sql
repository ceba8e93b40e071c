-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "allowMissingScopes" BOOLEAN NOT NULL DEFAULT false;

