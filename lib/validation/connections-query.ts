import { z } from "zod";
import { trimmedText } from "./input-json-schema";
import { UNSTORABLE_TEXT_MESSAGE, isStorableText } from "./text";

export const CONNECTION_STATUSES = ["healthy", "failing", "revoked"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const listConnectionsQuerySchema = z.object({
  end_user_id: trimmedText({ max: 255, required: "must not be blank" }).optional(),
  status: z.enum(CONNECTION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export type ListConnectionsQuery = z.output<typeof listConnectionsQuerySchema>;

/** `scopes=missing`: only connections lacking one of the workspace's required scopes. */
export const SCOPE_FILTERS = ["missing"] as const;

/**
 * The dashboard's list adds a free-text search over end user and site and the missing-scope
 * filter; its cursor may also point backward (lib/validation/cursor.ts), for Previous.
 */
export const dashboardConnectionsQuerySchema = listConnectionsQuerySchema.extend({
  q: z.string().trim().max(200).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).optional(),
  scopes: z.enum(SCOPE_FILTERS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export type DashboardConnectionsQuery = z.output<typeof dashboardConnectionsQuerySchema>;
