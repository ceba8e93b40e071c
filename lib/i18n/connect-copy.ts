import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { CATALOGS, translator, type Messages, type MessageKey } from "@/lib/i18n/translate";
import { fieldHelp } from "./field-help";

type Namespace = "form" | "validation" | "ended" | "connected" | "closeConfirm";
type Strings<N extends Namespace> = Record<keyof Messages[N], string>;

/**
 * Everything the connect form's client components say, formatted on the server in the reader's
 * language: the page ships strings, not a message formatter or the catalogs.
 */
export function connectCopy(locale: Locale) {
  const t = translator(locale);
  const strings = <N extends Namespace>(namespace: N) =>
    Object.fromEntries(
      Object.keys(CATALOGS.en[namespace]).map((key) => [
        key,
        t(`${namespace}.${key}` as MessageKey),
      ]),
    ) as Strings<N>;
  return {
    locale,
    form: strings("form"),
    validation: strings("validation"),
    ended: strings("ended"),
    connected: strings("connected"),
    closeConfirm: strings("closeConfirm"),
    help: fieldHelp(t),
  };
}

export type ConnectCopy = ReturnType<typeof connectCopy>;
