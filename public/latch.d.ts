/**
 * Types for latch.js, the script that shows Latch's connect form inside your page:
 *
 *   <script src="https://latch.example/latch.js"></script>
 *
 * Copy this file into your app (or reference it) to type `window.Latch`. The events are the
 * messages the connect form sends (README: "Embed Latch in your app").
 */

declare namespace Latch {
  /** A connection as the HTTP API returns it (GET /api/v1/connections/{id}). */
  interface Connection {
    id: string;
    status: "healthy" | "failing" | "revoked";
    end_user: { id: string; email: string | null; display_name: string | null };
    site: { cloud_id: string; name: string; url: string };
    /** The Atlassian products the site serves, read from its scopes (Jira when none names one). */
    products: ("jira" | "confluence")[];
    scopes: string[];
    client_id: string;
    created_at: string;
    last_checked_at: string | null;
    last_error: { code: string; message: string } | null;
  }

  /**
   * What `onEvent` hears. `error` codes: a refused attempt's (the form stays open for another
   * try), a link that ended (`session_expired`, `session_spent`, `session_invalid`), and, from
   * latch.js itself when the frame never says `ready`, `origin_not_allowed` (add your page's
   * origin to the allowed origins) or `frame_unreachable` (Latch could not be reached).
   */
  type Event =
    | { source: "latch"; type: "ready" }
    | { source: "latch"; type: "connected"; connection: Connection }
    | { source: "latch"; type: "error"; error: { code: string; message: string } }
    | { source: "latch"; type: "close" }
    | { source: "latch"; type: "resize"; height: number };

  interface Options {
    /** The connect session's token, from POST /api/v1/connect-sessions (your backend mints it). */
    sessionToken: string;
    /** Where Latch runs, e.g. "https://latch.example". */
    baseUrl: string;
    onEvent?: (event: Event) => void;
    /** Overrides the workspace's appearance for this form. */
    theme?: { primaryColor?: string; mode?: "light" | "dark" | "system" };
    /** The form's language; without it, your page's <html lang>, then the browser's. */
    lang?: "en" | "de" | "fr" | "es" | "ja" | (string & {});
    /** How long to wait for the frame's `ready` before reporting an error (default 6000 ms). */
    readyTimeoutMs?: number;
  }

  interface Handle {
    /** Removes the modal (or the inline frame) and everything latch.js added to the page. */
    close(): void;
  }

  /** Shows the form in a modal dialog over the page. */
  function open(options: Options): Handle;
  /** Shows the form inline inside `element`, resized to fit its content. */
  function mount(element: Element, options: Options): Handle;
}

interface Window {
  Latch: typeof Latch;
}
