import { describe, expect, it } from "vitest";
import { routeLabel } from "./route-label";

describe("routeLabel", () => {
  it.for<[string, string]>([
    ["/api/health", "/api/health"],
    ["/api/v1/connections/conn_abc123/access-token?x=1", "/api/v1/connections/{id}/access-token"],
    ["/api/v1/connections/conn_abc123/test", "/api/v1/connections/{id}/test"],
    ["/api/v1/connections/conn_abc123", "/api/v1/connections/{id}"],
    [
      "/api/v1/connections/conn_1/proxy/jira/rest/api/3/myself",
      "/api/v1/connections/{id}/proxy/jira",
    ],
    [
      "/api/v1/connections/conn_1/proxy/confluence/wiki/api/v2/spaces",
      "/api/v1/connections/{id}/proxy/confluence",
    ],
    ["/api/v1/connections/conn_1/proxy/nope/x", "/api/v1/connections/{id}/proxy"],
    ["/connect?session_token=lcs_secret", "/connect"],
    ["/connect/embed?session=abc", "/connect/embed"],
    ["/connections/conn_abc123", "/connections/{id}"],
    ["/invite/lin_secret-token", "/invite/{token}"],
    ["/reset/lpr_secret-token", "/reset/{token}"],
    ["/_next/static/chunks/abc.js", "static"],
    ["/", "/"],
  ])("names %j as %j, with no id or token in it", ([url, route]) => {
    expect(routeLabel(url)).toBe(route);
  });

  it("answers other for anything else, so random paths cannot grow the series", () => {
    for (const url of ["/wp-login.php", "/api/v1/nope", "/connections/a/b", "/.env", undefined]) {
      expect(routeLabel(url)).toBe("other");
    }
  });
});
