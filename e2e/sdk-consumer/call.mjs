// A tenant backend's use of the packed @latch/node, one call per run:
// `node call.mjs <step> '<json array of arguments>'` prints {"ok":true,"value":…} or the
// LatchError's fields. e2e/sdk.spec.ts copies this file into a scratch project beside the
// installed tarball, so what runs is exactly what `npm install @latch/node` gives a tenant.
import { Latch, LatchError, verifyWebhook } from "@latch/node";

const [step, argsJson = "[]"] = process.argv.slice(2);
const args = JSON.parse(argsJson);
const latch = new Latch({
  baseUrl: process.env.LATCH_URL,
  apiKey: process.env.LATCH_API_KEY,
  timeoutMs: Number(process.env.LATCH_TIMEOUT_MS ?? 30_000),
});

/** A proxied answer as JSON: status, headers, and the body read the way the step asks. */
async function readProxied(response, read) {
  const headers = Object.fromEntries(response.headers);
  if (read === "stream") {
    let bytes = 0;
    for await (const chunk of response.body) bytes += chunk.byteLength;
    return { status: response.status, headers, bytes };
  }
  const text = await response.text();
  // Parsed when it is JSON, else kept as text, so a failing test shows what did come back.
  let body = text;
  if (read === "json") {
    try {
      body = JSON.parse(text);
    } catch {
      body = text.slice(0, 500);
    }
  }
  return { status: response.status, headers, body };
}

const steps = {
  createSession: (body) => latch.connectSessions.create(body),
  list: (query) => latch.connections.list(query),
  listAll: async (query) => {
    const ids = [];
    for await (const connection of latch.connections.listAll(query)) ids.push(connection.id);
    return ids;
  },
  get: (id) => latch.connections.get(id),
  test: (id) => latch.connections.test(id),
  revoke: (id) => latch.connections.revoke(id),
  accessToken: (id) => latch.connections.accessToken(id),
  proxy: async (id, request, read = "json") =>
    readProxied(await latch.connections.proxy(id, request), read),
  verifyWebhook: (body, header, secret) => verifyWebhook(body, header, secret),
};

try {
  const value = await steps[step](...args);
  console.log(JSON.stringify({ ok: true, value }));
} catch (error) {
  if (!(error instanceof LatchError)) throw error;
  const { name, status, code, message, retryAfter, requestId } = error;
  console.log(
    JSON.stringify({ ok: false, error: { name, status, code, message, retryAfter, requestId } }),
  );
}
