import { ConnectScreen } from "@/components/connect/connect-screen";
import { findConnectSessionByHash } from "@/lib/connections/find-connect-session";
import { isAllowedOrigin } from "@/lib/embed/origins";
import { connectPageMetadata } from "@/lib/i18n/connect-metadata";
import { requestLocale } from "@/lib/i18n/request-locale";
import { isFormPost } from "../form-post";
import { translator } from "@/lib/i18n/translate";
import { ConnectBody } from "../connect-body";

export const generateMetadata = connectPageMetadata;

/**
 * The connect form inside a tenant's page, opened by latch.js as
 * `/connect/embed?session=<sha256 of the token>&origin=<host origin>[&lang=]`. The token arrives
 * by postMessage; proxy.ts lets only the session's allowed origins frame this page.
 */
export default async function EmbeddedConnectPage({ searchParams }: PageProps<"/connect/embed">) {
  const params = await searchParams;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const lookup = await findConnectSessionByHash(text(params.session));
  const origin = text(params.origin);
  const locale = await requestLocale();
  const t = translator(locale);

  if (lookup.state !== "invalid" && !isAllowedOrigin(origin, lookup.presentation.allowedOrigins)) {
    return (
      <ConnectScreen theme={null} embedded locale={locale}>
        <h1 className="text-xl font-semibold">{t("page.frameRefusedTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          {t("page.frameRefusedBody")}
        </p>
      </ConnectScreen>
    );
  }
  return (
    <ConnectBody
      locale={locale}
      answeringPost={await isFormPost()}
      lookup={lookup}
      sessionToken={null}
      // Nothing is posted to an origin no session vouches for.
      embed={
        origin && lookup.state !== "invalid" ? { origin, hash: text(params.session) ?? "" } : null
      }
      themeOverride={{ primaryColor: text(params.primary), mode: text(params.mode) }}
    />
  );
}
