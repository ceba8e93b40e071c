import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./format-relative-time";

const NOW = new Date("2026-03-01T12:00:00Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe("formatRelativeTime", () => {
  it.for([
    [3, "just now"],
    [-5, "just now"],
    [42, "42 seconds ago"],
    [3 * 60 + 59, "4 minutes ago"],
    [3 * 24 * 60 * 60 - 30, "3 days ago"],
    [60 * 60, "1 hour ago"],
    [26 * 60 * 60, "yesterday"],
    [3 * 24 * 60 * 60, "3 days ago"],
    [15 * 24 * 60 * 60, "2 weeks ago"],
    [70 * 24 * 60 * 60, "2 months ago"],
    [800 * 24 * 60 * 60, "2 years ago"],
    [-2 * 60 * 60, "in 2 hours"],
  ] as const)("%i seconds ago reads %j", ([seconds, text]) => {
    expect(formatRelativeTime(ago(seconds), NOW)).toBe(text);
  });
});
