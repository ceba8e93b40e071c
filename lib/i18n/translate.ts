import "server-only";
import { createTranslator } from "use-intl/core";
import { logger } from "../log";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import de from "./messages/de.json";
import en from "./messages/en.json";
import es from "./messages/es.json";
import fr from "./messages/fr.json";
import ja from "./messages/ja.json";

/** English is the source catalog: its keys are the keys (a unit test holds the others to them). */
export type Messages = typeof en;
export const CATALOGS: Record<Locale, Messages> = { en, de, fr, es, ja };

export type Translator = ReturnType<typeof createTranslator<Messages>>;

function createFor(locale: Locale): Translator {
  return createTranslator({
    locale,
    messages: CATALOGS[locale],
    timeZone: "UTC",
    // A missing or broken translation is a bug to log, and the reader gets the English text.
    onError: (error) => logger.error({ err: error.message, locale }, "translation failed"),
    getMessageFallback: ({ key, namespace }): string => {
      const path = namespace ? `${namespace}.${key}` : key;
      return locale === DEFAULT_LOCALE ? path : translator(DEFAULT_LOCALE)(path as never);
    },
  });
}

const translators = new Map<Locale, Translator>();

/**
 * Formats the catalogs' ICU messages on the server. The connect page ships no formatter: its
 * client components receive strings already formatted in the reader's language.
 */
export function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createFor(locale)));
  return t;
}

/** A catalog key as a string, for messages whose key is data (a failure's code, a zod message). */
export type MessageKey = Parameters<Translator>[0];

export function hasMessage(key: string): key is MessageKey {
  return translator(DEFAULT_LOCALE).has(key as MessageKey);
}
