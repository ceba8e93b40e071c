import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { newId, sha256 } from "../ids";
import { releaseLease, tryAcquireLease } from "../db/leases";
import { rateLimitSubject } from "../net/cidr";
import { hitRateLimit } from "../db/rate-limit";
import { HashingBusyError } from "./hash-slots";
import { hashPassword } from "./password";
import { isSetupToken, removeSetupLinkFile, setupTokenCutoff } from "./setup-token";

export async function needsSetup(): Promise<boolean> {
  return (await getDb().user.count()) === 0;
}

export type SetupResult =
  | { ok: true; userId: string; workspaceId: string }
  | { ok: false; reason: "done" | "invalid_token" | "throttled" | "busy"; message: string };

export const SETUP_ATTEMPTS_PER_ADDRESS = 10;
const WINDOW_MS = 15 * 60 * 1000;
// The same lease as the INITIAL_* bootstrap (lib/server/bootstrap.ts): one first admin, whoever races.
const SETUP_LEASE = "initial-setup";
const SETUP_LEASE_MS = 60_000;

export const SETUP_LINK_HELP =
  "Open the one-time setup link Latch printed when it started: it is in the server's log (the line “No admin yet. Open …”) and, with the built-in SQLite database, in data/setup-link.txt. A link works for 24 hours; restarting Latch prints a new one.";

/**
 * First run: creates the first admin and their workspace, only with a setup token from
 * start-up (lib/auth/setup-token.ts), only while there is no user at all. Everything cheap is
 * checked before the password is hashed; the token is spent with the admin's creation, under
 * a lease, so concurrent setups create one admin.
 */
export async function createFirstAdmin(
  input: { email: string; password: string; workspaceName: string; token: string },
  ip: string | null,
): Promise<SetupResult> {
  if (!(await needsSetup())) return done();
  if (!(await isSetupToken(input.token))) {
    return {
      ok: false,
      reason: "invalid_token",
      message: `This setup link is not valid. ${SETUP_LINK_HELP}`,
    };
  }
  const limit = await hitRateLimit(
    `setup:ip:${sha256(ip ? rateLimitSubject(ip) : "unknown")}`,
    SETUP_ATTEMPTS_PER_ADDRESS,
    WINDOW_MS,
  );
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return {
      ok: false,
      reason: "throttled",
      message: `Too many attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    };
  }
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(input.password);
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    return { ok: false, reason: "busy", message: "Latch is busy. Try again in a few seconds." };
  }

  const holder = randomUUID();
  const deadline = Date.now() + SETUP_LEASE_MS;
  while (!(await tryAcquireLease(SETUP_LEASE, SETUP_LEASE_MS, holder))) {
    if (Date.now() > deadline)
      return { ok: false, reason: "busy", message: "Latch is busy. Try again in a few seconds." };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  try {
    const result = await createUnderLease(
      { ...input, email: input.email.toLowerCase() },
      passwordHash,
      ip,
    );
    if (result.ok) removeSetupLinkFile();
    return result;
  } finally {
    await releaseLease(SETUP_LEASE, holder);
  }
}

function done(): SetupResult {
  return { ok: false, reason: "done", message: "Latch is already set up. Sign in instead." };
}

async function createUnderLease(
  input: { email: string; workspaceName: string; token: string },
  passwordHash: string,
  ip: string | null,
): Promise<SetupResult> {
  return getDb().$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) return done();
    const spent = await tx.setupToken.deleteMany({
      where: { tokenHash: sha256(input.token), createdAt: { gt: setupTokenCutoff() } },
    });
    if (spent.count !== 1) {
      return {
        ok: false,
        reason: "invalid_token",
        message: `This setup link is not valid. ${SETUP_LINK_HELP}`,
      } as const;
    }
    // Every other instance's link dies with this one: there is an admin now.
    await tx.setupToken.deleteMany({});
    const userId = newId("usr");
    // INITIAL_API_KEY alone may have created a workspace already: adopt it rather than add one.
    const existing = await tx.workspace.findFirst({
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, _count: { select: { apiKeys: true, connections: true } } },
    });
    const workspace = existing
      ? await tx.workspace.update({
          where: { id: existing.id },
          data: { name: input.workspaceName },
        })
      : await tx.workspace.create({ data: { id: newId("ws"), name: input.workspaceName } });
    await tx.user.create({
      data: {
        id: userId,
        email: input.email,
        passwordHash,
        memberships: { create: { workspaceId: workspace.id, role: "admin" } },
      },
    });
    const scope = {
      workspaceId: workspace.id,
      actor: { type: "member", id: userId, label: input.email } as const,
      ip,
    };
    const target = { type: "workspace", id: workspace.id };
    // Taking over a workspace that already holds keys or end users' connections is recorded.
    await recordAudit(
      scope,
      existing
        ? {
            action: "workspace.adopted",
            target,
            details: {
              previousName: existing.name,
              apiKeys: existing._count.apiKeys,
              connections: existing._count.connections,
            },
          }
        : { action: "workspace.created", target },
      tx,
    );
    return { ok: true, userId, workspaceId: workspace.id } as const;
  });
}
