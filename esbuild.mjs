// Builds three bundles: dist/client.js (VS Code extension, `vscode` external),
// dist/server.js (the language server) and dist/cli.js (the command line), and
// copies the tree-sitter grammars next to them.
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/** Prints errors in the shape of VS Code's $esbuild-watch problem matcher. */
const problemMatcher = {
  name: "problem-matcher",
  setup(build) {
    build.onStart(() => console.log("[watch] build started"));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log("[watch] build finished");
    });
  },
};

function copyGrammars() {
  const out = "dist/wasm";
  mkdirSync(out, { recursive: true });
  const grammars = dirname(require.resolve("@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm"));
  for (const name of ["javascript", "typescript", "tsx", "python"]) {
    copyFileSync(join(grammars, `tree-sitter-${name}.wasm`), join(out, `tree-sitter-${name}.wasm`));
  }
  const runtime = join(dirname(require.resolve("web-tree-sitter")), "web-tree-sitter.wasm");
  copyFileSync(runtime, join(out, "web-tree-sitter.wasm"));
}

const { version } = JSON.parse((await import("node:fs")).readFileSync("package.json", "utf8"));

/** web-tree-sitter's ESM build reads import.meta.url, which a CJS bundle lacks: bundle its CJS build. */
const treeSitterCjs = {
  name: "web-tree-sitter-cjs",
  setup(build) {
    const cjs = join(dirname(require.resolve("web-tree-sitter")), "web-tree-sitter.cjs");
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: cjs }));
  },
};

const common = {
  define: { __VERSION__: JSON.stringify(version) },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: "warning",
  plugins: watch ? [treeSitterCjs, problemMatcher] : [treeSitterCjs],
};

const entries = [
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client.js", external: ["vscode"] },
  { entryPoints: ["server/src/server-main.ts"], outfile: "dist/server.js" },
  { entryPoints: ["server/src/cli.ts"], outfile: "dist/cli.js" },
  // The bench loads ruff's wasm build (a dev dependency) from node_modules at run time.
  { entryPoints: ["scripts/bench.ts"], outfile: "dist/bench.js", external: ["@astral-sh/ruff-wasm-nodejs"] },
  { entryPoints: ["scripts/bench-index.ts"], outfile: "dist/bench-index.js" },
  { entryPoints: ["scripts/report-speed.ts"], outfile: "dist/report-speed.js" },
  { entryPoints: ["scripts/profile-stages.ts"], outfile: "dist/profile-stages.js" },
];

copyGrammars();
const existing = (await import("node:fs")).existsSync;
const contexts = await Promise.all(
  entries.filter((e) => existing(e.entryPoints[0])).map((e) => esbuild.context({ ...common, ...e })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
