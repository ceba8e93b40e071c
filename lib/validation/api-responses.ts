import { z } from "zod";
import { PRODUCTS } from "../atlassian/products";
import { CONNECTION_STATUSES } from "./connections-query";

/**
 * What the tenant API answers (PRODUCT.md), as zod schemas. The OpenAPI document is generated
 * from them (lib/api/openapi.ts) and the tests hold the real answers against them, so the
 * published contract and the code cannot drift apart unnoticed.
 */

const timestamp = z.iso.datetime();

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().describe("A stable snake_case code, e.g. connection_not_found."),
    message: z.string().describe("A sentence a person can act on."),
  }),
});

export const connectionSchema = z.object({
  id: z.string().describe("The connection's id, e.g. conn_…"),
  status: z
    .enum(CONNECTION_STATUSES)
    .describe(
      "healthy: the last check passed; failing: it did not (see last_error); revoked: the secret is erased for good.",
    ),
  end_user: z.object({
    id: z.string().describe("Your id for the end user, as given to the connect session."),
    email: z.string().nullable(),
    display_name: z.string().nullable(),
  }),
  site: z.object({
    cloud_id: z.string().describe("The Atlassian site's cloud id."),
    name: z.string(),
    url: z.string().describe("e.g. https://acme.atlassian.net"),
  }),
  products: z
    .array(z.enum(PRODUCTS))
    .describe(
      "The Atlassian products the site serves, read from its scopes (a scope naming confluence: Confluence; jira: Jira). Jira alone when no scope names either.",
    ),
  scopes: z.array(z.string()).describe("OAuth scopes the credential holds on the site."),
  client_id: z.string().describe("The service account credential's client id (never the secret)."),
  created_at: timestamp,
  last_checked_at: timestamp
    .nullable()
    .describe("When the token exchange and site lookup last ran live."),
  last_error: z
    .object({ code: z.string(), message: z.string() })
    .nullable()
    .describe("Why the last check failed; null while healthy."),
});

export const connectionListSchema = z.object({
  data: z.array(connectionSchema).describe("Newest first."),
  next_cursor: z
    .string()
    .nullable()
    .describe("Pass as cursor to get the next page; null on the last page."),
});

export const connectSessionSchema = z.object({
  token: z.string().describe("The session token; it authorises one connect, for a short time."),
  connect_url: z
    .url()
    .describe("{PUBLIC_URL}/connect?session_token=…: send the end user here, or embed it."),
  expires_at: timestamp,
});

export const accessTokenSchema = z.object({
  access_token: z.string().describe("An Atlassian access token. Keep it server-side."),
  token_type: z.literal("Bearer"),
  expires_at: timestamp,
  cloud_id: z.string(),
  api_base_url: z
    .url()
    .describe(
      "{ATLASSIAN_API_URL}/ex/{product}/{cloud_id} of Jira when the site serves Jira, else of its first product: prefix REST paths with it.",
    ),
  api_base_urls: z
    .object({
      jira: z.url().optional().describe("{ATLASSIAN_API_URL}/ex/jira/{cloud_id}"),
      confluence: z.url().optional().describe("{ATLASSIAN_API_URL}/ex/confluence/{cloud_id}"),
    })
    .describe(
      "Each product the site serves (see Connection.products), mapped to its gateway base.",
    ),
});

export const healthSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
});

export type ApiConnectionBody = z.infer<typeof connectionSchema>;
