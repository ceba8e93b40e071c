import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/password";
import type { Db } from "../db";
import type { Env } from "../env";
import { newId, sha256 } from "../ids";
import { notifyHotRows } from "../db/change-hot-rows";
import { releaseLease, tryAcquireLease } from "../db/leases";
import { logger } from "../log";

/**
 * For automated deploys: the INITIAL_* variables create the first workspace, admin and API key,
 * but only in an empty database, so restarting with them still set changes nothing.
 */
export async function applyInitialSetup(db: Db, env: Env): Promise<void> {
  const wanted = env.INITIAL_ADMIN_EMAIL || env.INITIAL_API_KEY || env.INITIAL_WORKSPACE_NAME;
  if (!wanted) return;
  if (env.INITIAL_ADMIN_EMAIL && !env.INITIAL_ADMIN_PASSWORD) {
    logger.warn("INITIAL_ADMIN_EMAIL is set without INITIAL_ADMIN_PASSWORD: no admin created");
  }
  const passwordHash =
    env.INITIAL_ADMIN_EMAIL && env.INITIAL_ADMIN_PASSWORD
      ? await hashPassword(env.INITIAL_ADMIN_PASSWORD)
      : null;

  // Instances started together would each find the database empty: one at a time.
  const holder = randomUUID();
  while (!(await tryAcquireLease(SETUP_LEASE, SETUP_LEASE_MS, holder))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    await createIfEmpty(db, env, passwordHash);
  } finally {
    await releaseLease(SETUP_LEASE, holder);
  }
}

const SETUP_LEASE = "initial-setup";
const SETUP_LEASE_MS = 60_000;

async function createIfEmpty(db: Db, env: Env, passwordHash: string | null): Promise<void> {
  const created = await db.$transaction(async (tx) => {
    const [users, workspaces] = await Promise.all([tx.user.count(), tx.workspace.count()]);
    if (users > 0 || workspaces > 0) return false;
    const workspace = await tx.workspace.create({
      data: { id: newId("ws"), name: env.INITIAL_WORKSPACE_NAME ?? "My workspace" },
    });
    if (passwordHash && env.INITIAL_ADMIN_EMAIL) {
      await tx.user.create({
        data: {
          id: newId("usr"),
          email: env.INITIAL_ADMIN_EMAIL.toLowerCase(),
          passwordHash,
          memberships: { create: { workspaceId: workspace.id, role: "admin" } },
        },
      });
    }
    if (env.INITIAL_API_KEY) {
      await tx.apiKey.create({
        data: {
          id: newId("key"),
          workspaceId: workspace.id,
          name: "Initial key",
          prefix: env.INITIAL_API_KEY.slice(0, 13),
          hash: sha256(env.INITIAL_API_KEY),
        },
      });
      await notifyHotRows(tx, "api_key");
    }
    return true;
  });
  if (created) logger.info("Applied INITIAL_* settings to the empty database");
}
