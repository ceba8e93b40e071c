import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { CATALOGS, translator, type Messages, type MessageKey } from "@/lib/i18n/translate";
import { fieldHelp, type CredentialContext } from "./field-help";

type Namespace = "form" | "validation" | "ended" | "connected" | "closeConfirm";
type Strings<N extends Namespace> = Record<keyof Messages[N], string>;

/**
 * Everything the connect form's client components say, formatted on the server in the reader's
 * language: the page ships strings, not a message formatter or the catalogs. The context names
 * the configured environment's site domain and the scopes the workspace requires.
 */
export function connectCopy(locale: Locale, context: CredentialContext) {
  const t = translator(locale);
  const format = t as (key: MessageKey, values?: Record<string, string>) => string;
  const strings = <N extends Namespace>(namespace: N) =>
    Object.fromEntries(
      Object.keys(CATALOGS.en[namespace]).map((key) => [
        key,
        format(`${namespace}.${key}` as MessageKey, { domain: context.siteDomain }),
      ]),
    ) as Strings<N>;
  return {
    locale,
    form: strings("form"),
    validation: strings("validation"),
    ended: strings("ended"),
    connected: strings("connected"),
    closeConfirm: strings("closeConfirm"),
    help: fieldHelp(t, context),
  };
}

export type ConnectCopy = ReturnType<typeof connectCopy>;
