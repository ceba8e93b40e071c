import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asRoot, imageExists, podman } from "./podman";

/**
 * Local stand-ins for the Dockerfile's base images, which cannot be pulled here
 * (shared/CONTAINERS.md): Debian bookworm from debootstrap with this machine's Node in it, under
 * the exact names `FROM` uses, so the Dockerfile is built unchanged. Made once and kept by name:
 * a rerun reuses them (`podman rmi` them to rebuild).
 */
export const BUILD_BASE = "docker.io/library/node:20-bookworm";
export const RUN_BASE = "docker.io/library/node:20-bookworm-slim";
const STAND_IN_LABEL = "latch.stand-in";

const HOST_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
const PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

type StandIn = { name: string; packages: string[]; env: string[] };

const STAND_INS: StandIn[] = [
  {
    name: BUILD_BASE,
    // node-gyp compiles better-sqlite3 with these when no prebuilt binary fits.
    packages: ["ca-certificates", "python3", "make", "g++"],
    env: [
      // What the official image lets node-gyp download, and the CA registry access goes through.
      "npm_config_nodedir=/usr/local",
      `NODE_EXTRA_CA_CERTS=${HOST_CA_BUNDLE}`,
    ],
  },
  { name: RUN_BASE, packages: ["ca-certificates"], env: [] },
];

/** Builds whichever stand-in is missing; answers the names it built. */
export function ensureStandInBases(): string[] {
  const built: string[] = [];
  for (const standIn of STAND_INS) {
    if (imageExists(standIn.name)) {
      const label = podman([
        "image",
        "inspect",
        "--format",
        `{{index .Labels "${STAND_IN_LABEL}"}}`,
        standIn.name,
      ]);
      console.log(
        `Base ${standIn.name}: ${label.stdout === "true" ? "local stand-in" : "present"}`,
      );
      continue;
    }
    const started = Date.now();
    buildStandIn(standIn);
    console.log(
      `Base ${standIn.name}: stand-in built in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    built.push(standIn.name);
  }
  return built;
}

function buildStandIn({ name, packages, env }: StandIn) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "latch-stand-in-"));
  try {
    asRoot(
      [
        "debootstrap",
        "--variant=minbase",
        `--include=${packages.join(",")}`,
        "bookworm",
        root,
        debianMirror(),
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    copyHostNode(root);
    // The official images' unprivileged user.
    asRoot(["chroot", root, "groupadd", "--gid", "1000", "node"]);
    asRoot([
      "chroot",
      root,
      "useradd",
      "--uid",
      "1000",
      "--gid",
      "node",
      "--create-home",
      "--shell",
      "/bin/bash",
      "node",
    ]);
    asRoot(["cp", HOST_CA_BUNDLE, path.join(root, HOST_CA_BUNDLE)]);
    const changes = [PATH_ENV, ...env].flatMap((entry) => ["--change", `ENV ${entry}`]);
    const tar = spawnSync(
      "sh",
      [
        "-c",
        `tar -C "${root}" -c . | podman --runtime runc import ${[
          ...changes,
          "--change",
          `LABEL ${STAND_IN_LABEL}=true`,
          "--change",
          'CMD ["node"]',
        ]
          .map((arg) => `'${arg}'`)
          .join(" ")} - ${name}`,
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    if (tar.status !== 0) throw new Error(`importing the stand-in ${name} failed`);
  } finally {
    asRoot(["rm", "-rf", root]);
  }
}

/** This machine's Node and npm, where the official images have theirs, with Node's headers. */
function copyHostNode(root: string) {
  const local = path.join(root, "usr", "local");
  const npmDir = path.resolve(path.dirname(fs.realpathSync(hostBinary("npm"))), "..");
  asRoot(["mkdir", "-p", `${local}/bin`, `${local}/lib/node_modules`, `${local}/include`]);
  asRoot(["cp", process.execPath, `${local}/bin/node`]);
  asRoot(["cp", "-a", npmDir, `${local}/lib/node_modules/npm`]);
  asRoot(["ln", "-s", "../lib/node_modules/npm/bin/npm-cli.js", `${local}/bin/npm`]);
  asRoot(["ln", "-s", "../lib/node_modules/npm/bin/npx-cli.js", `${local}/bin/npx`]);
  if (fs.existsSync("/usr/include/node"))
    asRoot(["cp", "-a", "/usr/include/node", `${local}/include/node`]);
}

function hostBinary(name: string): string {
  return spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
}

/** The Debian mirror apt already uses here (deb822 sources first, then sources.list). */
function debianMirror(): string {
  for (const [file, pattern] of [
    ["/etc/apt/sources.list.d/debian.sources", /^URIs:\s*(\S+)/m],
    ["/etc/apt/sources.list", /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+bookworm\s/m],
  ] as const) {
    const match = fs.existsSync(file) && pattern.exec(fs.readFileSync(file, "utf8"));
    if (match) return match[1]!;
  }
  return "http://deb.debian.org/debian";
}
