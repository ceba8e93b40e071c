import { productsFromScopes } from "../../atlassian/products";
import type { Connection } from "../../generated/prisma/client";

type PublicConnectionRow = Omit<Connection, "clientSecretSealed" | "accessTokenSealed">;

/** The public `Connection` shape of the API (README: HTTP API). It never carries a secret. */
export function toApiConnection(row: PublicConnectionRow) {
  const scopes = row.scopes ? row.scopes.split(" ") : [];
  return {
    id: row.id,
    status: row.status as "healthy" | "failing" | "revoked",
    end_user: { id: row.endUserId, email: row.endUserEmail, display_name: row.endUserDisplayName },
    site: { cloud_id: row.siteCloudId, name: row.siteName, url: row.siteUrl },
    // Derived at read time from the stored scopes, so older rows answer them too.
    products: productsFromScopes(scopes),
    scopes,
    client_id: row.clientId,
    created_at: row.createdAt.toISOString(),
    last_checked_at: row.lastCheckedAt?.toISOString() ?? null,
    last_error:
      row.lastErrorCode && row.lastErrorMessage
        ? { code: row.lastErrorCode, message: row.lastErrorMessage }
        : null,
  };
}

export type ApiConnection = ReturnType<typeof toApiConnection>;
