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
      In{" "}
      <a href={ADMIN_URL} target="_blank" rel="noreferrer" className="underline">
        Atlassian Administration
      </a>
      , open Directory → Service accounts, pick the account, then Create credentials → OAuth 2.0,
      choose its scopes and press Create. Copy the Client ID it shows.
    </>
  ),
  clientSecret: (
    <>
      Shown next to the Client ID when you create the credential, and only then. If you no longer
      have it, create a new credential.
    </>
  ),
};
