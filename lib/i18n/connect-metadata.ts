import "server-only";
import type { Metadata } from "next";
import { requestLocale } from "./request-locale";
import { translator } from "./translate";

/** The connect pages' <title> and description, in the language the page is shown in. */
export async function connectPageMetadata(): Promise<Metadata> {
  const t = translator(await requestLocale());
  return { title: t("page.title"), description: t("page.intro") };
}
