import "server-only";
import { chooseSite, siteDomainFor, validateCredential } from "../atlassian";
import type { ConnectFormValues } from "../validation/connect";
import { atlassianConfig } from "./internal/atlassian-config";
import { countConnectAttempt } from "./internal/connect-limits";
import { store, toOption, withSession, type ConnectOutcome } from "./internal/connect-step";
import { noSitesFailure, subdomainNotFoundFailure } from "./internal/failures";
import { savePendingChoice } from "./internal/pending-choice";

export type { ConnectOutcome, SiteOption } from "./internal/connect-step";

/**
 * Step one of the connect form: prove the credential with a live exchange and site lookup,
 * choose the site, and store the connection, or ask the end user to pick among several sites.
 * Attempts are limited per link and per client address (lib/connections/internal/connect-limits.ts).
 */
export async function connectCredential(
  sessionToken: string,
  values: ConnectFormValues,
  ip: string | null = null,
): Promise<ConnectOutcome> {
  return withSession({ sessionToken, step: "connect", ip }, async (session, timing) => {
    const limited = await countConnectAttempt(session.id, ip);
    if (limited) return { kind: "failed", failure: limited };
    const subdomain = values.subdomain ?? session.subdomain;
    const credentials = { clientId: values.clientId, clientSecret: values.clientSecret };
    const config = atlassianConfig();
    const validated = await validateCredential(config, credentials);
    timing.upstreamMs += validated.upstreamMs;

    const choice = chooseSite(validated.sites, subdomain);
    switch (choice.kind) {
      case "no_sites":
        return { kind: "failed", failure: noSitesFailure() };
      case "subdomain_not_found":
        return {
          kind: "failed",
          failure: subdomainNotFoundFailure(
            choice.subdomain,
            choice.sites,
            siteDomainFor(config.apiUrl),
          ),
        };
      case "ask":
        await savePendingChoice(session, {
          ...credentials,
          token: validated.token,
          sites: choice.sites,
        });
        return { kind: "choose_site", sites: choice.sites.map(toOption) };
      case "chosen":
        return store(session, { ...credentials, token: validated.token, site: choice.site });
    }
  });
}
