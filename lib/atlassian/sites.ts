import { z } from "zod";
import { AtlassianError } from "./errors";
import { requestJson, type HttpOptions } from "./http";

export type Site = { cloudId: string; name: string; url: string; scopes: string[] };

const resourceSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  url: z.url(),
  scopes: z.array(z.string()).optional(),
});

/**
 * An account with many sites, each listing dozens of granular scopes, answers far more than a
 * token does (ATLASSIAN.md): 200 sites of 60 scopes are over 400 KB. Still bounded, so a
 * runaway answer cannot exhaust memory.
 */
export const SITES_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The sites the token's service account has a role on, in no guaranteed order. */
export async function listAccessibleSites(
  apiUrl: string,
  accessToken: string,
  http: HttpOptions,
): Promise<Site[]> {
  const answer = await requestJson(
    `${apiUrl}/oauth/token/accessible-resources`,
    { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } },
    http,
    SITES_MAX_BODY_BYTES,
  );
  if (answer.status === 401 || answer.status === 403) {
    throw new AtlassianError("invalid_credentials", `${answer.status} from accessible-resources`);
  }
  if (answer.status === 200 && !answer.isJson) {
    throw new AtlassianError(
      "unexpected_response",
      "accessible-resources answer is not JSON (truncated, or not from Atlassian)",
    );
  }
  if (answer.status !== 200 || !Array.isArray(answer.body)) {
    throw new AtlassianError("unexpected_response", `${answer.status} from accessible-resources`);
  }
  const sites: Site[] = [];
  for (const entry of answer.body) {
    const parsed = resourceSchema.safeParse(entry);
    if (!parsed.success) {
      throw new AtlassianError("unexpected_response", "malformed entry in accessible-resources");
    }
    const { id, name, url, scopes } = parsed.data;
    sites.push({
      cloudId: id,
      name: name || url,
      url: url.replace(/\/+$/, ""),
      scopes: scopes ?? [],
    });
  }
  return sites;
}
