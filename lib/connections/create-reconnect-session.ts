import "server-only";
import { normalizeSubdomain } from "../atlassian/subdomain";
import { getDb } from "../db";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { createConnectSession, type CreatedConnectSession } from "./create-connect-session";

/**
 * A new connect link for a connection's end user (the same id, e-mail, display name and site),
 * for a member to send when the credential stopped working. Connecting again for the same end
 * user and site updates the connection rather than adding one. Null: no such connection here.
 */
export async function createReconnectSession(
  scope: WorkspaceScope,
  connectionId: string,
): Promise<CreatedConnectSession | null> {
  const row = await getDb().connection.findFirst({
    where: { id: connectionId, ...inWorkspace(scope) },
    select: { endUserId: true, endUserEmail: true, endUserDisplayName: true, siteUrl: true },
  });
  if (!row) return null;
  const subdomain = atlassianNetSubdomain(row.siteUrl);
  return createConnectSession(
    scope,
    {
      end_user: {
        id: row.endUserId,
        email: row.endUserEmail ?? undefined,
        display_name: row.endUserDisplayName ?? undefined,
      },
      ...(subdomain && { subdomain }),
    },
    { source: "reconnect" },
  );
}

/** `acme` for https://acme.atlassian.net; null for a custom domain, which is no subdomain. */
function atlassianNetSubdomain(siteUrl: string): string | null {
  try {
    const match = /^([a-z0-9-]+)\.atlassian\.net$/.exec(new URL(siteUrl).hostname.toLowerCase());
    return match ? normalizeSubdomain(match[1]!) : null;
  } catch {
    return null;
  }
}
