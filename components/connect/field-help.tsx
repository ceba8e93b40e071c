const ADMIN_URL = "https://admin.atlassian.com";

/** Where each value comes from, in the words of Atlassian Administration (ATLASSIAN.md). */
export const FIELD_HELP = {
  subdomain: (
    <>
      The <em>acme</em> in https://acme.atlassian.net. Leave it empty if the service account reaches
      one site, or to choose among its sites.
    </>
  ),
  clientId: (
    <>
      From the OAuth 2.0 credential of your service account in{" "}
      <a href={ADMIN_URL} target="_blank" rel="noreferrer" className="underline">
        Atlassian Administration
      </a>
      .
      <details className="mt-1">
        <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">
          Show me the steps
        </summary>
        <ol className="mt-1 list-decimal space-y-0.5 pl-5">
          <li>
            Open{" "}
            <a href={ADMIN_URL} target="_blank" rel="noreferrer" className="underline">
              admin.atlassian.com
            </a>{" "}
            and go to Directory → Service accounts.
          </li>
          <li>Pick the service account, then Create credentials → OAuth 2.0.</li>
          <li>Choose the scopes it needs and press Create.</li>
          <li>Copy the Client ID it shows, and the Client Secret beside it.</li>
        </ol>
      </details>
    </>
  ),
  clientSecret: (
    <>
      Shown next to the Client ID when you create the credential, and only then. If you no longer
      have it, create a new credential.
    </>
  ),
};
