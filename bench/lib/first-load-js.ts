import { gzipSync } from "node:zlib";

/** The JavaScript a browser loads for a page: every script the HTML references, gzipped. */
export async function firstLoadJs(
  baseUrl: string,
  pagePath: string,
): Promise<{ files: number; gzipBytes: number }> {
  const html = await (await fetch(`${baseUrl}${pagePath}`)).text();
  const sources = new Set(
    [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!),
  );
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  // Inline scripts (the RSC payload) count too: they are part of what the page ships.
  for (const match of html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)) {
    gzipBytes += gzipSync(Buffer.from(match[1]!), { level: 9 }).length;
  }
  return { files: sources.size, gzipBytes };
}
