import type { SiteOption } from "@/lib/connections/connect-credential";
import type { ApiConnection } from "@/lib/connections/internal/to-api";
import type { ConnectField } from "@/lib/validation/connect";

export type FieldErrors = Partial<Record<ConnectField, string>>;

/** What the connect form shows; returned by the server action, rendered with or without JS. */
export type ConnectFormState =
  | {
      status: "editing";
      /** The failure's code, when the server refused the credential (posted to an embedding page). */
      code?: string;
      message?: string;
      fieldErrors?: FieldErrors;
      /** Echoed so a no-JS re-render keeps what was typed. Never the secret. */
      values?: { subdomain: string; clientId: string };
    }
  | { status: "choose_site"; sites: SiteOption[]; message?: string; fieldErrors?: FieldErrors }
  /** The public Connection (no secret): shown, and posted to the embedding page. */
  | { status: "connected"; connection: ApiConnection }
  | { status: "session_ended"; reason: "expired" | "invalid" | "spent" };

export const initialConnectState: ConnectFormState = { status: "editing" };
