-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "requiredScopes" TEXT NOT NULL DEFAULT '';

