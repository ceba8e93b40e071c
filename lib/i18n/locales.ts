import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

/** The languages the connect form speaks. English is the fallback and the source of the others. */
export const LOCALES = ["en", "de", "fr", "es", "ja"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The request header proxy.ts sets on connect pages, read by the layout, pages and actions. */
export const LOCALE_HEADER = "x-latch-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language to answer in: an explicit `?lang=` (from the link, or `Latch.open({ lang })`)
 * wins, then the browser's Accept-Language, then English. `de-AT` means German; a tag that is
 * not a language tag at all is ignored rather than trusted.
 */
export function negotiateLocale(request: {
  lang?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  const requested = [
    ...(request.lang ? [request.lang] : []),
    ...new Negotiator({
      headers: { "accept-language": request.acceptLanguage ?? undefined },
    }).languages(),
  ];
  // Cut first: a header of thousands of tags must not cost thousands of parses.
  const wellFormed = requested.slice(0, 20).flatMap(canonicalTag);
  const chosen = match(wellFormed, LOCALES, DEFAULT_LOCALE, { algorithm: "best fit" });
  return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
}

function canonicalTag(tag: string): string[] {
  if (tag.length > 35) return [];
  try {
    return Intl.getCanonicalLocales(tag);
  } catch {
    return []; // "*", "english", "de_DE" and the like
  }
}
