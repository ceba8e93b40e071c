import "server-only";
import { getDb } from "./db";

/** True while the database answers a trivial query. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
