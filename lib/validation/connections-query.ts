import { z } from "zod";

export const CONNECTION_STATUSES = ["healthy", "failing", "revoked"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const listConnectionsQuerySchema = z.object({
  end_user_id: z.string().trim().min(1).max(255).optional(),
  status: z.enum(CONNECTION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export type ListConnectionsQuery = z.output<typeof listConnectionsQuerySchema>;
