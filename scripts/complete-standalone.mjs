/**
 * Makes .next/standalone (`LATCH_STANDALONE=1 npm run build`, see next.config.mjs) the whole of
 * what the container image runs. Next traces its own server and the routes, but not a custom
 * server: server.ts's bundle, the CLI's and the packages they load are added here, with the
 * static files Next leaves for a CDN, and an entry point, server.mjs.
 *
 *   LATCH_STANDALONE=1 npm run build && node scripts/complete-standalone.mjs
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
// The tracer Next itself uses for the standalone output (@vercel/nft), as Next ships it.
const { nodeFileTrace } = require("next/dist/compiled/@vercel/nft");

const OUT = path.join(".next", "standalone");
const ENTRIES = [".next/latch-server.mjs", ".next/latch-cli.mjs"];
// Next traced its own server already; followed from server.ts, its dynamic requires would pull
// in the dev server and the bundlers (over 100 MB). (React is traced: Next copies only its
// production files, and Node then cannot see the named exports of react's index.js.)
const TRACED_BY_NEXT = ["node_modules/next/**"];
// next/image's image processing, traced with Next's server: Latch shows a tenant's logo from
// any host as a plain <img>, so nothing calls it (19 MB).
const UNUSED = ["node_modules/sharp", "node_modules/@img"];

if (!fs.existsSync(path.join(OUT, ".next"))) {
  console.error(`${OUT} is missing: run LATCH_STANDALONE=1 npm run build first.`);
  process.exit(1);
}

const { fileList } = await nodeFileTrace(ENTRIES, {
  base: process.cwd(),
  ignore: [...TRACED_BY_NEXT, ...UNUSED.map((dir) => `${dir}/**`)],
});
let added = 0;
for (const file of fileList) {
  const target = path.join(OUT, file);
  const source = fs.lstatSync(file);
  if (source.isDirectory() || fs.existsSync(target)) continue;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (source.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(file), target);
  else fs.copyFileSync(file, target);
  added++;
}

fs.cpSync(path.join(".next", "static"), path.join(OUT, ".next", "static"), { recursive: true });
fs.cpSync("public", path.join(OUT, "public"), { recursive: true });
for (const unused of UNUSED) fs.rmSync(path.join(OUT, unused), { recursive: true, force: true });
// Prisma ships every database's engine; Latch's generated clients load only the query compilers
// of SQLite and PostgreSQL (engineType "client"), never the query engines (about 45 MB).
const prismaRuntime = path.join(OUT, "node_modules", "@prisma", "client", "runtime");
for (const name of fs.existsSync(prismaRuntime) ? fs.readdirSync(prismaRuntime) : []) {
  const engine = /^query_(engine|compiler)_bg\.(\w+)\./.exec(name);
  if (engine && (engine[1] === "engine" || !["sqlite", "postgresql"].includes(engine[2]))) {
    fs.rmSync(path.join(prismaRuntime, name));
  }
}
// The entry point, in place of Next's minimal server.js (which would skip server.ts's hot routes
// and shutdown). Like that one, it hands Next the configuration the build resolved: loading
// next.config.mjs again needs parts of Next (webpack's hooks) the trace leaves out.
const { config } = JSON.parse(
  fs.readFileSync(path.join(".next", "required-server-files.json"), "utf8"),
);
fs.rmSync(path.join(OUT, "server.js"), { force: true });
fs.writeFileSync(
  path.join(OUT, "server.mjs"),
  `// Written by scripts/complete-standalone.mjs.
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= ${JSON.stringify(JSON.stringify(config))};
await import("./.next/latch-server.mjs");
`,
);
console.log(`Completed ${OUT}: ${added} files traced from ${ENTRIES.join(", ")}`);
