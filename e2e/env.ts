/** Where the e2e suite runs its servers: loopback only, on ports unlikely to be taken. */
const appPort = Number(process.env.E2E_APP_PORT ?? 3107);
const fakePort = Number(process.env.E2E_FAKE_PORT ?? 4017);
const hostPort = Number(process.env.E2E_HOST_PORT ?? 4027);

/**
 * With LATCH_TEST_POSTGRES_URL set (a URL to any database on the server), the app runs on a
 * database of its own there, recreated for each run by e2e/reset-database.ts.
 */
function e2ePostgresUrl(): string | undefined {
  const server = process.env.LATCH_TEST_POSTGRES_URL;
  if (!server) return undefined;
  const url = new URL(server);
  url.pathname = `/latch_e2e_${appPort}`;
  return url.toString();
}

const postgresUrl = e2ePostgresUrl();

export const E2E = {
  dir: ".e2e",
  postgresUrl,
  databaseUrl: postgresUrl ?? "file:.e2e/latch.db",
  appPort,
  fakePort,
  appUrl: `http://127.0.0.1:${appPort}`,
  fakeUrl: `http://127.0.0.1:${fakePort}`,
  hostPort,
  /** A tenant's app embedding Latch, on another loopback address: a different origin. */
  hostUrl: `http://127.0.0.2:${hostPort}`,
  /** Another site, never allowed to embed. */
  foreignHostUrl: `http://127.0.0.3:${hostPort}`,
  apiKey: "latch_sk_e2e_0123456789abcdefghijklmnopqrstuv",
};

/** The app's environment in the suite (the maintenance CLI, run by a test, needs the same). */
export const E2E_APP_ENV: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(E2E.appPort),
  DATABASE_URL: E2E.databaseUrl,
  // PostgreSQL needs both secrets given; SQLite runs as a first start does, generating them.
  ...(E2E.postgresUrl && {
    ENCRYPTION_KEY: "ZTJlLWVuY3J5cHRpb24ta2V5LTMyLWJ5dGVzLWxvbmc=",
    SESSION_SECRET: "e2e-session-secret-of-at-least-32-characters",
  }),
  PUBLIC_URL: E2E.appUrl,
  ATLASSIAN_AUTH_URL: E2E.fakeUrl,
  ATLASSIAN_API_URL: E2E.fakeUrl,
  INITIAL_WORKSPACE_NAME: "Acme Tools",
  INITIAL_API_KEY: E2E.apiKey,
};
