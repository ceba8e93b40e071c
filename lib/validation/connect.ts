import * as z from "zod/mini";
import { normalizeSubdomain } from "../atlassian/subdomain";
import { lengthChecksOnlyOnLengths } from "./length-checks";

/**
 * The connect form. One schema serves the browser (react-hook-form's zodResolver), the server
 * action and, through its field rules, the API's `subdomain`, so a value is judged the same
 * everywhere. Written with zod/mini: it ships in the connect page, whose size matters inside
 * other companies' apps.
 */
export const subdomainSchema = z.pipe(
  z.string().check(
    z.maxLength(300, "That is too long for a subdomain."),
    z.refine((value) => !value.trim() || normalizeSubdomain(value) !== null, {
      message:
        "Enter just the part before .atlassian.net, like acme for https://acme.atlassian.net (or leave it empty).",
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
        z.minLength(
          1,
          "Enter the Client ID from the credential you created in Atlassian Administration.",
        ),
        z.maxLength(256, "That is too long for a Client ID: check you copied only the Client ID."),
      ),
    clientSecret: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, "Enter the Client Secret shown when you created the credential."),
        z.maxLength(
          1024,
          "That is too long for a Client Secret: check you copied only the secret.",
        ),
      ),
  }),
);

export type ConnectFormInput = z.input<typeof connectFormSchema>;
export type ConnectFormValues = z.output<typeof connectFormSchema>;

/** The second step when a credential reaches several sites and no subdomain was given. */
export const siteChoiceSchema = lengthChecksOnlyOnLengths(
  z.object({
    site: z.string().check(z.minLength(1, "Choose the site to connect."), z.maxLength(128)),
  }),
);

export type ConnectField = keyof ConnectFormInput | "site";
