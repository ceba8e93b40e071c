import { z } from "zod";
import { subdomainSchema } from "./connect";
import { lengthChecksOnlyOnLengths } from "./length-checks";
import { UNSTORABLE_TEXT_MESSAGE, isStorableText } from "./text";

/**
 * An origin such as `https://app.example.com`: scheme, host and optional port, nothing else.
 * Answers it the way browsers spell it (lowercase host, default port dropped), since origins are
 * compared as strings.
 */
export const originSchema = z
  .string()
  .max(2048)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        const rest = `${url.pathname}${url.search}${url.hash}`;
        return /^https?:$/.test(url.protocol) && (rest === "/" || rest === "") && !url.username;
      } catch {
        return false;
      }
    },
    { message: "must be an origin: scheme, host and optional port, like https://app.example.com" },
  )
  .transform((value) => new URL(value).origin);

// A JSON body can put any value anywhere: see lengthChecksOnlyOnLengths.
export const createConnectSessionSchema = lengthChecksOnlyOnLengths(
  z.object({
    end_user: z.object({
      id: z
        .string()
        .trim()
        .min(1, "is required")
        .max(255)
        .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
      email: z.email("must be an e-mail address").max(320).optional(),
      display_name: z
        .string()
        .trim()
        .max(255)
        .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
        .optional(),
    }),
    subdomain: z.optional(subdomainSchema),
    allowed_origins: z.array(originSchema).max(20).optional(),
  }),
);

export type CreateConnectSessionInput = z.output<typeof createConnectSessionSchema>;
