/**
 * Compiled by `npm run typecheck`, never run: public/latch.d.ts, which host apps copy, must
 * describe the same events and connection as the code that sends them. A field added to or
 * renamed in either side fails the typecheck.
 */
import type { ApiConnection } from "../connections/internal/to-api";
import type { FrameMessage } from "./protocol";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertTrue = <T extends true>(value: T) => value;

export const connectionMatches = assertTrue<Same<Latch.Connection, ApiConnection>>(true);
export const eventsMatch = assertTrue<Same<Latch.Event, FrameMessage>>(true);
