import { z } from "zod";
import { normalizeSubdomain } from "../atlassian/subdomain";

/**
 * The connect form. One schema serves the browser (react-hook-form's zodResolver), the server
 * action and, through its field rules, the API's `subdomain`, so a value is judged the same
 * everywhere.
 */
export const subdomainSchema = z
  .string()
  .max(300, "That is too long for a subdomain.")
  .refine((value) => !value.trim() || normalizeSubdomain(value) !== null, {
    message:
      "Enter just the part before .atlassian.net, like acme for https://acme.atlassian.net (or leave it empty).",
  })
  .transform((value) => (value.trim() ? normalizeSubdomain(value)! : undefined));

export const connectFormSchema = z.object({
  subdomain: subdomainSchema.optional(),
  clientId: z
    .string()
    .trim()
    .min(1, "Enter the Client ID from the credential you created in Atlassian Administration.")
    .max(256, "That is too long for a Client ID: check you copied only the Client ID."),
  clientSecret: z
    .string()
    .trim()
    .min(1, "Enter the Client Secret shown when you created the credential.")
    .max(1024, "That is too long for a Client Secret: check you copied only the secret."),
});

export type ConnectFormInput = z.input<typeof connectFormSchema>;
export type ConnectFormValues = z.output<typeof connectFormSchema>;

/** The second step when a credential reaches several sites and no subdomain was given. */
export const siteChoiceSchema = z.object({
  site: z.string().min(1, "Choose the site to connect.").max(128),
});

export type ConnectField = keyof ConnectFormInput | "site";
