/** Where the e2e suite runs its servers: loopback only, on ports unlikely to be taken. */
const appPort = Number(process.env.E2E_APP_PORT ?? 3107);
const fakePort = Number(process.env.E2E_FAKE_PORT ?? 4017);
const hostPort = Number(process.env.E2E_HOST_PORT ?? 4027);

export const E2E = {
  dir: ".e2e",
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
