import { z } from "zod";
import { subdomainSchema } from "./connect";

/** An origin such as `https://app.example.com`: scheme, host and optional port, nothing else. */
export const originSchema = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, "");
    } catch {
      return false;
    }
  },
  { message: "must be an origin like https://app.example.com (no path)" },
);

export const createConnectSessionSchema = z.object({
  end_user: z.object({
    id: z.string().trim().min(1, "is required").max(255),
    email: z.email("must be an e-mail address").max(320).optional(),
    display_name: z.string().trim().max(255).optional(),
  }),
  subdomain: subdomainSchema.optional(),
  allowed_origins: z
    .array(originSchema.transform((value) => value.replace(/\/$/, "")))
    .max(20)
    .optional(),
});

export type CreateConnectSessionInput = z.output<typeof createConnectSessionSchema>;
