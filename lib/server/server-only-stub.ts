// Stands in for the `server-only` package where the importer is known to run on the server
// only: unit tests (vitest.config.ts) and the production server bundle (package.json build).
export {};
