import "server-only";
import { headers } from "next/headers";
import { FORM_POST_HEADER } from "@/lib/http/form-post-header";

/**
 * Whether this render answers the form's post. Without JavaScript, the page that answers a
 * successful connect is rendered after the link was spent: it must show the form's result
 * (Connected), not "Already connected".
 */
export async function isFormPost(): Promise<boolean> {
  return (await headers()).get(FORM_POST_HEADER) === "1";
}
