// Bundles the extension tests (test/e2e/suite/*.ts) for the extension host:
// dist/e2e/suite/index.js (with mocha inside) and one *.test.js per test file
// (under dist/, so that lint, formatting and packaging leave them alone).
import * as esbuild from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const suite = join(here, "suite");
const outdir = join(here, "..", "..", "dist", "e2e", "suite");

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: readdirSync(suite)
    .filter((f) => f === "index.ts" || f.endsWith(".test.ts"))
    .map((f) => join(suite, f)),
  outdir,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  sourcemap: "inline",
  logLevel: "warning",
  // mocha's parallel mode (unused here) resolves worker files at run time.
  logOverride: { "require-resolve-not-external": "silent" },
});
