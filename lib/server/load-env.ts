import nextEnv from "@next/env";

// `next start` reads .env files before anything else; server.ts and the CLI start before Next
// does, so they read them first themselves (imported first, before any module reads process.env).
// A default import: @next/env is CommonJS, whose names Node's ESM loader cannot always see.
nextEnv.loadEnvConfig(process.cwd());
