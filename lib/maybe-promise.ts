/**
 * A value now, or later. The access-token path reads SQLite synchronously; with Next's
 * AsyncLocalStorage hooks installed, every promise costs, so that path passes values through
 * as they are and awaits only what is really pending (PostgreSQL, a write).
 */
export type MaybePromise<T> = T | Promise<T>;

/** Any thenable counts (a Prisma query is one without being a Promise), so none is mistaken for a value. */
export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** `fn(value)`, after `value` settles if it is pending; no promise if it is not. */
export function andThen<T, R>(
  value: MaybePromise<T>,
  fn: (value: T) => MaybePromise<R>,
): MaybePromise<R> {
  return isPromise(value) ? value.then(fn) : fn(value);
}
