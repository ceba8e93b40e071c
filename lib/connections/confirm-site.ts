import "server-only";
import { englishText } from "../i18n/localize";
import { store, toOption, withSession, type ConnectOutcome } from "./internal/connect-step";
import { loadPendingChoice } from "./internal/pending-choice";

/** Step two, when the credential reached several sites: store the one the end user picked. */
export async function confirmSite(sessionToken: string, cloudId: string): Promise<ConnectOutcome> {
  return withSession({ sessionToken, step: "confirm_site" }, async (session) => {
    const pending = await loadPendingChoice(session);
    if (!pending) {
      return {
        kind: "failed",
        failure: { code: "choice_expired", message: englishText("failures.choice_expired") },
      };
    }
    const site = pending.sites.find((candidate) => candidate.cloudId === cloudId);
    if (!site) {
      return {
        kind: "choose_site",
        sites: pending.sites.map(toOption),
      };
    }
    return store(session, { ...pending, site });
  });
}
