import type { components, operations } from "./schema.js";

/** The JSON a 2xx of an operation answers, by its operationId in the OpenAPI document. */
type Answer<
  Op extends keyof operations,
  Status extends number,
> = operations[Op]["responses"] extends {
  [S in Status]: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

export type Connection = components["schemas"]["Connection"];
export type ConnectionStatus = Connection["status"];
export type ConnectionList = Answer<"listConnections", 200>;
export type ConnectSession = Answer<"createConnectSession", 201>;
export type AccessToken = Answer<"getAccessToken", 200>;
export type CreateConnectSessionBody =
  operations["createConnectSession"]["requestBody"]["content"]["application/json"];
export type ListConnectionsQuery = NonNullable<
  operations["listConnections"]["parameters"]["query"]
>;
export type ApiErrorBody = components["schemas"]["Error"];

export type { components, operations, paths } from "./schema.js";
