import type { ConnectCopy } from "@/lib/i18n/connect-copy";

export function Connected({
  step,
  copy,
  site,
  scopes,
  missingScopes = [],
  backHref = null,
  onDone,
}: {
  /** "Step 3 of 3: done", above the heading. */
  step: string;
  copy: ConnectCopy["connected"];
  site: { name: string; url: string };
  scopes: string[];
  /** Scopes the workspace requires that this credential was not granted. */
  missingScopes?: string[];
  /** A dashboard path, when a member opened this link from the dashboard (lib/connections/return-to.ts). */
  backHref?: string | null;
  /** Embedded: Done tells the host page to close the form (latch.js removes the modal). */
  onDone?: () => void;
}) {
  return (
    <div role="status" className="text-center">
      <div
        aria-hidden="true"
        className="mx-auto flex h-12 w-12 items-center justify-center rounded-full bg-emerald-100 text-2xl text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300"
      >
        ✓
      </div>
      <p className="mt-4 text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-300">
        {step}
      </p>
      <h1 className="mt-1 text-xl font-semibold">{copy.title}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        <span className="font-medium text-slate-900 dark:text-slate-100">{site.name}</span>
        <br />
        <a
          href={site.url}
          className="text-brand-700 underline dark:text-blue-400"
          rel="noreferrer"
          target="_blank"
        >
          {site.url}
        </a>
      </p>
      {scopes.length ? (
        <div className="mt-4 text-left">
          <p className="text-xs font-medium text-slate-500 dark:text-slate-400">
            {copy.grantedScopes}
          </p>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {scopes.map((scope) => (
              <li
                key={scope}
                className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs dark:bg-slate-800"
              >
                {scope}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {missingScopes.length ? (
        <div
          role="alert"
          className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-left text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-medium">{copy.missingTitle}</p>
          <p className="mt-1">{copy.missingIntro}</p>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {missingScopes.map((scope) => (
              <li key={scope}>
                <code className="font-mono text-xs">{scope}</code>
              </li>
            ))}
          </ul>
          <p className="mt-1">{copy.missingAdvice}</p>
        </div>
      ) : null}
      {onDone ? (
        <button
          type="button"
          onClick={onDone}
          className="mt-6 inline-flex w-full items-center justify-center rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-semibold text-on-brand shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          {copy.done}
        </button>
      ) : backHref ? (
        <p className="mt-6 text-sm">
          <a href={backHref} className="font-medium text-brand-700 underline dark:text-blue-400">
            {copy.backToDashboard}
          </a>
        </p>
      ) : (
        <p className="mt-6 text-sm text-slate-600 dark:text-slate-300">{copy.canClose}</p>
      )}
    </div>
  );
}
