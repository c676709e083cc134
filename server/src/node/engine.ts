/**
 * The Node edge of the core: loads the grammar files from disk and creates the
 * engine. Used by the CLI and the language server (never by the core itself).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Engine } from "../core/engine";
import type { GrammarBytes } from "../core/parse/parser";

/** Where the grammars are: `dist/wasm` next to the bundle, or node_modules when run from source. */
function grammarPath(file: string): string {
  const bundled = join(__dirname, "wasm", file);
  if (existsSync(bundled)) return bundled;
  const fromRoot = join(__dirname, "..", "..", "..", "dist", "wasm", file);
  if (existsSync(fromRoot)) return fromRoot;
  if (file === "web-tree-sitter.wasm") return require.resolve("web-tree-sitter/web-tree-sitter.wasm");
  return require.resolve(`@vscode/tree-sitter-wasm/wasm/${file}`);
}

export function loadGrammarBytes(): GrammarBytes {
  const read = (file: string): Uint8Array => new Uint8Array(readFileSync(grammarPath(file)));
  return {
    runtime: read("web-tree-sitter.wasm"),
    javascript: read("tree-sitter-javascript.wasm"),
    typescript: read("tree-sitter-typescript.wasm"),
    tsx: read("tree-sitter-tsx.wasm"),
    python: read("tree-sitter-python.wasm"),
  };
}

let shared: Promise<Engine> | undefined;

/** One engine per process: the grammars are loaded once. */
export function createEngine(): Promise<Engine> {
  shared ??= Engine.create(loadGrammarBytes());
  return shared;
}
