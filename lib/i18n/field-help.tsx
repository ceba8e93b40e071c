import type { Translator } from "@/lib/i18n/translate";

const ADMIN_URL = "https://admin.atlassian.com";

function adminLink(chunks: React.ReactNode) {
  return (
    <a href={ADMIN_URL} target="_blank" rel="noreferrer" className="underline">
      {chunks}
    </a>
  );
}

/** What the connect page knows of the credential it asks for. */
export type CredentialContext = {
  /** atlassian.net, or Government Cloud's domain (lib/atlassian/site-domains.ts). */
  siteDomain: string;
  /** Scopes the workspace's app needs: named before anything is submitted. */
  requiredScopes: string[];
};

/** What the credential must have, and the steps that make it (components/connect/credential-needs). */
export type CredentialNeedsCopy = {
  title: string;
  needs: React.ReactNode[];
  scopes: string[];
  scopesIntro: string;
  copyWords: {
    copy: string;
    copied: string;
    copyLabel: string;
    copiedLabel: string;
    copiedNote: string;
    refusedNote: string;
  };
  stepsSummary: string;
  steps: React.ReactNode[];
};

/** Where each value comes from, in the words of Atlassian Administration (ATLASSIAN.md). */
export function fieldHelp(t: Translator, { siteDomain, requiredScopes }: CredentialContext) {
  const em = (chunks: React.ReactNode) => <em>{chunks}</em>;
  return {
    /** Above the fields: what the credential must have, then how to make it. */
    needs: {
      title: t("help.needsTitle"),
      needs: [t("help.needsAdmin"), t("help.needsServiceAccount")],
      scopes: requiredScopes,
      scopesIntro: t("help.needsScopes"),
      copyWords: {
        copy: t("help.copy"),
        copied: t("help.copied"),
        copyLabel: t("help.copyScopes"),
        copiedLabel: t("help.copiedScopes"),
        copiedNote: t("help.copiedNote"),
        refusedNote: t("help.copyRefused"),
      },
      stepsSummary: t("help.showSteps"),
      steps: [
        t.rich("help.step1", { admin: adminLink }),
        t("help.step2"),
        requiredScopes.length ? t("help.step3Required") : t("help.step3"),
        t("help.step4"),
      ],
    } satisfies CredentialNeedsCopy,
    subdomain: <>{t.rich("help.subdomain", { em, domain: siteDomain })}</>,
    clientId: <>{t.rich("help.clientId", { admin: adminLink })}</>,
    clientSecret: <>{t("help.clientSecret")}</>,
  };
}
