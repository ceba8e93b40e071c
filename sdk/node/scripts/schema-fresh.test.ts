import fs from "node:fs";
import { expect, it } from "vitest";
import { SCHEMA_FILE, schemaSource } from "./schema-source";

it("the SDK's committed types are the ones the OpenAPI document gives (npm run sdk:types)", async () => {
  const committed = fs.readFileSync(SCHEMA_FILE, "utf8");
  expect(committed, "sdk/node/src/schema.ts is stale: run `npm run sdk:types`").toBe(
    await schemaSource(),
  );
});
