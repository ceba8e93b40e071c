import type { JsonSchema, OpenApiResponse } from "./openapi-types";

/** What of this instance's configuration the document states. */
export function openApiSettings(env: { PUBLIC_URL: string; proxyBodyLimitBytes: number }) {
  return { publicUrl: env.PUBLIC_URL, proxyBodyLimit: formatSize(env.proxyBodyLimitBytes) };
}

export function formatSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB && bytes % (MB / 10) === 0) return `${bytes / MB} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** The JSON schema of a body, when it is JSON (the proxy's bodies are any type). */
export function jsonSchemaOf(content: OpenApiResponse["content"]): JsonSchema | undefined {
  return content && "application/json" in content ? content["application/json"]!.schema : undefined;
}
