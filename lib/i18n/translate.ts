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

/** A translator that throws on a missing or broken message (catalogs.test.ts holds them to it). */
export function strictTranslator(locale: Locale): Translator {
  return createTranslator({
    locale,
    messages: CATALOGS[locale],
    timeZone: "UTC",
    onError: (error) => {
      throw error;
    },
  });
}

/**
 * A broken translation is a bug to log; the reader then gets the English message, formatted
 * with the same values. English itself never throws: at worst it shows the key.
 */
function withEnglishFallback(locale: Locale): Translator {
  if (locale === DEFAULT_LOCALE) {
    return createTranslator({
      locale,
      messages: CATALOGS.en,
      timeZone: "UTC",
      onError: (error) => logger.error({ err: error.message, locale }, "translation failed"),
    });
  }
  const strict = strictTranslator(locale);
  const english = translator(DEFAULT_LOCALE);
  const guard =
    <A extends unknown[], R>(own: (...args: A) => R, fallback: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return own(...args);
      } catch (error) {
        logger.error({ err: (error as Error).message, locale }, "translation failed");
        return fallback(...args);
      }
    };
  return Object.assign(guard<Parameters<Translator>, string>(strict, english), {
    rich: guard(strict.rich, english.rich),
    markup: guard(strict.markup, english.markup),
    raw: strict.raw,
    has: strict.has,
  }) as Translator;
}

const translators = new Map<Locale, Translator>();

/**
 * Formats the catalogs' ICU messages on the server. The connect page ships no formatter: its
 * client components receive strings already formatted in the reader's language.
 */
export function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = withEnglishFallback(locale)));
  return t;
}

/** A catalog key as a string, for messages whose key is data (a failure's code, a zod message). */
export type MessageKey = Parameters<Translator>[0];

export function hasMessage(key: string): key is MessageKey {
  return translator(DEFAULT_LOCALE).has(key as MessageKey);
}
