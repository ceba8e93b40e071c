/**
 * Submits the connect form the way a browser without JavaScript does: read the page, post its
 * hidden fields (Next's server-action references) with the typed values as multipart form data.
 */
export async function submitConnectForm(
  connectUrl: string,
  values: Record<string, string>,
): Promise<{ ms: number; html: string }> {
  const page = await (await fetch(connectUrl)).text();
  const form = new FormData();
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
    form.append(decodeEntities(match[1]!), decodeEntities(match[2] ?? ""));
  }
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  const started = performance.now();
  const response = await fetch(connectUrl, {
    method: "POST",
    body: form,
    headers: { origin: new URL(connectUrl).origin },
  });
  const html = await response.text();
  return { ms: performance.now() - started, html };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
