import { execFile, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { promisify } from "node:util";

/**
 * Podman as these machines run it (shared/CONTAINERS.md): the runc runtime (crun fails on the
 * cgroup set-up), and lower rlimits for every container (raising one is refused).
 */
const RUNTIME = ["--runtime", "runc"];
export const ULIMITS = ["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4000:4000"];

/** Runs `podman …`; throws with its output unless it exits 0 (or `allowFailure`). */
export function podman(
  args: string[],
  options: SpawnSyncOptions & { allowFailure?: boolean; showOutput?: boolean } = {},
): { status: number; stdout: string; stderr: string } {
  const result = spawnSync("podman", [...RUNTIME, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: options.showOutput ? ["ignore", "inherit", "inherit"] : "pipe",
    ...options,
  });
  const outcome = {
    status: result.status ?? 1,
    stdout: String(result.stdout ?? "").trim(),
    stderr: String(result.stderr ?? "").trim(),
  };
  if (outcome.status !== 0 && !options.allowFailure) {
    throw new Error(`podman ${args.join(" ")} failed (${outcome.status}):\n${outcome.stderr}`);
  }
  return outcome;
}

/**
 * `podman …` without blocking this process: for a command that waits on a server whose upstream
 * (the fake Atlassian, in this process) must keep answering meanwhile.
 */
export async function podmanAsync(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)("podman", [...RUNTIME, ...args], {
    encoding: "utf8",
  });
  return stdout.trim();
}

export function imageExists(name: string): boolean {
  return podman(["image", "exists", name], { allowFailure: true }).status === 0;
}

/** The image's size in bytes, as `podman images` counts it (every layer, the base's included). */
export function imageSize(name: string): number {
  return Number(podman(["image", "inspect", "--format", "{{.Size}}", name]).stdout);
}

export function asRoot(command: string[], options: SpawnSyncOptions = {}) {
  const argv = process.getuid?.() === 0 ? command : ["sudo", ...command];
  const result = spawnSync(argv[0]!, argv.slice(1), { stdio: "inherit", ...options });
  if (result.status !== 0) throw new Error(`${argv.join(" ")} failed (${result.status})`);
}

/** podman, runc and debootstrap from Debian's packages when any is missing, as .ci/run does. */
export function installContainerTools() {
  const missing = ["podman", "runc", "debootstrap"].filter(
    (tool) => spawnSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" }).status !== 0,
  );
  if (!missing.length) return;
  console.log(`Installing ${missing.join(", ")}`);
  asRoot(["apt-get", "update", "-qq"]);
  asRoot(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", ...missing]);
}
