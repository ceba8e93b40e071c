import { findConnectSession } from "@/lib/connections/find-connect-session";
import { connectPageMetadata } from "@/lib/i18n/connect-metadata";
import { requestLocale } from "@/lib/i18n/request-locale";
import { isFormPost } from "./form-post";
import { ConnectBody } from "./connect-body";
import { dashboardReturnPath } from "@/lib/connections/return-to";

export const generateMetadata = connectPageMetadata;

/**
 * The standalone connect link: `{PUBLIC_URL}/connect?session_token=…`, in the language of
 * `&lang=` or of the browser. `&return_to=` (a dashboard path only) links the Connected screen
 * back to the dashboard.
 */
export default async function ConnectPage({ searchParams }: PageProps<"/connect">) {
  const { session_token: token, return_to: returnTo } = await searchParams;
  const sessionToken = typeof token === "string" ? token : null;
  const [lookup, locale, answeringPost] = await Promise.all([
    findConnectSession(sessionToken),
    requestLocale(),
    isFormPost(),
  ]);
  return (
    <ConnectBody
      locale={locale}
      lookup={lookup}
      sessionToken={sessionToken}
      embed={null}
      answeringPost={answeringPost}
      returnTo={dashboardReturnPath(returnTo)}
    />
  );
}
