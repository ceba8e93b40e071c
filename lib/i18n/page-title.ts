import "server-only";
import type { Metadata } from "next";
import { requestLocale } from "./request-locale";
import { translator } from "./translate";

/** The connect pages' <title>, in the language the page is shown in. */
export async function connectPageMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())("page.title") };
}
