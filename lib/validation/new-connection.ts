import { z } from "zod";
import { endUserFields } from "./connect-session";

// A form sends "" for an untouched optional field: that means no e-mail, not a bad one.
const blankAsMissing = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const endUser = endUserFields({
  idRequired: "Enter the end user's ID, as your app knows them (like user-42).",
  email: "Enter an e-mail address, like jo@example.com, or leave it empty.",
});

/**
 * The dashboard's New connection form: which end user the connect link is for. The same rules
 * as the API's `end_user` (lib/validation/connect-session.ts), worded for a person.
 */
export const newConnectionSchema = z.object({
  endUserId: endUser.id,
  endUserEmail: z.preprocess(blankAsMissing, endUser.email.optional()),
});

export type NewConnectionField = keyof z.input<typeof newConnectionSchema>;
export const NEW_CONNECTION_FIELDS = ["endUserId", "endUserEmail"] as const;
