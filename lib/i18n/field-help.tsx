import type { Translator } from "@/lib/i18n/translate";

const ADMIN_URL = "https://admin.atlassian.com";

function adminLink(chunks: React.ReactNode) {
  return (
    <a href={ADMIN_URL} target="_blank" rel="noreferrer" className="underline">
      {chunks}
    </a>
  );
}

/** Where each value comes from, in the words of Atlassian Administration (ATLASSIAN.md). */
export function fieldHelp(t: Translator) {
  return {
    subdomain: (
      <>{t.rich("help.subdomain", { em: (chunks: React.ReactNode) => <em>{chunks}</em> })}</>
    ),
    clientId: (
      <>
        {t.rich("help.clientId", { admin: adminLink })}
        <details className="mt-1">
          <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">
            {t("help.showSteps")}
          </summary>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5">
            <li>{t.rich("help.step1", { admin: adminLink })}</li>
            <li>{t("help.step2")}</li>
            <li>{t("help.step3")}</li>
            <li>{t("help.step4")}</li>
          </ol>
        </details>
      </>
    ),
    clientSecret: <>{t("help.clientSecret")}</>,
  };
}
