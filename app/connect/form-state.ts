import type { SiteOption } from "@/lib/connections/connect";
import type { ConnectField } from "@/lib/validation/connect";

export type FieldErrors = Partial<Record<ConnectField, string>>;

/** What the connect form shows; returned by the server action, rendered with or without JS. */
export type ConnectFormState =
  | {
      status: "editing";
      message?: string;
      fieldErrors?: FieldErrors;
      /** Echoed so a no-JS re-render keeps what was typed. Never the secret. */
      values?: { subdomain: string; clientId: string };
    }
  | { status: "choose_site"; sites: SiteOption[]; message?: string; fieldErrors?: FieldErrors }
  | { status: "connected"; site: { name: string; url: string }; scopes: string[] }
  | { status: "session_ended"; reason: "expired" | "invalid" | "spent" };

export const initialConnectState: ConnectFormState = { status: "editing" };
