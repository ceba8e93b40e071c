/**
 * A request's path as the route it reached, for the `route` label: ids and tokens become
 * placeholders, and anything unknown is "other", so a scanner walking random paths cannot
 * create series without end.
 */
const ROUTES: [RegExp, string][] = [
  [/^\/api\/health$/, "/api/health"],
  [/^\/api\/v1\/connect-sessions$/, "/api/v1/connect-sessions"],
  [/^\/api\/v1\/connections$/, "/api/v1/connections"],
  [/^\/api\/v1\/connections\/[^/]+$/, "/api/v1/connections/{id}"],
  [/^\/api\/v1\/connections\/[^/]+\/(test|access-token)$/, "/api/v1/connections/{id}/$1"],
  [
    /^\/api\/v1\/connections\/[^/]+\/proxy\/(jira|confluence)\/.*$/,
    "/api/v1/connections/{id}/proxy/$1",
  ],
  [/^\/api\/v1\/connections\/[^/]+\/proxy(\/.*)?$/, "/api/v1/connections/{id}/proxy"],
  [/^\/api\/v1\/openapi\.json$/, "/api/v1/openapi.json"],
  [/^\/metrics$/, "/metrics"],
  [/^\/connect(\/embed)?$/, "/connect$1"],
  [/^\/connections\/[^/]+$/, "/connections/{id}"],
  [/^\/(connections|audit|settings|members|account|login|setup|api-docs)$/, "/$1"],
  [/^\/invite\/[^/]+$/, "/invite/{token}"],
  [/^\/reset\/[^/]+$/, "/reset/{token}"],
  [/^\/_next\/static\/.*$/, "static"],
  [/^\/(latch\.js|latch\.d\.ts|favicon\.ico)$/, "/$1"],
  [/^\/$/, "/"],
];

export function routeLabel(url: string | undefined): string {
  const pathname = (url ?? "").split("?", 1)[0]!;
  for (const [pattern, template] of ROUTES) {
    if (pattern.test(pathname)) return pathname.replace(pattern, template);
  }
  return "other";
}
