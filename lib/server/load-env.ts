import * as nextEnv from "@next/env";

// `next start` reads .env files before anything else; server.ts and the CLI start before Next
// does, so they read them first themselves (imported first, before any module reads process.env).
// @next/env is CommonJS: Node's ESM loader puts it under `default`, a CommonJS loader does not.
const { loadEnvConfig } = (nextEnv as { default?: typeof nextEnv }).default ?? nextEnv;
loadEnvConfig(process.cwd());
