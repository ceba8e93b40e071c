/**
 * The container image, built and run here (shared/CONTAINERS.md): builds the Dockerfile with
 * podman on local stand-ins for its base images, starts it with a fresh named volume on /data,
 * connects through the form against the fake Atlassian, restarts it (stopping it while a connect
 * is in flight, which must still finish), and checks the connection and its cached access token
 * survived; it runs as non-root and its HEALTHCHECK passes. Prints size and build time.
 *
 *   npx tsx testing/image-test.ts          (root or sudo; .ci/run runs it)
 *
 * Host network and loopback ports: app 3407, fake Atlassian 4317 (IMAGE_TEST_PORT and
 * IMAGE_TEST_FAKE_PORT to move them). It removes its container, volume and image by name, and
 * keeps the stand-in bases and the build stage (BUILD_CACHE) for the next run.
 */
import { randomUUID } from "node:crypto";
import { submitConnectForm } from "../e2e/connect-over-http";
import { startFakeAtlassian } from "./fake-atlassian/server";
import {
  imageExists,
  imageSize,
  installContainerTools,
  podman,
  podmanAsync,
  ULIMITS,
} from "./image/podman";
import { ensureStandInBases, RUN_BASE } from "./image/stand-in-bases";

const NAME = "latch-image-test";
const IMAGE = `localhost/${NAME}:latest`;
const VOLUME = `${NAME}-data`;
const BUILD_CACHE = `localhost/${NAME}-build-cache:latest`;
// IMAGE_TEST_KEEP_IMAGE=1 leaves the image for a look around after the run.
const KEEP_IMAGE = process.env.IMAGE_TEST_KEEP_IMAGE === "1";
const PORT = Number(process.env.IMAGE_TEST_PORT ?? 3407);
const FAKE_PORT = Number(process.env.IMAGE_TEST_FAKE_PORT ?? 4317);
const APP = `http://127.0.0.1:${PORT}`;
const API_KEY = `latch_sk_${randomUUID().replaceAll("-", "")}`;
const MB = 1024 * 1024;
// README, Deploy: the online backup, with the slim image's tools (no sqlite3 there).
const BACKUP_COMMAND = "require('better-sqlite3')('/data/latch.db').backup('/data/backup.db')";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
  console.log(`✓ ${message}`);
}

/** The test's container and volume; the image too unless it is the build cache. */
function removeOurs({ image }: { image: boolean }) {
  podman(["rm", "--force", "--ignore", NAME], { allowFailure: true });
  podman(["volume", "rm", "--force", VOLUME], { allowFailure: true });
  if (image) podman(["rmi", "--force", IMAGE], { allowFailure: true });
}

/**
 * Builds the image. The build stage is tagged (BUILD_CACHE) and kept, like the stand-in bases,
 * so a rerun with the same dependencies and sources skips `npm ci` and `next build`; the cache
 * an earlier run left is removed once replaced, so runs do not pile up untagged layers.
 */
function buildImage(): number {
  const started = Date.now();
  const previousCache = imageId(BUILD_CACHE);
  const build = (args: string[]) =>
    podman(["build", "--format", "docker", "--network", "host", ...ULIMITS, ...args, "."], {
      showOutput: true,
    });
  build(["--target", "build", "--tag", BUILD_CACHE]);
  build(["--tag", IMAGE]);
  if (previousCache && previousCache !== imageId(BUILD_CACHE)) {
    podman(["rmi", previousCache], { allowFailure: true });
  }
  return Date.now() - started;
}

function imageId(name: string): string | undefined {
  return imageExists(name)
    ? podman(["image", "inspect", "--format", "{{.Id}}", name]).stdout
    : undefined;
}

/** Size, user and HEALTHCHECK, from the image's own metadata. */
function checkImage() {
  const total = imageSize(IMAGE);
  const added = total - imageSize(RUN_BASE);
  console.log(
    `Image size: ${(total / MB).toFixed(0)} MiB, ${(added / MB).toFixed(0)} MiB over ${RUN_BASE}`,
  );
  check(
    added < 200 * MB,
    `the image adds under 200 MB to the slim base (${(added / MB).toFixed(0)} MiB)`,
  );
  const inspect = (format: string) =>
    podman(["image", "inspect", "--format", format, IMAGE]).stdout;
  check(inspect("{{.Config.User}}") === "node", "the image runs as the node user");
  check(
    inspect("{{json .HealthCheck}}").includes("/api/health"),
    "the image has a HEALTHCHECK on /api/health",
  );
}

function startContainer() {
  podman([
    "run",
    "--detach",
    "--name",
    NAME,
    "--network",
    "host",
    ...ULIMITS,
    "--volume",
    `${VOLUME}:/data`,
    // Loopback only: the host's network is shared.
    ...["HOSTNAME=127.0.0.1", `PORT=${PORT}`, `PUBLIC_URL=${APP}`, `INITIAL_API_KEY=${API_KEY}`]
      .concat([`ATLASSIAN_AUTH_URL=http://127.0.0.1:${FAKE_PORT}`])
      .concat([`ATLASSIAN_API_URL=http://127.0.0.1:${FAKE_PORT}`])
      .flatMap((entry) => ["--env", entry]),
    IMAGE,
  ]);
}

async function waitHealthy(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${APP}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    const state = podman(["inspect", "--format", "{{.State.Status}}", NAME]).stdout;
    if (state === "exited") throw new Error(`The container exited:\n${logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No healthy answer within ${timeoutMs / 1000} s:\n${logs()}`);
}

const logs = () => podman(["logs", NAME], { allowFailure: true }).stdout;

