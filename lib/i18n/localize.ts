import "server-only";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { hasMessage, translator, type MessageKey } from "./translate";

/** Values for a message's arguments; a list is joined the way the language joins lists. */
export type MessageParams = Record<string, string | number | readonly string[]>;

/** A catalog message by its key; an unknown key comes back as it is (a bug the tests catch). */
export function localizedText(locale: Locale, key: string, params?: MessageParams): string {
  if (!hasMessage(key)) return key;
  const values =
    params &&
    Object.fromEntries(
      Object.entries(params).map(([name, value]) => [
        name,
        Array.isArray(value)
          ? new Intl.ListFormat(locale, { type: "conjunction" }).format(value)
          : (value as string | number),
      ]),
    );
  return (
    translator(locale) as (key: MessageKey, values?: Record<string, string | number>) => string
  )(key as MessageKey, values);
}

export function englishText(key: string, params?: MessageParams): string {
  return localizedText(DEFAULT_LOCALE, key, params);
}

/**
 * A message that may be a catalog key (the connect schema's messages are) in the reader's
 * language; any other text (zod's own, for input no form sends) as it is.
 */
export function localizeMessage(locale: Locale, message: string, params?: MessageParams): string {
  return hasMessage(message) ? localizedText(locale, message, params) : message;
}

/** A failure in the reader's language, when the catalogs word it; its English message if not. */
export function localizeFailure(
  locale: Locale,
  failure: { code: string; message: string; params?: MessageParams },
): string {
  const key = `failures.${failure.code}`;
  return hasMessage(key) ? localizedText(locale, key, failure.params) : failure.message;
}
