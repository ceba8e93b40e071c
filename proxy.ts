import { getIronSession } from "iron-session";
import { NextResponse, type NextRequest } from "next/server";
import { connectPagePolicy } from "./lib/embed/frame-policy";
import { isActive, sessionOptions, type SessionData } from "./lib/session";

const REFRESH_AFTER_MS = 5 * 60 * 1000;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/connect" || pathname === "/connect/embed") return connectPage(request);
  return dashboardGate(request);
}

/**
 * Connect pages may be framed by their session's allowed origins only, which takes a lookup per
 * request (every other page is never framed: next.config.mjs). No X-Frame-Options here: it
 * would override the list.
 */
async function connectPage(request: NextRequest) {
  const response = NextResponse.next();
  response.headers.set(
    "content-security-policy",
    await connectPagePolicy(request.nextUrl.pathname, request.nextUrl.searchParams),
  );
  return response;
}

/**
 * Cookie-only gate for the dashboard: sends visitors without a live session to /login, and
 * keeps an active session's idle timer fresh. Authorisation happens again next to the data
 * (lib/auth/member.ts); this only saves a round trip.
 */
async function dashboardGate(request: NextRequest) {
  const response = NextResponse.next();
  const session = await getIronSession<SessionData>(request, response, sessionOptions());
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
  matcher: [
    "/connect",
    "/connect/embed",
    "/connections/:path*",
    "/settings/:path*",
    "/audit/:path*",
  ],
};
