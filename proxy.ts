import { getIronSession } from "iron-session";
import { NextResponse, type NextRequest } from "next/server";
import { isActive, sessionOptions, type SessionData } from "./lib/session";

const REFRESH_AFTER_MS = 5 * 60 * 1000;

/**
 * Cookie-only gate for the dashboard: sends visitors without a live session to /login, and
 * keeps an active session's idle timer fresh. Authorisation happens again next to the data
 * (lib/auth/scope.ts); this only saves a round trip.
 */
export async function proxy(request: NextRequest) {
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
  matcher: ["/connections/:path*", "/settings/:path*", "/audit/:path*"],
};