async function api(path: string, init: RequestInit = {}) {
  const response = await fetch(`${APP}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function connectLink(endUserId: string): Promise<string> {
  const session = await api("/api/v1/connect-sessions", {
    method: "POST",
    body: JSON.stringify({ end_user: { id: endUserId } }),
  });
  if (session.status !== 201) throw new Error(`connect session: ${JSON.stringify(session)}`);
  return session.body.connect_url as string;
}

async function main() {
  const started = Date.now();
  installContainerTools();
  ensureStandInBases();
  removeOurs({ image: true });
  try {
    const buildMs = buildImage();
    console.log(`Image built in ${seconds(buildMs)}`);
    checkImage();
    await runContainer();
    console.log(
      `\nImage test passed in ${seconds(Date.now() - started)} (build ${seconds(buildMs)}).`,
    );
  } finally {
    removeOurs({ image: !KEEP_IMAGE });
  }
}

/** The container's life: first start, a connect, a stop during a connect, a restart. */
async function runContainer() {
  const fake = await startFakeAtlassian(FAKE_PORT);
  try {
    podman(["volume", "create", VOLUME]);
    startContainer();
    await waitHealthy();
    check(podman(["exec", NAME, "id", "-u"]).stdout !== "0", "the server runs as non-root");
    check(
      podman(["healthcheck", "run", NAME], { allowFailure: true }).status === 0,
      "podman healthcheck run passes",
    );
    const data = podman(["exec", NAME, "ls", "-l", "/data"]).stdout;
    check(
      ["latch.db", "encryption.key", "session.secret"].every((file) => data.includes(file)),
      "the database and the generated keys are in /data",
    );

    // A connect through the form, as an end user without JavaScript submits it.
    const credential = {
      clientId: `image-${randomUUID()}`,
      clientSecret: `secret-${randomUUID()}`,
    };
    await fetch(`${fake.url}/__fake/credentials`, {
      method: "POST",
      body: JSON.stringify({
        client_id: credential.clientId,
        client_secret: credential.clientSecret,
        sites: [{ id: randomUUID(), name: "Image", url: "https://image.atlassian.net" }],
      }),
    });
    const form = { subdomain: "", ...credential };
    check(
      (await submitConnectForm(await connectLink("image-user"), form)).connected,
      "a connect through the form succeeds",
    );
    const list = await api("/api/v1/connections?end_user_id=image-user");
    const connection = (list.body.data as { id: string }[])[0]!;
    const token = await api(`/api/v1/connections/${connection.id}/access-token`);
    check(token.status === 200, "the API hands out its access token");

    // The README's maintenance commands, as documented for `docker exec`.
    const rotated = podman(["exec", NAME, "npm", "run", "--silent", "latch", "--", "rotate-key"]);
    check(
      /Re-sealed 0 value\(s\)/.test(rotated.stdout),
      "npm run latch -- rotate-key runs in the container",
    );
    podman(["exec", NAME, "node", "-e", BACKUP_COMMAND]);
    check(
      podman(["exec", NAME, "ls", "/data"]).stdout.includes("backup.db"),
      "the README's online SQLite backup works in the container",
    );

    // Stopped while a connect waits on a slow Atlassian: the connect still finishes.
    const slow = { clientId: `slow-${randomUUID()}`, clientSecret: `secret-${randomUUID()}` };
    await fetch(`${fake.url}/__fake/credentials`, {
      method: "POST",
      body: JSON.stringify({
        client_id: slow.clientId,
        client_secret: slow.clientSecret,
        sites: [{ id: randomUUID(), name: "Slow", url: "https://slow.atlassian.net" }],
      }),
    });
    await fetch(`${fake.url}/__fake/faults`, {
      method: "POST",
      body: JSON.stringify({
        client_id: slow.clientId,
        fault: { endpoint: "token", mode: "stall", times: 1, stallMs: 3000 },
      }),
    });
    const inFlight = submitConnectForm(await connectLink("slow-user"), { subdomain: "", ...slow });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const stopStarted = Date.now();
    await podmanAsync(["stop", "--time", "10", NAME]);
    const stopMs = Date.now() - stopStarted;
    check(
      (await inFlight).connected,
      `podman stop let the in-flight connect finish (stopped in ${seconds(stopMs)})`,
    );
    const tokenRequests = fake.state.tokenRequests.length;
    const exitCode = podman(["inspect", "--format", "{{.State.ExitCode}}", NAME]).stdout;
    check(
      exitCode === "0" && stopMs < 9_000,
      `the server exited on its own, cleanly (exit ${exitCode}), before SIGKILL`,
    );

    podman(["start", NAME]);
    await waitHealthy();
    const again = await api(`/api/v1/connections/${connection.id}`);
    check(
      again.status === 200 && again.body.status === "healthy",
      "the connection survived the restart",
    );
    const tokenAgain = await api(`/api/v1/connections/${connection.id}/access-token`);
    check(
      tokenAgain.body.access_token === token.body.access_token &&
        fake.state.tokenRequests.length === tokenRequests,
      "its stored access token survived too (opened with the key kept in /data, no new exchange)",
    );
    const slowOne = await api("/api/v1/connections?end_user_id=slow-user");
    check(
      (slowOne.body.data as unknown[]).length === 1,
      "the connect finished during the stop was stored",
    );
  } catch (error) {
    console.error(`Container log:\n${logs()}`);
    throw error;
  } finally {
    await fake.close();
  }
}

main().catch((error: unknown) => {
  console.error(`\n✗ Image test failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
