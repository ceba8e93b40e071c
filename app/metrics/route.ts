import { readMetrics } from "@/lib/metrics/read-metrics";

// Read at every scrape, never prerendered.
export const dynamic = "force-dynamic";

/** Prometheus scrapes this with `Authorization: Bearer $METRICS_TOKEN` (README: Metrics). */
export async function GET(request: Request) {
  const answer = await readMetrics(request.headers.get("authorization"));
  switch (answer.kind) {
    case "disabled":
      return new Response("Not found\n", {
        status: 404,
        headers: { "content-type": "text/plain" },
      });
    case "unauthorized":
      return new Response("Send Authorization: Bearer <METRICS_TOKEN>.\n", {
        status: 401,
        headers: { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' },
      });
    case "ok":
      return new Response(answer.body, {
        headers: { "content-type": answer.contentType, "cache-control": "no-store" },
      });
  }
}
