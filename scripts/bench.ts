/**
 * `npm run bench`: speed and memory, measured (not asserted), printed as one
 * table whose rows are all measured in the same run, side by side:
 *   - edit to diagnostics on 5,000-line TypeScript and Python files (incremental reparse and
 *     analysis, what the server does after a keystroke): p50 / p95 / max;
 *   - analysis vs the parse floor (the same parser, parsing only) on generated files and on the
 *     real packages of the `npm run realworld` cache (openai-node's `src`, the Debian python3-*
 *     packages), in one thread;
 *   - the CLI as a process (node start included), with `--jobs 1` and its default;
 *   - ESLint with typescript-eslint and two trivial rules, and ruff (its wasm build from npm,
 *     in-process: no native binary here), over the same files;
 *   - the workspace index's cost (scripts/bench-index.ts);
 *   - resident memory;
 *   - start-up: server start to first diagnostics on a TypeScript and a Python file, and the
 *     extension's activation (scripts/bench-server.ts, scripts/bench-activation.ts).
 * Rows that need what the machine lacks say so instead of a number.
 * `--startup`: the start-up rows only. `--server`: the server's memory rows only. `--edits`: the
 * edit-latency rows only.
 * `BENCH_BASELINE=<path to another dist/cli.js>` adds that CLI's times (a before/after table).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Engine } from "../server/src/core/engine";
import { createEngine } from "../server/src/node/engine";
import { activationRow, probeActivation } from "./bench-activation";
import { best, indexRows, sourceFiles, type SourceFile } from "./bench-index";
import { firstDiagnosticsRows, serverRows } from "./bench-server";
import { editFiles, generate, PY_BLOCK, TS_BLOCK, TS_HEADER as HEADER } from "./bench-edits";
import { PY_PLAIN, TS_PLAIN } from "./plain-code";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ROOT = join(__dirname, "..");
const CACHE = join(ROOT, ".cache", "realworld");
/** The first line of every generated TypeScript file. */

interface Row {
  work: string;
  value: string;
}
const rows: Row[] = [];
function row(work: string, value: string): void {
  rows.push({ work, value });
  process.stderr.write(`${work}: ${value}\n`);
}

/** The first folder of the realworld cache whose name starts with `prefix`, with `sub` in it. */
function cached(prefix: string, sub = ""): string | undefined {
  if (!existsSync(CACHE)) return undefined;
  const name = readdirSync(CACHE)
    .sort()
    .find((n) => n.startsWith(prefix) && existsSync(join(CACHE, n, sub)));
  return name ? join(CACHE, name, sub) : undefined;
}

const mb = (files: { text: string }[]): number =>
  files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1024 / 1024;
const ms = (x: number): string => `${x.toFixed(0)} ms`;

