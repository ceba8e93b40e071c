import { AtlassianError } from "../lib/atlassian/errors";

/** Awaits a call to Atlassian that must fail: the AtlassianError, and how long it took. */
export async function atlassianFailure(promise: Promise<unknown>) {
  const started = Date.now();
  try {
    await promise;
  } catch (error) {
    if (error instanceof AtlassianError) return { error, elapsed: Date.now() - started };
    throw error;
  }
  throw new Error("expected an AtlassianError");
}
