import type { SiteOption } from "@/lib/connections/connect-credential";
import { Alert } from "../ui/alert";
import type { ConnectCopy } from "@/lib/i18n/connect-copy";
import { SubmitButton } from "../ui/submit-button";

/** Step two when the credential reaches several sites: a radio group named Site. */
export function SitePicker({
  copy,
  sites,
  error,
  message,
  pending,
}: {
  copy: ConnectCopy["form"];
  sites: SiteOption[];
  error?: string;
  message?: string;
  pending: boolean;
}) {
  return (
    <div className="space-y-5">
      {message ? <Alert>{message}</Alert> : null}
      <fieldset
        aria-describedby={error ? "site-error" : "site-help"}
        aria-invalid={error ? true : undefined}
      >
        <legend className="text-sm font-medium">{copy.site}</legend>
        <p id="site-help" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {copy.siteHelp}
        </p>
        <div className="mt-3 space-y-2">
          {sites.map((site, index) => (
            <label
              key={site.cloudId}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:ring-2 has-[:checked]:ring-brand-600/30 dark:border-slate-700"
            >
              <input
                type="radio"
                name="site"
                value={site.cloudId}
                required
                defaultChecked={index === 0 && sites.length === 1}
                // Drawn, not native: a native radio on a dark page is a dim grey ring that reads
                // as disabled. These keep 3:1 against the card in both themes, whatever the brand.
                className="mt-0.5 size-4 shrink-0 cursor-pointer appearance-none rounded-full border-2 border-slate-500 bg-white checked:border-[5px] checked:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-slate-400 dark:bg-slate-900 dark:checked:border-slate-100"
              />
              <span>
                <span className="block text-sm font-medium">{site.name}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">{site.url}</span>
              </span>
            </label>
          ))}
        </div>
        {error ? (
          <p id="site-error" role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </fieldset>
      {/* Connect comes first: it is the button Enter presses. */}
      <SubmitButton
        pending={pending}
        pendingLabel={copy.connecting}
        name="intent"
        value="choose_site"
      >
        {copy.connect}
      </SubmitButton>
      <button
        type="submit"
        name="intent"
        value="different_credential"
        disabled={pending}
        className="w-full rounded-lg border border-slate-300 px-4 py-2.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-70 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {copy.differentCredential}
      </button>
    </div>
  );
}
