import { AtlassianError } from "./errors";

export type GatewayCall = {
  /** Built by the caller from ATLASSIAN_API_URL and checked to stay under /ex/{product}/{cloudId}/. */
  url: string;
  method: string;
  headers: Headers;
  body: Uint8Array | ReadableStream<Uint8Array> | null;
  /** How long to wait for the answer's headers, and then at most between two body chunks. */
  timeoutMs: number;
  fetch?: typeof fetch;
};

/**
 * One call through Atlassian's API gateway, answered as it arrives: the body is a stream the
 * caller passes on, never read here. Redirects are answered, not followed (a followed redirect
 * would carry the token to wherever it points). A network failure throws `unavailable`, and
 * no answer within `timeoutMs` throws `timeout`; a body that then stalls for `timeoutMs` ends
 * the stream with an error.
 */
export async function callGateway(call: GatewayCall): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), call.timeoutMs);
  let response: Response;
  try {
    response = await (call.fetch ?? fetch)(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body as BodyInit | null,
      redirect: "manual",
      signal: controller.signal,
      // A stream is sent as it is read (Node's fetch needs to be told).
      ...(call.body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);
  } catch {
    // A request body that failed (its caller's limit ended it) lands here too: the caller,
    // which set the limit, tells the two apart.
    if (controller.signal.aborted) {
      throw new AtlassianError("timeout", `no answer from the gateway in ${call.timeoutMs} ms`);
    }
    throw new AtlassianError("unavailable", "network failure calling the gateway");
  } finally {
    clearTimeout(timer);
  }
  return new Response(response.body && idleBounded(response.body, controller, call.timeoutMs), {
    status: response.status,
    headers: response.headers,
  });
}

/** The body, cut off (the upstream call aborted) once no chunk arrives for `idleMs`. */
function idleBounded(
  body: ReadableStream<Uint8Array>,
  controller: AbortController,
  idleMs: number,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let timer: NodeJS.Timeout | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(stream) {
      timer = setTimeout(() => controller.abort(), idleMs);
      try {
        const { done, value } = await reader.read();
        if (done) stream.close();
        else stream.enqueue(value);
      } catch (error) {
        stream.error(error);
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
}
