import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const SDK_DIR = path.join(ROOT, "sdk", "node");
const CONSUMER_DIR = path.join(__dirname, "sdk-consumer");

export type SdkAnswer<T = unknown> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: {
        name: string;
        status: number;
        code: string;
        message: string;
        retryAfter: number | null;
        requestId: string | null;
      };
    };

/**
 * A scratch project under the temp directory with the packed @latch/node installed from its
 * tarball, offline: the package has no dependencies, so npm needs nothing but the tarball.
 */
export async function packAndInstallSdk() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latch-sdk-"));
  const started = performance.now();
  // `npm pack` runs the package's prepack (the TypeScript build) first.
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", dir], {
    cwd: SDK_DIR,
  });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error("npm pack printed no package");
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "sdk-consumer", private: true, type: "module" }),
  );
  await run(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", path.join(dir, packed.filename)],
    { cwd: dir },
  );
  for (const file of ["call.mjs", "typed.ts"]) {
    fs.copyFileSync(path.join(CONSUMER_DIR, file), path.join(dir, file));
  }
  const timings = { packAndInstallMs: Math.round(performance.now() - started) };

  return {
    dir,
    files: packed.files.map((file) => file.path),
    timings,
    /** Runs one SDK call in the scratch project, as a tenant's backend would. */
    async call<T>(step: string, args: unknown[], env: Record<string, string> = {}) {
      const { stdout } = await run("node", ["call.mjs", step, JSON.stringify(args)], {
        cwd: dir,
        env: { ...process.env, ...env },
      });
      return JSON.parse(stdout) as SdkAnswer<T>;
    },
    /** Compiles typed.ts against the installed declarations with the repository's tsc. */
    async typecheck() {
      fs.writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            target: "ES2022",
            module: "NodeNext",
            moduleResolution: "NodeNext",
            strict: true,
            noEmit: true,
            types: ["node"],
            typeRoots: [path.join(ROOT, "node_modules", "@types")],
          },
          files: ["typed.ts"],
        }),
      );
      const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
      await run("node", [tsc, "-p", dir], { cwd: dir });
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export type SdkProject = Awaited<ReturnType<typeof packAndInstallSdk>>;
