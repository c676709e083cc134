/**
 * The Node edge of the core: loads the grammar files from disk and creates the
 * engine. Used by the CLI and the language server (never by the core itself).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Engine } from "../core/engine";
import type { GrammarBytes } from "../core/parse/parser";

/**
 * Where a grammar file is: `wasm/` next to the bundle (dist/), or, when run
 * from source (tests), dist/wasm or the npm packages of the project root.
 */
function grammarPath(file: string): string {
  const root = join(__dirname, "..", "..", "..");
  const candidates = [
    join(__dirname, "wasm", file),
    join(root, "dist", "wasm", file),
    file === "web-tree-sitter.wasm"
      ? join(root, "node_modules", "web-tree-sitter", file)
      : join(root, "node_modules", "@vscode", "tree-sitter-wasm", "wasm", file),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`grammar file ${file} not found (looked in ${candidates.join(", ")})`);
  return found;
}

/** The runtime's bytes now, each grammar's when the engine first needs it. */
export function loadGrammarBytes(): GrammarBytes {
  const read = (file: string): Uint8Array => new Uint8Array(readFileSync(grammarPath(file)));
  return {
    runtime: read("web-tree-sitter.wasm"),
    grammar: (name) => read(`tree-sitter-${name}.wasm`),
  };
}

let shared: Promise<Engine> | undefined;

/** One engine per process: the grammars are loaded once. */
export function createEngine(): Promise<Engine> {
  shared ??= Engine.create(loadGrammarBytes());
  return shared;
}

/** The time one file's analysis may take, in the CLI and in the server alike. */
export const ANALYSIS_BUDGET_MS = 5_000;

/** An `outOfBudget` check for one analysis that starts now. */
export function analysisBudget(now: () => number = () => performance.now()): () => boolean {
  const deadline = now() + ANALYSIS_BUDGET_MS;
  return () => now() > deadline;
}
