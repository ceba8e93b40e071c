import { CopyButton } from "@/components/ui/copy-button";
import type { CredentialNeedsCopy } from "@/lib/i18n/field-help";

/**
 * What the credential must have, before the steps that make it and before any field: the
 * person who lacks admin rights, a service account with a site role, or a scope learns it here,
 * not after Connect. The required scopes are a list to copy into Atlassian's scope search.
 */
export function CredentialNeeds({
  title,
  needs,
  scopes,
  scopesIntro,
  copyWords,
  stepsSummary,
  steps,
}: CredentialNeedsCopy) {
  return (
    <section
      aria-labelledby="credential-needs-title"
      className="mb-5 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-200"
    >
      <h2 id="credential-needs-title" className="font-semibold text-slate-900 dark:text-white">
        {title}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {needs.map((need, index) => (
          <li key={index}>{need}</li>
        ))}
        {scopes.length ? (
          <li>
            {scopesIntro}
            <ul className="mt-1.5 flex flex-wrap gap-1.5" data-testid="required-scopes">
              {scopes.map((scope) => (
                <li key={scope}>
                  <code className="rounded bg-white px-1.5 py-0.5 text-xs text-slate-900 ring-1 ring-slate-300 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600">
                    {scope}
                  </code>
                </li>
              ))}
            </ul>
            <div className="mt-2">
              <CopyButton text={scopes.join(" ")} label={copyWords.copyLabel} words={copyWords} />
            </div>
          </li>
        ) : null}
      </ul>
      <details className="mt-3">
        <summary className="cursor-pointer font-medium text-slate-800 dark:text-slate-100">
          {stepsSummary}
        </summary>
        <ol className="mt-1 list-decimal space-y-0.5 pl-5">
          {steps.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}
