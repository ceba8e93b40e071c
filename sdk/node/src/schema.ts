// Generated from the app's OpenAPI document (lib/api/openapi.ts) by openapi-typescript.
// Do not edit: run `npm run sdk:types`. sdk/node/scripts/schema-fresh.test.ts fails when stale.

export interface paths {
  "/api/v1/connect-sessions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a connect session
     * @description Mints a short-lived token for one end user. Send them to connect_url, or open it with latch.js in your app.
     */
    post: operations["createConnectSession"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/connections": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List connections
     * @description Newest first, a page at a time.
     */
    get: operations["listConnections"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/connections/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a connection */
    get: operations["getConnection"];
    put?: never;
    post?: never;
    /**
     * Revoke a connection
     * @description Erases the client secret and any cached token for good; the connection stays, with status revoked. Revoking again changes nothing.
     */
    delete: operations["revokeConnection"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/connections/{id}/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test a connection now
     * @description Re-runs the token exchange and site lookup. A failure is an answer, not an error: the connection comes back failing, with last_error.
     */
    post: operations["testConnection"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/connections/{id}/access-token": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an access token
     * @description A valid Atlassian access token for calling the gateway at api_base_urls (one base per product the site serves; api_base_url is Jira's, or the only product's): the cached one while it has minutes left, otherwise a new one.
     */
    get: operations["getAccessToken"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/connections/{id}/proxy/{product}/{path}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Call Atlassian (GET)
     * @description Forwards GET to {ATLASSIAN_API_URL}/ex/{product}/{cloud_id}/{path} with the connection's access token (renewed as needed). Only Accept, Accept-Language, Content-Type, Content-Language, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, X-Atlassian-Token, X-ExperimentalApi and X-Force-Accept-Language are forwarded; never Authorization, cookies or X-Forwarded-*. A 401 from Atlassian renews the token and sends once more; a 429 or 503 naming its wait is retried for GET, PUT and DELETE within 10 seconds. Methods other than GET, POST, PUT, PATCH and DELETE answer 405 method_not_allowed with Allow.
     */
    get: operations["proxyGet"];
    /**
     * Call Atlassian (PUT)
     * @description Forwards PUT to {ATLASSIAN_API_URL}/ex/{product}/{cloud_id}/{path} with the connection's access token (renewed as needed). Only Accept, Accept-Language, Content-Type, Content-Language, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, X-Atlassian-Token, X-ExperimentalApi and X-Force-Accept-Language are forwarded; never Authorization, cookies or X-Forwarded-*. A 401 from Atlassian renews the token and sends once more; a 429 or 503 naming its wait is retried for GET, PUT and DELETE within 10 seconds. Methods other than GET, POST, PUT, PATCH and DELETE answer 405 method_not_allowed with Allow.
     */
    put: operations["proxyPut"];
    /**
     * Call Atlassian (POST)
     * @description Forwards POST to {ATLASSIAN_API_URL}/ex/{product}/{cloud_id}/{path} with the connection's access token (renewed as needed). Only Accept, Accept-Language, Content-Type, Content-Language, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, X-Atlassian-Token, X-ExperimentalApi and X-Force-Accept-Language are forwarded; never Authorization, cookies or X-Forwarded-*. A 401 from Atlassian renews the token and sends once more; a 429 or 503 naming its wait is retried for GET, PUT and DELETE within 10 seconds. Methods other than GET, POST, PUT, PATCH and DELETE answer 405 method_not_allowed with Allow.
     */
    post: operations["proxyPost"];
    /**
     * Call Atlassian (DELETE)
     * @description Forwards DELETE to {ATLASSIAN_API_URL}/ex/{product}/{cloud_id}/{path} with the connection's access token (renewed as needed). Only Accept, Accept-Language, Content-Type, Content-Language, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, X-Atlassian-Token, X-ExperimentalApi and X-Force-Accept-Language are forwarded; never Authorization, cookies or X-Forwarded-*. A 401 from Atlassian renews the token and sends once more; a 429 or 503 naming its wait is retried for GET, PUT and DELETE within 10 seconds. Methods other than GET, POST, PUT, PATCH and DELETE answer 405 method_not_allowed with Allow.
     */
    delete: operations["proxyDelete"];
    options?: never;
    head?: never;
    /**
     * Call Atlassian (PATCH)
     * @description Forwards PATCH to {ATLASSIAN_API_URL}/ex/{product}/{cloud_id}/{path} with the connection's access token (renewed as needed). Only Accept, Accept-Language, Content-Type, Content-Language, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, X-Atlassian-Token, X-ExperimentalApi and X-Force-Accept-Language are forwarded; never Authorization, cookies or X-Forwarded-*. A 401 from Atlassian renews the token and sends once more; a 429 or 503 naming its wait is retried for GET, PUT and DELETE within 10 seconds. Methods other than GET, POST, PUT, PATCH and DELETE answer 405 method_not_allowed with Allow.
     */
    patch: operations["proxyPatch"];
    trace?: never;
  };
  "/api/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Health
     * @description Needs no key.
     */
    get: operations["health"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Connection: {
      /** @description The connection's id, e.g. conn_… */
      id: string;
      /**
       * @description healthy: the last check passed; failing: it did not (see last_error); revoked: the secret is erased for good.
       * @enum {string}
       */
      status: "healthy" | "failing" | "revoked";
      end_user: {
        /** @description Your id for the end user, as given to the connect session. */
        id: string;
        email: string | null;
        display_name: string | null;
      };
      site: {
        /** @description The Atlassian site's cloud id. */
        cloud_id: string;
        name: string;
        /** @description e.g. https://acme.atlassian.net */
        url: string;
      };
      /** @description The Atlassian products the site serves, read from its scopes (a scope naming confluence: Confluence; jira: Jira). Jira alone when no scope names either. */
      products: ("jira" | "confluence")[];
      /** @description OAuth scopes the credential holds on the site. */
      scopes: string[];
      /** @description The service account credential's client id (never the secret). */
      client_id: string;
      /** Format: date-time */
      created_at: string;
      /** @description When the token exchange and site lookup last ran live. */
      last_checked_at: string | null;
      /** @description Why the last check failed; null while healthy. */
      last_error: {
        code: string;
        message: string;
      } | null;
    };
    ConnectionList: {
      /** @description Newest first. */
      data: components["schemas"]["Connection"][];
      /** @description Pass as cursor to get the next page; null on the last page. */
      next_cursor: string | null;
    };
    ConnectSession: {
      /** @description The session token; it authorises one connect, for a short time. */
      token: string;
      /**
       * Format: uri
       * @description {PUBLIC_URL}/connect?session_token=…: send the end user here, or embed it.
       */
      connect_url: string;
      /** Format: date-time */
      expires_at: string;
    };
    AccessToken: {
      /** @description An Atlassian access token. Keep it server-side. */
      access_token: string;
      /** @constant */
      token_type: "Bearer";
      /** Format: date-time */
      expires_at: string;
      cloud_id: string;
      /**
       * Format: uri
       * @description {ATLASSIAN_API_URL}/ex/{product}/{cloud_id} of Jira when the site serves Jira, else of its first product: prefix REST paths with it.
       */
      api_base_url: string;
      /** @description Each product the site serves (see Connection.products), mapped to its gateway base. */
      api_base_urls: {
        /**
         * Format: uri
         * @description {ATLASSIAN_API_URL}/ex/jira/{cloud_id}
         */
        jira?: string;
        /**
         * Format: uri
         * @description {ATLASSIAN_API_URL}/ex/confluence/{cloud_id}
         */
        confluence?: string;
      };
    };
    Error: {
      error: {
        /** @description A stable snake_case code, e.g. connection_not_found. */
        code: string;
        /** @description A sentence a person can act on. */
        message: string;
      };
    };
    Health: {
      /** @enum {string} */
      status: "ok" | "unavailable";
    };
    CreateConnectSessionRequest: {
      /** @description The person who will fill in the connect form. */
      end_user: {
        /** @description Your id for the end user; connections are listed and reconnected by it. Surrounding whitespace is trimmed; what remains is 1–255 characters, without NUL or unpaired surrogates. */
        id: string;
        /**
         * Format: email
         * @description Shown in the dashboard next to the end user's id.
         */
        email?: string;
        /** @description Shown in the dashboard instead of the id. Surrounding whitespace is trimmed; what remains is 0–255 characters, without NUL or unpaired surrogates. */
        display_name?: string;
      };
      /** @description Pre-fills the form's Subdomain: acme for https://acme.atlassian.net. It may also be written as the site's address (acme.atlassian.net, https://acme.atlassian.net/…, or on Government Cloud acme.atlassian-us-gov-mod.net); a site on its own domain as its full address (https://jira.acme.com/…), which is matched against the sites the credential reaches. Blank is the same as leaving it out. */
      subdomain?: string;
      /** @description Origins that may embed the connect page for this session, instead of the workspace's list. */
      allowed_origins?: string[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: {
    /** @description Seconds to wait before trying again. */
    RetryAfter: string;
    /** @description How to authenticate: with a bearer token (an API key). */
    WWWAuthenticate: 'Bearer realm="latch"';
    /** @description This request's id, as the server's log line names it; quote it when asking about an answer. */
    RequestId: string;
    /** @description The methods the proxy forwards. */
    Allow: string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  createConnectSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateConnectSessionRequest"];
      };
    };
    responses: {
      /** @description The session. */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ConnectSession"];
        };
      };
      /** @description invalid_json or invalid_request: the message names each bad field. */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description unauthorized: the API key is missing, malformed, unknown or revoked. */
      401: {
        headers: {
          "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description body_too_large: the body is over 64 KB, counted as it arrives, declared or not. The connection is closed after this answer. */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description rate_limited: this API key made more than API_RATE_LIMIT requests this minute; the message and Retry-After say when to try again. */
      429: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listConnections: {
    parameters: {
      query?: {
        /** @description Only this end user's connections. */
        end_user_id?: string;
        /** @description Only connections with this status. */
        status?: "healthy" | "failing" | "revoked";
        /** @description How many to answer, 1–100. */
        limit?: number;
        /** @description The next_cursor of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of connections. */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ConnectionList"];
        };
      };
      /** @description invalid_request (a bad parameter) or invalid_cursor. */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description unauthorized: the API key is missing, malformed, unknown or revoked. */
      401: {
        headers: {
          "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description rate_limited: this API key made more than API_RATE_LIMIT requests this minute; the message and Retry-After say when to try again. */
      429: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The connection's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The connection. */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Connection"];
        };
      };
      /** @description unauthorized: the API key is missing, malformed, unknown or revoked. */
      401: {
        headers: {
          "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description connection_not_found: no connection with this id in the key's workspace (another workspace's id answers the same). */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description rate_limited: this API key made more than API_RATE_LIMIT requests this minute; the message and Retry-After say when to try again. */
      429: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  revokeConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The connection's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The connection, with status revoked. */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Connection"];
        };
      };
      /** @description unauthorized: the API key is missing, malformed, unknown or revoked. */
      401: {
        headers: {
          "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description connection_not_found: no connection with this id in the key's workspace (another workspace's id answers the same). */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description rate_limited: this API key made more than API_RATE_LIMIT requests this minute; the message and Retry-After say when to try again. */
      429: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  testConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The connection's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The connection, status and last_checked_at updated. */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Connection"];
        };
      };
      /** @description unauthorized: the API key is missing, malformed, unknown or revoked. */
      401: {
        headers: {
          "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description connection_not_found: no connection with this id in the key's workspace (another workspace's id answers the same). */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description connection_revoked: a revoked connection cannot be tested. */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description rate_limited: this API key made more than API_RATE_LIMIT requests this minute; the message and Retry-After say when to try again. */
      429: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getAccessToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The connection's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A token. */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AccessToken"];
        };
      };
      /** @description unauthorized: the API key is missing, malformed, unknown or revoked. */
      401: {
        headers: {
          "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description connection_not_found: no connection with this id in the key's workspace (another workspace's id answers the same). */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description connection_revoked, or connection_failing: Atlassian refused the credential (the message says what to do). */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description rate_limited: this API key made more than API_RATE_LIMIT requests this minute; the message and Retry-After say when to try again. */
      429: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Atlassian could not be reached or is limiting requests; retry after the Retry-After header. */
      503: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  proxyGet: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The connection's id. */
        id: string;
        /** @description The product's API to call; one the connection's site serves (Connection.products). */
        product: "jira" | "confluence";
        /** @description The rest of the Atlassian path, slashes included, sent as is: rest/api/3/myself, wiki/rest/api/content. The query string is forwarded as sent too. Refused with 400 before anything is sent: . or .. segments, encoded slashes or backslashes in any encoding (%2f, %252f, %5c), empty segments (//), a URL in place of a path. */
        path: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description invalid_proxy_path (the path could leave the site's API, or names no product) or product_not_served (the site does not serve that product). Nothing was sent. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description unauthorized: the API key is missing, malformed, unknown or revoked. (A 401 from Atlassian for a scope the credential lacks is passed on as Atlassian sent it.) */
      401: {
        headers: {
          "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description connection_not_found. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description connection_revoked, or connection_failing: Atlassian refused the credential, or refused a freshly issued token twice (the connection is now failing, its webhook sent). Nothing more is sent until a Test passes. */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description rate_limited: this API key made more than API_RATE_LIMIT requests this minute; or atlassian_rate_limited: Atlassian is limiting requests to the site, and Latch answers at once until its wait is over. Retry-After says when to try again. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      429: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description atlassian_unavailable: Atlassian could not be reached. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      502: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description Atlassian could not renew the token just now, or token_renewed: a refused token was renewed but a streamed body cannot be sent twice. Retry after Retry-After. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      503: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description atlassian_timeout: no answer from Atlassian within PROXY_TIMEOUT. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      504: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description Atlassian's answer, streamed: its status and body, with Content-Type, Retry-After, X-RateLimit-*, RateLimit-Reason and X-AREQUESTID (and ETag, Last-Modified, Location, Content-Disposition, Content-Language). */
      default: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "*/*": unknown;
        };
      };
    };
  };
  proxyPut: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The connection's id. */
        id: string;
        /** @description The product's API to call; one the connection's site serves (Connection.products). */
        product: "jira" | "confluence";
        /** @description The rest of the Atlassian path, slashes included, sent as is: rest/api/3/myself, wiki/rest/api/content. The query string is forwarded as sent too. Refused with 400 before anything is sent: . or .. segments, encoded slashes or backslashes in any encoding (%2f, %252f, %5c), empty segments (//), a URL in place of a path. */
        path: string;
      };
      cookie?: never;
    };
    /** @description Sent to Atlassian as is, streamed, at most 10 MB (PROXY_BODY_LIMIT). */
    requestBody?: {
      content: {
        "*/*": unknown;
      };
    };
    responses: {
      /** @description invalid_proxy_path (the path could leave the site's API, or names no product) or product_not_served (the site does not serve that product). Nothing was sent. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description unauthorized: the API key is missing, malformed, unknown or revoked. (A 401 from Atlassian for a scope the credential lacks is passed on as Atlassian sent it.) */
      401: {
        headers: {
          "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description connection_not_found. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description connection_revoked, or connection_failing: Atlassian refused the credential, or refused a freshly issued token twice (the connection is now failing, its webhook sent). Nothing more is sent until a Test passes. */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description body_too_large: the body is over 10 MB (PROXY_BODY_LIMIT), counted as it arrives, declared or not. Nothing complete was sent. The connection is closed after this answer. */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description rate_limited: this API key made more than API_RATE_LIMIT requests this minute; or atlassian_rate_limited: Atlassian is limiting requests to the site, and Latch answers at once until its wait is over. Retry-After says when to try again. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      429: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description atlassian_unavailable: Atlassian could not be reached. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      502: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description Atlassian could not renew the token just now, or token_renewed: a refused token was renewed but a streamed body cannot be sent twice. Retry after Retry-After. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      503: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description atlassian_timeout: no answer from Atlassian within PROXY_TIMEOUT. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      504: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description Atlassian's answer, streamed: its status and body, with Content-Type, Retry-After, X-RateLimit-*, RateLimit-Reason and X-AREQUESTID (and ETag, Last-Modified, Location, Content-Disposition, Content-Language). */
      default: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "*/*": unknown;
        };
      };
    };
  };
  proxyPost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The connection's id. */
        id: string;
        /** @description The product's API to call; one the connection's site serves (Connection.products). */
        product: "jira" | "confluence";
        /** @description The rest of the Atlassian path, slashes included, sent as is: rest/api/3/myself, wiki/rest/api/content. The query string is forwarded as sent too. Refused with 400 before anything is sent: . or .. segments, encoded slashes or backslashes in any encoding (%2f, %252f, %5c), empty segments (//), a URL in place of a path. */
        path: string;
      };
      cookie?: never;
    };
    /** @description Sent to Atlassian as is, streamed, at most 10 MB (PROXY_BODY_LIMIT). */
    requestBody?: {
      content: {
        "*/*": unknown;
      };
    };
    responses: {
      /** @description invalid_proxy_path (the path could leave the site's API, or names no product) or product_not_served (the site does not serve that product). Nothing was sent. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description unauthorized: the API key is missing, malformed, unknown or revoked. (A 401 from Atlassian for a scope the credential lacks is passed on as Atlassian sent it.) */
      401: {
        headers: {
          "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description connection_not_found. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description connection_revoked, or connection_failing: Atlassian refused the credential, or refused a freshly issued token twice (the connection is now failing, its webhook sent). Nothing more is sent until a Test passes. */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description body_too_large: the body is over 10 MB (PROXY_BODY_LIMIT), counted as it arrives, declared or not. Nothing complete was sent. The connection is closed after this answer. */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description rate_limited: this API key made more than API_RATE_LIMIT requests this minute; or atlassian_rate_limited: Atlassian is limiting requests to the site, and Latch answers at once until its wait is over. Retry-After says when to try again. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      429: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description atlassian_unavailable: Atlassian could not be reached. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      502: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description Atlassian could not renew the token just now, or token_renewed: a refused token was renewed but a streamed body cannot be sent twice. Retry after Retry-After. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      503: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description atlassian_timeout: no answer from Atlassian within PROXY_TIMEOUT. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      504: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description Atlassian's answer, streamed: its status and body, with Content-Type, Retry-After, X-RateLimit-*, RateLimit-Reason and X-AREQUESTID (and ETag, Last-Modified, Location, Content-Disposition, Content-Language). */
      default: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "*/*": unknown;
        };
      };
    };
  };
  proxyDelete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The connection's id. */
        id: string;
        /** @description The product's API to call; one the connection's site serves (Connection.products). */
        product: "jira" | "confluence";
        /** @description The rest of the Atlassian path, slashes included, sent as is: rest/api/3/myself, wiki/rest/api/content. The query string is forwarded as sent too. Refused with 400 before anything is sent: . or .. segments, encoded slashes or backslashes in any encoding (%2f, %252f, %5c), empty segments (//), a URL in place of a path. */
        path: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description invalid_proxy_path (the path could leave the site's API, or names no product) or product_not_served (the site does not serve that product). Nothing was sent. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description unauthorized: the API key is missing, malformed, unknown or revoked. (A 401 from Atlassian for a scope the credential lacks is passed on as Atlassian sent it.) */
      401: {
        headers: {
          "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description connection_not_found. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description connection_revoked, or connection_failing: Atlassian refused the credential, or refused a freshly issued token twice (the connection is now failing, its webhook sent). Nothing more is sent until a Test passes. */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description rate_limited: this API key made more than API_RATE_LIMIT requests this minute; or atlassian_rate_limited: Atlassian is limiting requests to the site, and Latch answers at once until its wait is over. Retry-After says when to try again. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      429: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description atlassian_unavailable: Atlassian could not be reached. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      502: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description Atlassian could not renew the token just now, or token_renewed: a refused token was renewed but a streamed body cannot be sent twice. Retry after Retry-After. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      503: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description atlassian_timeout: no answer from Atlassian within PROXY_TIMEOUT. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      504: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description Atlassian's answer, streamed: its status and body, with Content-Type, Retry-After, X-RateLimit-*, RateLimit-Reason and X-AREQUESTID (and ETag, Last-Modified, Location, Content-Disposition, Content-Language). */
      default: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "*/*": unknown;
        };
      };
    };
  };
  proxyPatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The connection's id. */
        id: string;
        /** @description The product's API to call; one the connection's site serves (Connection.products). */
        product: "jira" | "confluence";
        /** @description The rest of the Atlassian path, slashes included, sent as is: rest/api/3/myself, wiki/rest/api/content. The query string is forwarded as sent too. Refused with 400 before anything is sent: . or .. segments, encoded slashes or backslashes in any encoding (%2f, %252f, %5c), empty segments (//), a URL in place of a path. */
        path: string;
      };
      cookie?: never;
    };
    /** @description Sent to Atlassian as is, streamed, at most 10 MB (PROXY_BODY_LIMIT). */
    requestBody?: {
      content: {
        "*/*": unknown;
      };
    };
    responses: {
      /** @description invalid_proxy_path (the path could leave the site's API, or names no product) or product_not_served (the site does not serve that product). Nothing was sent. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description unauthorized: the API key is missing, malformed, unknown or revoked. (A 401 from Atlassian for a scope the credential lacks is passed on as Atlassian sent it.) */
      401: {
        headers: {
          "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description connection_not_found. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description connection_revoked, or connection_failing: Atlassian refused the credential, or refused a freshly issued token twice (the connection is now failing, its webhook sent). Nothing more is sent until a Test passes. */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description body_too_large: the body is over 10 MB (PROXY_BODY_LIMIT), counted as it arrives, declared or not. Nothing complete was sent. The connection is closed after this answer. */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description rate_limited: this API key made more than API_RATE_LIMIT requests this minute; or atlassian_rate_limited: Atlassian is limiting requests to the site, and Latch answers at once until its wait is over. Retry-After says when to try again. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      429: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description atlassian_unavailable: Atlassian could not be reached. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      502: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description Atlassian could not renew the token just now, or token_renewed: a refused token was renewed but a streamed body cannot be sent twice. Retry after Retry-After. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      503: {
        headers: {
          "Retry-After": components["headers"]["RetryAfter"];
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description atlassian_timeout: no answer from Atlassian within PROXY_TIMEOUT. Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape. */
      504: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"] | unknown;
        };
      };
      /** @description Atlassian's answer, streamed: its status and body, with Content-Type, Retry-After, X-RateLimit-*, RateLimit-Reason and X-AREQUESTID (and ETag, Last-Modified, Location, Content-Disposition, Content-Language). */
      default: {
        headers: {
          "X-Request-Id": components["headers"]["RequestId"];
          [name: string]: unknown;
        };
        content: {
          "*/*": unknown;
        };
      };
    };
  };
  health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The database answers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Health"];
        };
      };
      /** @description The database does not answer. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Health"];
        };
      };
    };
  };
}
