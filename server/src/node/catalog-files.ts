/**
 * The Node edge of the catalog: reads user catalogs and OpenAPI documents from
 * disk and layers them over the built-in catalog. Nothing here throws for a
 * missing or broken file; it becomes a problem and the rest keeps working.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { Catalog, importOpenApi, parseUserCatalog } from "../core/catalog/index";
import type { CatalogLayer, CatalogProblem, LayerResult } from "../core/catalog/index";
import { MAX_CATALOG_BYTES, readTextFile } from "./files";

/** What `loadCatalogFiles` found. */
export interface LoadedCatalogs {
  /** The built-in catalog with every readable layer over it. */
  catalog: Catalog;
  problems: CatalogProblem[];
  /** Absolute paths of the files read (catalogs and OpenAPI documents). */
  files: string[];
}

const SKIPPED_DIRS = new Set(["node_modules", ".git", ".hg", ".svn"]);
const MAX_SCAN_DEPTH = 8;
const MAX_SCANNED_ENTRIES = 20_000;

/**
 * Reads the catalogs at `paths` (relative to `baseDir`). A path is a file (a
 * user catalog JSON or an OpenAPI document) or a directory scanned for
 * `*.api-errors.json` and `openapi*.{yaml,yml,json}`. Later paths win.
 */
export function loadCatalogFiles(
  paths: string[],
  baseDir: string,
  base: Catalog = Catalog.builtin(),
): LoadedCatalogs {
  const problems: CatalogProblem[] = [];
  const files: string[] = [];
  for (const p of paths) {
    const full = resolve(baseDir, p);
    const kind = fileKind(full);
    if (kind === "missing")
      problems.push({ path: full, message: `Catalog not found: ${p}`, start: 0, end: 0 });
    else if (kind === "dir") files.push(...scanCatalogDir(full));
    else files.push(full);
  }
  const layers: CatalogLayer[] = [];
  for (const file of unique(files)) {
    const result = readLayer(file);
    problems.push(...result.problems);
    if (result.layer) layers.push(result.layer);
  }
  return { catalog: base.withLayers(layers), problems, files: unique(files) };
}

/** Catalogs nested deeper than this (brackets in JSON or YAML flow style) are refused: no real catalog comes close. */
export const MAX_CATALOG_DEPTH = 256;

function tooDeep(file: string, offset: number): CatalogProblem {
  return {
    path: file,
    message: `The catalog is nested too deeply (more than ${MAX_CATALOG_DEPTH} levels); it was not loaded.`,
    start: offset,
    end: offset,
  };
}

/**
 * The deepest bracket nesting of a JSON or YAML text, counted without
 * recursion (strings and YAML comments skipped), with the offset where it is
 * first exceeded.
 */
function bracketDepth(text: string): { max: number; offset: number } {
  let depth = 0;
  let max = 0;
  let offset = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      // "..." with backslash escapes; '...' (YAML) with '' escapes.
      const quote = c;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (quote === 0x22 && d === 0x5c) i++;
        else if (d === quote) break;
      }
    } else if (c === 0x23 && (i === 0 || /\s/.test(text[i - 1]!))) {
      // A YAML comment runs to the end of the line.
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) {
        max = depth;
        if (max === MAX_CATALOG_DEPTH + 1) offset = i;
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return { max, offset };
}

/** Reads one file as a user catalog or an OpenAPI document (by name and content). */
export function readLayer(file: string): LayerResult {
  const read = readTextFile(file, { maxBytes: MAX_CATALOG_BYTES });
  if (!read.ok) {
    const message =
      read.kind === "too-large"
        ? `File too large to load as a catalog (over ${MAX_CATALOG_BYTES / 1_000_000} MB).`
        : `Cannot read the catalog: ${file} ${read.message}`;
    return { problems: [{ path: file, message, start: 0, end: 0 }] };
  }
  const text = read.text;
  const depth = bracketDepth(text);
  if (depth.max > MAX_CATALOG_DEPTH) return { problems: [tooDeep(file, depth.offset)] };
  try {
    return isOpenApiFile(file, text) ? importOpenApi(text, file) : parseUserCatalog(text, file);
  } catch (error) {
    // Nesting the bracket count cannot see (YAML indentation) can still overflow a parser's stack.
    if (error instanceof RangeError) return { problems: [tooDeep(file, 0)] };
    throw error;
  }
}

/**
 * Finds the OpenAPI 3 documents of a workspace: `openapi.{yaml,yml,json}`
 * anywhere, and YAML/JSON files whose first kilobyte declares `openapi: 3`.
 * Skips node_modules and VCS folders.
 */
export function findOpenApiDocuments(root: string): string[] {
  const out: string[] = [];
  walk(root, (file, name) => {
    if (!/\.(ya?ml|json)$/i.test(name)) return;
    if (/^openapi\.(ya?ml|json)$/i.test(name) || declaresOpenApi3(head(file))) out.push(file);
  });
  return out.sort();
}

function scanCatalogDir(dir: string): string[] {
  const out: string[] = [];
  walk(dir, (file, name) => {
    if (/\.api-errors\.json$/i.test(name) || /^openapi.*\.(ya?ml|json)$/i.test(name)) out.push(file);
    else if (/\.(ya?ml|json)$/i.test(name) && declaresOpenApi3(head(file))) out.push(file);
  });
  return out.sort();
}

function isOpenApiFile(file: string, text: string): boolean {
  if (/\.ya?ml$/i.test(file)) return true;
  if (/\.api-errors\.json$/i.test(file)) return false;
  return /^openapi/i.test(basename(file)) || declaresOpenApi(text.slice(0, 1024));
}

/** Whether the start of a file has a top-level `openapi` field (any version). */
function declaresOpenApi(start: string): boolean {
  return /^\s*\{?\s*"?openapi"?\s*:/m.test(start);
}

/** Whether the start of a file declares `openapi: 3.x`. */
function declaresOpenApi3(start: string): boolean {
  return /^openapi\s*:\s*["']?3(\.|["'\s]|$)/m.test(start) || /"openapi"\s*:\s*"3(\.|")/.test(start);
}

function walk(root: string, visit: (file: string, name: string) => void): void {
  let budget = MAX_SCANNED_ENTRIES;
  const visitDir = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (--budget < 0) return;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && depth < MAX_SCAN_DEPTH) visitDir(full, depth + 1);
      } else if (entry.isFile()) {
        visit(full, entry.name);
      }
    }
  };
  visitDir(root, 0);
}

function head(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return "";
    const buf = Buffer.alloc(1024);
    const n = readSync(fd, buf, 0, 1024, 0);
    return buf.subarray(0, n).toString("utf8");
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function fileKind(path: string): "file" | "dir" | "missing" {
  try {
    const s = statSync(path);
    return s.isDirectory() ? "dir" : "file";
  } catch {
    return "missing";
  }
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
