/**
 * The bench rows of the workspace index (cross-file analysis), beside the others of `npm run
 * bench`: what it costs `lint` (the CLI as a process over openai-node's `src`, with and without
 * `--no-cross-file`), what its summaries cost in one thread (analysis with and without them, the
 * index's joins), and the memory of the index of a 5,000-file workspace (its summaries as JSON,
 * and the heap they hold). `node dist/bench-index.js` prints these rows alone.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { Engine } from "../server/src/core/engine";
import type { ModuleSummary } from "../server/src/core/index/types";
import { languageIdForPath, type LanguageId } from "../server/src/core/types";
import { createEngine } from "../server/src/node/engine";
import { createResolver } from "../server/src/node/resolve";
import { WorkspaceIndex } from "../server/src/node/workspace-index";

type Row = (work: string, value: string) => void;

export interface SourceFile {
  path: string;
  text: string;
  languageId: LanguageId;
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;
const pct = (more: number, base: number): string =>
  `${more >= base ? "+" : ""}${((more / base - 1) * 100).toFixed(1)} %`;

/** The TS/JS/Python files under `dir` (node_modules and files over 2 MB left out), in a stable order. */
export function sourceFiles(dir: string, out: SourceFile[] = []): SourceFile[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      if (name !== "node_modules") sourceFiles(path, out);
      continue;
    }
    const languageId = languageIdForPath(path);
    if (languageId && stat.size < 2_000_000) out.push({ path, text: readFileSync(path, "utf8"), languageId });
  }
  return out;
}

/** The fastest of `runs` timings of `work`. */
export function best(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

function processMs(runs: number, args: string[]): number | undefined {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: "ignore" });
    if (run.status !== 0 && run.status !== 1) return undefined;
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** A generated project of `count` files: one retry helper, callers of it, and plain modules. */
function generatedProject(count: number): SourceFile[] {
  const helper = `export async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fn();
    } catch (err) {
      await new Promise((r) => setTimeout(r, 2 ** attempt * 100 + Math.random() * 100));
    }
  }
  throw new Error("unavailable");
}
`;
  const files: SourceFile[] = [{ path: "/bench/src/lib/retry.ts", text: helper, languageId: "typescript" }];
  for (let i = 1; i < count; i++) {
    const text =
      i % 4 === 0
        ? `import { withRetry } from "./lib/retry";\nimport { util${i - 1} } from "./m${i - 1}";\n\nexport function send${i}(body: string) {\n  return withRetry(() => fetch("https://api.example.com/items/${i}", { method: "PUT", body }));\n}\n`
        : `import { readFile } from "node:fs/promises";\n\nexport function util${i}(x: number): number {\n  return [x, ${i}].reduce((a, b) => a + b, 0);\n}\n\nexport async function load${i}(p: string) {\n  return JSON.parse(await readFile(p, "utf8"));\n}\n`;
    files.push({ path: `/bench/src/m${i}.ts`, text, languageId: "typescript" });
  }
  return files;
}

/** Heap in use after a full collection, when node runs with --expose-gc (else as it is). */
function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export async function indexRows(
  row: Row,
  options: { cli: string; engine?: Engine; openaiNode?: string },
): Promise<void> {
  const engine = options.engine ?? (await createEngine());
  // The CLI as a process: lint with the index (the default) and without it.
  if (options.openaiNode) {
    const dir = options.openaiNode;
    const base = ["lint", dir, "--format", "json", "--jobs", "1", "--no-config"];
    const without = processMs(2, [options.cli, ...base, "--no-cross-file"]);
    const withIndex = processMs(2, [options.cli, ...base]);
    row(
      "workspace index: CLI over openai-node `src`, --jobs 1, with the index vs --no-cross-file",
      without === undefined || withIndex === undefined
        ? "failed"
        : `${ms(withIndex)} vs ${ms(without)} (${pct(withIndex, without)})`,
    );
    // In one thread: the summaries the first pass adds to the analysis.
    const corpus = sourceFiles(dir);
    const plain = best(2, () => {
      for (const f of corpus) engine.analyze(f);
    });
    const summarised = best(2, () => {
      for (const f of corpus) engine.analyze(f, undefined, { summarize: true });
    });
    row(
      `workspace index: summaries of openai-node \`src\` (${corpus.length} files), in one thread`,
      `analysis with summaries ${ms(summarised)} vs without ${ms(plain)} (${pct(summarised, plain)})`,
    );
  } else
    row("workspace index over openai-node `src`", "not measured: run `npm run realworld` once to fetch it");

  // A 5,000-file workspace: the summaries' size and heap, and the index's joins.
  const project = generatedProject(5000);
  const before = heapMiB();
  const summaries: [string, ModuleSummary][] = [];
  const summarising = performance.now();
  for (const f of project) summaries.push([f.path, engine.summarize(f)]);
  const summaryMs = performance.now() - summarising;
  const bytes = summaries.reduce((n, [, s]) => n + Buffer.byteLength(JSON.stringify(s)), 0);
  const byPath = new Map(summaries);
  const files = new Map(project.map((f) => [f.path, f]));
  const resolver = createResolver();
  const index = new WorkspaceIndex(
    {
      // The generated files are not on disk: resolve relative imports among them.
      resolve: (from, specifier) => {
        if (!specifier.startsWith(".")) return undefined;
        const path = resolve(from, "..", specifier) + ".ts";
        return files.has(path) ? path : resolver.resolve(from, specifier, false);
      },
      root: (file) => resolver.root(file),
      forget: () => resolver.forget(),
    },
    (file) => byPath.get(file),
  );
  for (const [path, s] of summaries) index.set(path, s);
  const joining = performance.now();
  let inputs = 0;
  for (const f of project) if (index.inputFor(f.path)) inputs++;
  const joinMs = performance.now() - joining;
  const held = heapMiB() - before;
  row(
    "workspace index of a generated 5,000-file TypeScript workspace (one helper, 1,250 callers)",
    `summaries ${(bytes / 1024 / 1024).toFixed(2)} MB as JSON, heap ${held >= 0 ? "+" : ""}${held.toFixed(1)} MB after a full collection; ` +
      `summarising ${ms(summaryMs)} (parse included), joins ${ms(joinMs)} for ${inputs} files with input`,
  );
}

// Bundled into dist/bench.js, every module is the main one: run standalone only when this file is the entry.
if (require.main === module && /bench-index\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  const root = join(__dirname, "..");
  const cache = join(root, ".cache", "realworld");
  let openaiNode: string | undefined;
  try {
    const name = readdirSync(cache)
      .sort()
      .find((n) => n.startsWith("npm-openai-") && statSync(join(cache, n, "package", "src")).isDirectory());
    openaiNode = name ? join(cache, name, "package", "src") : undefined;
  } catch {
    openaiNode = undefined;
  }
  void indexRows((work, value) => console.log(`| ${work} | ${value} |`), {
    cli: join(root, "dist", "cli.js"),
    ...(openaiNode ? { openaiNode } : {}),
  });
}
