import "server-only";
import { recordAudit } from "../audit/record";
import { sha256 } from "../ids";
import type { MemberScope } from "./member";
import { endOwnSessionRecord, listSessionRecords } from "./sessions";

export type SessionSummary = {
  /** Names the session on the page without revealing its id (what its cookie carries). */
  handle: string;
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  device: string;
};

export function sessionHandle(id: string): string {
  return sha256(`session-handle:${id}`).slice(0, 24);
}

/** The member's live sessions for /account, this browser's first. */
export async function listMemberSessions(member: MemberScope): Promise<SessionSummary[]> {
  const rows = await listSessionRecords(member.userId);
  return rows
    .map((row) => ({
      handle: sessionHandle(row.id),
      current: row.id === member.sessionId,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      ip: row.ip,
      device: describeUserAgent(row.userAgent),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signs out one of the member's other sessions, named by its handle. */
export async function endMemberSession(member: MemberScope, handle: string): Promise<boolean> {
  const rows = await listSessionRecords(member.userId);
  const row = rows.find((candidate) => sessionHandle(candidate.id) === handle);
  if (!row || row.id === member.sessionId) return false;
  if (!(await endOwnSessionRecord(member.userId, row.id))) return false;
  await recordAudit(member, {
    action: "member.session_ended",
    details: { device: describeUserAgent(row.userAgent) },
  });
  return true;
}

/** "Firefox on Windows": enough to recognise a browser, without a user-agent library. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const browser =
    [
      [/Edg\//, "Edge"],
      [/Firefox\//, "Firefox"],
      [/Chrome\/|Chromium\//, "Chrome"],
      [/Safari\//, "Safari"],
      [/curl\//, "curl"],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? "A browser";
  const system = [
    [/Windows/, "Windows"],
    [/iPhone|iPad/, "iOS"],
    [/Mac OS X|Macintosh/, "macOS"],
    [/Android/, "Android"],
    [/Linux|X11/, "Linux"],
  ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1];
  return system ? `${browser} on ${system}` : (browser as string);
}
