import type { Prisma } from "../../generated/prisma/client";
import type { Cursor } from "../../validation/cursor";

// Each is phrased as one range on createdAt plus an exclusion, so the
// [workspaceId, createdAt, id] index seeks to the cursor instead of scanning from the newest row.

/** (createdAt, id) < cursor: the rows listed after it, newest first. */
export function keysetAfter(cursor: Cursor): Prisma.ConnectionWhereInput {
  return {
    createdAt: { lte: cursor.createdAt },
    NOT: { createdAt: cursor.createdAt, id: { gte: cursor.id } },
  };
}

/** (createdAt, id) > cursor: the rows listed before it. */
export function keysetBefore(cursor: Cursor): Prisma.ConnectionWhereInput {
  return {
    createdAt: { gte: cursor.createdAt },
    NOT: { createdAt: cursor.createdAt, id: { lte: cursor.id } },
  };
}
