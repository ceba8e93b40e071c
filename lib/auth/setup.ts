import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { newId } from "../ids";
import { hashPassword } from "./password";

export async function needsSetup(): Promise<boolean> {
  return (await getDb().user.count()) === 0;
}

export type SetupResult =
  { ok: true; userId: string; workspaceId: string } | { ok: false; message: string };

/** First run: creates the first admin and their workspace, only while there is no user at all. */
export async function createFirstAdmin(
  input: { email: string; password: string; workspaceName: string },
  ip: string | null,
): Promise<SetupResult> {
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) {
      return { ok: false, message: "Latch is already set up. Sign in instead." } as const;
    }
    const userId = newId("usr");
    const email = input.email.toLowerCase();
    // INITIAL_API_KEY alone may have created a workspace already: adopt it rather than add one.
    const existing = await tx.workspace.findFirst({ orderBy: { createdAt: "asc" } });
    const workspace = existing
      ? await tx.workspace.update({
          where: { id: existing.id },
          data: { name: input.workspaceName },
        })
      : await tx.workspace.create({ data: { id: newId("ws"), name: input.workspaceName } });
    await tx.user.create({
      data: {
        id: userId,
        email,
        passwordHash,
        memberships: { create: { workspaceId: workspace.id, role: "admin" } },
      },
    });
    const scope = {
      workspaceId: workspace.id,
      actor: { type: "member", id: userId, label: email } as const,
      ip,
    };
    if (!existing)
      await recordAudit(
        scope,
        { action: "workspace.created", target: { type: "workspace", id: workspace.id } },
        tx,
      );
    return { ok: true, userId, workspaceId: workspace.id } as const;
  });
}
