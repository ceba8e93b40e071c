import "server-only";
import type { AtlassianConfig } from "../../atlassian";
import { getEnv } from "../../env";

export function atlassianConfig(): AtlassianConfig {
  const env = getEnv();
  return { authUrl: env.ATLASSIAN_AUTH_URL, apiUrl: env.ATLASSIAN_API_URL };
}
