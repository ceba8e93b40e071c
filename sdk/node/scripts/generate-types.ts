/** `npm run sdk:types`: writes sdk/node/src/schema.ts from the app's OpenAPI document. */
import fs from "node:fs";
import { SCHEMA_FILE, schemaSource } from "./schema-source";

fs.writeFileSync(SCHEMA_FILE, await schemaSource());
console.log(`Wrote ${SCHEMA_FILE.pathname}`);
