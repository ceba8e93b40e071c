import "server-only";
import { siteDomainFor } from "../atlassian";
import { getEnv } from "../env";

/** The domain sites live under in the configured Atlassian environment (ATLASSIAN_API_URL). */
export function configuredSiteDomain(): string {
  return siteDomainFor(getEnv().ATLASSIAN_API_URL);
}
