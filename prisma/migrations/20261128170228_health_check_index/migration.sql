-- CreateIndex
CREATE INDEX "Connection_status_lastCheckedAt_idx" ON "Connection"("status", "lastCheckedAt");