/** Wall time of a process, the fastest of `runs`. */
function processMs(runs: number, command: string, args: string[]): number | undefined {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const r = spawnSync(command, args, { cwd: ROOT, stdio: "ignore", timeout: 600_000 });
    if (r.error || (r.status !== 0 && r.status !== 1)) return undefined;
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** The edit-latency rows: a keystroke in the middle of each 5,000-line file, 40 times. */
function editRows(engine: Engine): void {
  for (const [name, text, lang] of editFiles()) {
    const edit: number[] = [];
    let previous = engine.parse({ text, languageId: lang }, undefined, { forEdits: true });
    engine.analyze(previous);
    for (let i = 0; i < 40; i++) {
      // A keystroke in the middle of the file: incremental reparse, then analysis (the server's path).
      const at = Math.floor(text.length / 2) + i;
      const edited = text.slice(0, at) + " " + text.slice(at);
      const start = performance.now();
      const parsed = engine.parse({ text: edited, languageId: lang }, previous);
      engine.analyze(parsed);
      edit.push(performance.now() - start);
      previous.tree.delete();
      previous = parsed;
    }
    previous.tree.delete();
    edit.sort((a, b) => a - b);
    row(
      `edit to diagnostics, 5,000-line ${name}`,
      `p50 ${percentile(edit, 50).toFixed(1)} ms, p95 ${percentile(edit, 95).toFixed(1)} ms, max ${edit.at(-1)!.toFixed(1)} ms`,
    );
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const engine = await createEngine();
  row("engine start (grammars + catalog)", ms(performance.now() - t0));

  const header = HEADER;
  editRows(engine);

  // Analysis vs the parse floor, one thread, in-process.
  const generated: SourceFile[] = [];
  for (let i = 0; i < 400; i++) {
    generated.push(
      i % 2
        ? { path: `g${i}.ts`, text: generate(TS_BLOCK, 200, "", TS_PLAIN, 4), languageId: "typescript" }
        : {
            path: `g${i}.py`,
            text: generate(PY_BLOCK, 200, "import time\n", PY_PLAIN, 4),
            languageId: "python",
          },
    );
  }
  const openaiNode = cached("npm-openai-", "package/src");
  const pythonPackages = existsSync(CACHE)
    ? readdirSync(CACHE)
        .filter((n) => n.startsWith("debian-python3-"))
        .sort()
        .flatMap((n) => sourceFiles(join(CACHE, n)))
    : [];
  const corpora: [string, SourceFile[]][] = [["400 generated files (half TS, half Python)", generated]];
  if (openaiNode)
    corpora.push([`openai-node \`src\` (${openaiNode.split("/").at(-3)})`, sourceFiles(openaiNode)]);
  else row("openai-node `src`", "not measured: run `npm run realworld` once to fetch it");
  if (pythonPackages.length > 0)
    corpora.push(["the Debian python3-* packages of the realworld cache", pythonPackages]);
  for (const [name, corpus] of corpora) {
    const parse = best(2, () => {
      for (const f of corpus) engine.parse(f).tree.delete();
    });
    const analyse = best(2, () => {
      for (const f of corpus) engine.analyze(f);
    });
    row(
      `${name}: ${corpus.length} files, ${mb(corpus).toFixed(2)} MB, analysis vs parse only`,
      `${(analyse / parse).toFixed(2)}x (analyse ${ms(analyse)}, parse ${ms(parse)}; ${(mb(corpus) / (analyse / 1000)).toFixed(2)} MB/s on one thread)`,
    );
  }

  // The CLI as a process, node start included.
  const cli = join(ROOT, "dist", "cli.js");
  const baseline = process.env.BENCH_BASELINE;
  if (openaiNode) {
    const size = mb(sourceFiles(openaiNode));
    const jobs = availableParallelism();
    for (const [label, script] of [
      ["", cli],
      ...(baseline ? [[" (baseline CLI)", baseline]] : []),
    ] as const) {
      // A baseline CLI may predate --jobs: it runs in one thread anyway.
      const one = processMs(2, process.execPath, [
        script,
        "lint",
        openaiNode,
        "--format",
        "json",
        ...(label ? [] : ["--jobs", "1"]),
      ]);
      const all = label
        ? undefined
        : processMs(2, process.execPath, [script, "lint", openaiNode, "--format", "json"]);
      row(
        `CLI over openai-node \`src\`${label}, node start included`,
        one === undefined
          ? "failed"
          : `--jobs 1: ${ms(one)} (${(size / (one / 1000)).toFixed(2)} MB/s)` +
              (all === undefined
                ? ""
                : `; default (--jobs ${jobs}): ${ms(all)} (${(size / (all / 1000)).toFixed(2)} MB/s)`),
      );
    }
    // ESLint 10 + typescript-eslint, two trivial rules, over the same files.
    const eslintBin = join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
    let parser: string | undefined;
    try {
      parser = require.resolve("@typescript-eslint/parser", { paths: [ROOT] });
    } catch {
      parser = undefined;
    }
    if (existsSync(eslintBin) && parser) {
      const dir = mkdtempSync(join(tmpdir(), "aei-bench-"));
      const config = join(dir, "eslint.config.mjs");
      writeFileSync(
        config,
        `import parser from ${JSON.stringify(parser)};\n` +
          `export default [{ files: ["**/*.ts", "**/*.mts", "**/*.js", "**/*.mjs"], languageOptions: { parser }, ` +
          `rules: { "no-debugger": "error", "no-empty": "error" } }];\n`,
      );
      const eslint = processMs(1, process.execPath, [
        eslintBin,
        "-c",
        config,
        "--no-warn-ignored",
        openaiNode,
      ]);
      const ours = processMs(1, process.execPath, [
        cli,
        "lint",
        openaiNode,
        "--format",
        "json",
        "--jobs",
        "1",
      ]);
      row(
        "ESLint + typescript-eslint (two trivial rules) over openai-node `src`, vs the CLI with --jobs 1",
        eslint === undefined || ours === undefined
          ? "failed"
          : `ESLint ${ms(eslint)}, CLI ${ms(ours)}: the CLI is ${(eslint / ours).toFixed(1)}x faster`,
      );
    } else row("ESLint + typescript-eslint", "not measured: not installed");
  }
  // ruff: the native binary if the machine has one, else the wasm build from npm.
  if (pythonPackages.length > 0) {
    const native = spawnSync("ruff", ["--version"], { stdio: "ignore" });
    if (!native.error) {
      const dirs = readdirSync(CACHE)
        .filter((n) => n.startsWith("debian-python3-"))
        .map((n) => join(CACHE, n));
      const ruff = processMs(1, "ruff", ["check", "--no-cache", "--select", "E,F,B", "--exit-zero", ...dirs]);
      const ours = processMs(1, process.execPath, [cli, "lint", ...dirs, "--format", "json"]);
      row(
        "ruff (native, --no-cache --select E,F,B) vs the CLI, Python packages",
        `ruff ${ms(ruff ?? NaN)}, CLI ${ms(ours ?? NaN)}`,
      );
    } else {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const ruff = require("@astral-sh/ruff-wasm-nodejs") as {
          Workspace: new (
            settings: unknown,
            positionEncoding?: unknown,
          ) => { check(text: string): unknown[] };
          PositionEncoding?: { Utf16: unknown };
        };
        const workspace = new ruff.Workspace(
          { lint: { select: ["E", "F", "B"] } },
          ruff.PositionEncoding?.Utf16,
        );
        const py = pythonPackages.filter((f) => f.languageId === "python");
        const ruffMs = best(2, () => {
          for (const f of py) workspace.check(f.text);
        });
        const oursMs = best(2, () => {
          for (const f of py) engine.analyze(f);
        });
        row(
          "ruff (wasm build @astral-sh/ruff-wasm-nodejs, select E,F,B; no native binary here) vs this analysis, in-process, one thread, Python packages",
          `ruff ${ms(ruffMs)}, analysis ${ms(oursMs)}: ${(oursMs / ruffMs).toFixed(1)}x ruff's time`,
        );
      } catch {
        row("ruff", "not measured: no native binary and @astral-sh/ruff-wasm-nodejs is not installed");
      }
    }
  }
  await indexRows(row, { cli, engine, ...(openaiNode ? { openaiNode } : {}) });
  row(
    "resident memory of this process after the runs above",
    `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
  );
  await workspaceRows(header);
  await startupRows(header);
  printTable();
}

function printTable(): void {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(`\nMachine: ${cpu}, ${availableParallelism()} cores, Node ${process.version}\n`);
  console.log("| work | measured |\n|---|---|");
  for (const r of rows) console.log(`| ${r.work} | ${r.value} |`);
}

/** The server's memory rows: 10,000 edits, and a 5,000-file workspace (one file in eight with HTTP retries, half TypeScript, half Python). */
async function workspaceRows(header: string): Promise<void> {
  await serverRows(
    row,
    join(ROOT, "dist", "cli.js"),
    (i) =>
      i % 2 === 0
        ? { name: `m${i}.ts`, text: header + (i % 16 === 0 ? TS_BLOCK(i) : TS_PLAIN(i)) }
        : {
            name: `m${i}.py`,
            text: "import random\nimport time\n" + (i % 16 === 1 ? PY_BLOCK(i) : PY_PLAIN(i)),
          },
    generate(TS_BLOCK, 200, header, TS_PLAIN, 8),
  );
}

/** Server start to first diagnostics (TypeScript and Python) and extension activation. */
async function startupRows(header: string): Promise<void> {
  await firstDiagnosticsRows(row, join(ROOT, "dist", "server.js"), [
    {
      label: "a 200-line TypeScript file",
      name: "orders.ts",
      languageId: "typescript",
      text: generate(TS_BLOCK, 200, header, TS_PLAIN, 8),
    },
    {
      label: "a 200-line Python file",
      name: "orders.py",
      languageId: "python",
      text: generate(PY_BLOCK, 200, "import random\nimport time\n", PY_PLAIN, 8),
    },
  ]);
  // Other editors start the server through the CLI.
  await firstDiagnosticsRows(row, join(ROOT, "dist", "cli.js"), [
    {
      label: "a 200-line TypeScript file",
      name: "orders.ts",
      languageId: "typescript",
      text: generate(TS_BLOCK, 200, header, TS_PLAIN, 8),
    },
  ]);
  activationRow(row, __filename, join(ROOT, "dist", "client.js"), ROOT);
}

/** `--startup`: only the start-up rows (server start to first diagnostics, activation). */
async function startupOnly(): Promise<void> {
  await startupRows(HEADER);
  printTable();
}

/** `--edits`: only the edit-latency rows. */
async function editsOnly(): Promise<void> {
  editRows(await createEngine());
  printTable();
}

/** `--server`: only the server's memory rows (10,000 edits, the 5,000-file workspace). */
async function serverOnly(): Promise<void> {
  await workspaceRows(HEADER);
  printTable();
}

if (process.argv[2] === "--activation-probe") probeActivation(process.argv[3]!, process.argv[4]!);
else if (process.argv.includes("--startup")) void startupOnly();
else if (process.argv.includes("--server")) void serverOnly();
else if (process.argv.includes("--edits")) void editsOnly();
else void main();
