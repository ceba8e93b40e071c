/**
 * Serves the example host page (index.html) on its own origin, as a tenant's app would:
 *
 *   LATCH_URL=http://localhost:3000 npx tsx e2e/host/serve.ts   # then open http://127.0.0.2:4027
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const host = process.env.HOST_BIND ?? "127.0.0.2";
const port = Number(process.env.HOST_PORT ?? 4027);
const latchUrl = (process.env.LATCH_URL ?? "http://localhost:3000").replace(/\/$/, "");
const page = fs
  .readFileSync(path.join(__dirname, "index.html"), "utf8")
  .replaceAll("__LATCH_URL__", latchUrl);

http
  .createServer((request, response) => {
    if (request.url === "/health") return response.end("ok");
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(page);
  })
  .listen(port, host, () => console.log(`Example host app on http://${host}:${port}`));
