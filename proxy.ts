import { NextResponse, type NextRequest } from "next/server";
import { connectPagePolicy } from "./lib/embed/frame-policy";
import { newNonce, pagePolicy } from "./lib/http/content-security-policy";
import { FORM_POST_HEADER } from "./lib/http/form-post-header";
import { DEFAULT_LOCALE, LOCALE_HEADER, negotiateLocale } from "./lib/i18n/locales";
import { getRequestSession, isActive } from "./lib/auth/session-cookie";

const REFRESH_AFTER_MS = 5 * 60 * 1000;

const DASHBOARD = /^\/(connections|members|settings|audit|account)(\/|$)/;
const CONNECT_PAGES = new Set(["/connect", "/connect/embed"]);

/**
 * Every page gets a Content-Security-Policy with a fresh nonce. Next reads the nonce from the
 * request's copy of the header and puts it on the scripts it renders (so every page renders
 * per request: app/layout.tsx).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = newNonce();
  const policy = pagePolicy({
    nonce,
    frameAncestors: await frameAncestors(request),
    development: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const locale = pageLocale(request);
  headers.set(LOCALE_HEADER, locale);
  headers.set(FORM_POST_HEADER, request.method === "POST" ? "1" : "0");
  if (CONNECT_PAGES.has(pathname)) restoreOwnOrigin(request, headers);
  const response = DASHBOARD.test(pathname)
    ? await dashboardGate(request, headers)
    : NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  response.headers.set("content-language", locale);
  return response;
}

/**
 * The connect pages speak the end user's language: `?lang=` (set by the tenant's link or by
 * `Latch.open({ lang })`), else the browser's Accept-Language. The dashboard is English. The
 * choice travels as a request header the page, the layout's `<html lang>` and the form's server
 * action (which posts to the same URL) all read; a client's own copy of it is overwritten.
 */
function pageLocale(request: NextRequest) {
  if (!CONNECT_PAGES.has(request.nextUrl.pathname)) return DEFAULT_LOCALE;
  return negotiateLocale({
    lang: request.nextUrl.searchParams.get("lang"),
    acceptLanguage: request.headers.get("accept-language"),
  });
}

/**
 * Connect pages send `Referrer-Policy: no-referrer` (their URL carries a session token), so a
 * browser posts their form without JavaScript with `Origin: null`, which Next's CSRF check for
 * server actions refuses. A request the browser itself marks `Sec-Fetch-Site: same-origin` (no
 * page can set that header) did come from this origin: Next is given that origin back. Any
 * other request keeps its Origin and meets the check as it is.
 */
function restoreOwnOrigin(request: NextRequest, headers: Headers) {
  if (
    request.method === "POST" &&
    request.headers.get("origin") === "null" &&
    request.headers.get("sec-fetch-site") === "same-origin"
  ) {
    // Chained proxies list several hosts; the first is the one the browser asked for (as Next
    // itself reads it).
    const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host"))
      ?.split(",")[0]
      ?.trim();
    if (host) headers.set("origin", `${request.nextUrl.protocol}//${host}`);
  }
}

/**
 * Connect pages may be framed by their session's allowed origins only, which takes a lookup per
 * request (they send no X-Frame-Options: it would override the list). No other page is framed.
 */
async function frameAncestors(request: NextRequest): Promise<string> {
  const { pathname, searchParams } = request.nextUrl;
  return CONNECT_PAGES.has(pathname)
    ? connectPagePolicy(pathname, searchParams)
    : "frame-ancestors 'none'";
}

/**
 * Cookie-only gate for the dashboard: sends visitors without a live session to /login, and
 * keeps an active session's idle timer fresh. Authorisation happens again next to the data
 * (lib/auth/member.ts); this only saves a round trip.
 */
async function dashboardGate(request: NextRequest, headers: Headers) {
  const response = NextResponse.next({ request: { headers } });
  // An unreadable cookie (tampered, or sealed with an old secret) means signed out, not a crash.
  const session = await getRequestSession(request, response);
  const now = Date.now();
  if (!isActive(session, now)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  if (now - session.lastSeenAt! > REFRESH_AFTER_MS) {
    session.lastSeenAt = now;
    await session.save();
  }
  return response;
}

export const config = {
  // Pages only: not the API, Next's static files or public/ (latch.js, icons).
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon\\.ico|latch\\.js|.*\\.(?:svg|png|ico)$).*)",
  ],
};
