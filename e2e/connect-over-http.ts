/**
 * Submits a page's server-action form the way a browser without JavaScript does: read the page,
 * post its hidden fields (Next's action references) with the typed values as multipart form data.
 */
export async function submitFormOverHttp(
  pageUrl: string,
  values: Record<string, string>,
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<{ ms: number; html: string; response: Response }> {
  const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
  const page = await (await fetch(pageUrl, { headers })).text();
  const form = new FormData();
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
    form.append(decodeEntities(match[1]!), decodeEntities(match[2] ?? ""));
  }
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  const started = performance.now();
  const response = await fetch(pageUrl, {
    method: "POST",
    body: form,
    headers: { ...headers, origin: new URL(pageUrl).origin, ...options.headers },
    redirect: "manual",
  });
  const html = await response.text();
  return { ms: performance.now() - started, html, response };
}

/** The connect form, as an end user without JavaScript fills it in. */
export async function submitConnectForm(connectUrl: string, values: Record<string, string>) {
  const { ms, html } = await submitFormOverHttp(connectUrl, values);
  return { ms, html, connected: showsConnected(html) };
}

/**
 * Whether an answer is the Connected page. Every connect page carries the form's words for all
 * its states (for the browser to show), so the word alone proves nothing: the heading does.
 */
export function showsConnected(html: string): boolean {
  return /<h1[^>]*>Connected<\/h1>/.test(html);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
