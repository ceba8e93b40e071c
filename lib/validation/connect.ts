import * as z from "zod/mini";
import { normalizeSubdomain } from "../atlassian/subdomain";
import { lengthChecksOnlyOnLengths } from "./length-checks";

/**
 * The connect form. One schema serves the browser (useSchemaForm), the server
 * action and, through its field rules, the API's `subdomain`, so a value is judged the same
 * everywhere. Its messages are catalog keys (lib/i18n/messages), worded in the reader's language
 * where they are shown. Written with zod/mini: it ships in the connect page, whose size matters inside
 * other companies' apps.
 */
export const subdomainSchema = z.pipe(
  z.string().check(
    z.maxLength(300, "validation.subdomainTooLong"),
    z.refine((value) => !value.trim() || normalizeSubdomain(value) !== null, {
      message: "validation.subdomainShape",
    }),
  ),
  z.transform((value: string) => (value.trim() ? normalizeSubdomain(value)! : undefined)),
);

// Only strings arrive from the form, but a schema should judge any value without throwing.
export const connectFormSchema = lengthChecksOnlyOnLengths(
  z.object({
    subdomain: z.optional(subdomainSchema),
    clientId: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, "validation.clientIdMissing"),
        z.maxLength(256, "validation.clientIdTooLong"),
      ),
    clientSecret: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, "validation.clientSecretMissing"),
        z.maxLength(1024, "validation.clientSecretTooLong"),
      ),
  }),
);

export type ConnectFormInput = z.input<typeof connectFormSchema>;
export type ConnectFormValues = z.output<typeof connectFormSchema>;

/** The second step when a credential reaches several sites and no subdomain was given. */
export const siteChoiceSchema = lengthChecksOnlyOnLengths(
  z.object({
    site: z.string().check(z.minLength(1, "validation.siteMissing"), z.maxLength(128)),
  }),
);

export type ConnectField = keyof ConnectFormInput | "site";
