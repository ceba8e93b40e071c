import "server-only";
import { getHotReads } from "../db/hot-reads";

/** True while the database answers a trivial query. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await getHotReads().ping();
    return true;
  } catch {
    return false;
  }
}
