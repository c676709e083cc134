/**
 * Finds the files `lint` analyses: walks directories, skips dependency and
 * build folders and whatever the .gitignore files on the way list. Symbolic
 * links are followed once: a link back into a folder already walked, a broken
 * link and anything that is not a regular file are reported, never skipped
 * silently.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { languageIdForPath } from "../core/types";

/** Folders never walked into: dependencies, VCS data, build output, caches, virtual environments. */
const SKIPPED_DIRS = new Set([
  "node_modules",
  ".git",
  ".hg",
  ".svn",
  "dist",
  "build",
  "out",
  "coverage",
  ".next",
  ".nuxt",
  ".turbo",
  ".cache",
  "__pycache__",
  ".venv",
  "venv",
  ".tox",
  ".mypy_cache",
  ".pytest_cache",
  "site-packages",
]);

/** A path found on the way that is not linted, and why. */
export interface FileProblem {
  path: string;
  message: string;
  /** True when the file should have been linted and could not be (exit status 2); false for a notice. */
  failed: boolean;
}

export interface FileList {
  files: string[];
  /** Paths given on the command line that do not exist. */
  missing: string[];
  /** Paths given on the command line under which no file to lint was found. */
  empty: string[];
  problems: FileProblem[];
}

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

interface Walk {
  files: Map<string, string>;
  problems: FileProblem[];
  /** Real paths of the folders walked so far: a link back to one of them is not followed again. */
  visited: Set<string>;
  /** Files and folders matched so far, counting those reached twice (so a path named twice still matches). */
  matched: number;
}

export function collectFiles(paths: string[]): FileList {
  const state: Walk = { files: new Map(), problems: [], visited: new Set(), matched: 0 };
  const missing: string[] = [];
  const empty: string[] = [];
  for (const given of paths) {
    const abs = resolve(given);
    const before = state.matched + state.problems.length;
    let stat: Stats;
    try {
      stat = statSync(abs);
    } catch {
      if (isSymbolicLink(abs))
        state.problems.push({ path: abs, message: "is a broken symbolic link", failed: true });
      else missing.push(given);
      continue;
    }
    if (stat.isDirectory()) {
      walk(abs, gitignoreScopesAbove(abs), state);
    } else if (stat.isFile() && !languageIdForPath(abs)) {
      empty.push(given);
      continue;
    } else {
      // A file named explicitly is linted even if it is ignored. A pipe or a device is listed
      // too, so that lint reports that it is not read.
      addFile(abs, state);
    }
    if (state.matched + state.problems.length === before) empty.push(given);
  }
  const files = [...state.files.values()].sort();
  return { files, missing, empty, problems: state.problems };
}

/** Adds a file to lint, once: the same file reached twice (through a link) keeps the first path. */
function addFile(path: string, state: Walk): void {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    real = path;
  }
  if (!state.files.has(real)) state.files.set(real, path);
  state.matched++;
}

function walk(dir: string, scopes: IgnoreScope[], state: Walk): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    real = dir;
  }
  if (state.visited.has(real)) {
    // The same folder named twice is walked once; a link back into a walked folder is reported.
    if (real === dir) {
      state.matched++;
      return;
    }
    state.problems.push({
      path: dir,
      message: `is a symbolic link to ${real}, which is already linted; not followed again`,
      failed: false,
    });
    return;
  }
  state.visited.add(real);
  const own = readGitignore(dir);
  const active = own ? [...scopes, own] : scopes;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    state.problems.push({ path: dir, message: `could not be read: ${(e as Error).message}`, failed: true });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        if (languageIdForPath(entry.name) && !isIgnored(active, path, false))
          state.problems.push({ path, message: "is a broken symbolic link", failed: true });
        continue;
      }
    }
    if (isDir) {
      if (SKIPPED_DIRS.has(entry.name) || isIgnored(active, path, true)) continue;
      walk(path, active, state);
      continue;
    }
    if (!languageIdForPath(entry.name) || entry.name.endsWith(".d.ts") || isIgnored(active, path, false))
      continue;
    // Regular files, and pipes or devices with a source file's name (lint reports those as unreadable).
    addFile(path, state);
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function readGitignore(dir: string): IgnoreScope | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, ".gitignore"), "utf8");
  } catch {
    return undefined;
  }
  return { dir, rules: ignore().add(text) };
}

/** .gitignore files of the enclosing folders up to the repository root, so `lint src/` honours the root .gitignore. */
function gitignoreScopesAbove(dir: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  let current = resolve(dir, "..");
  for (let depth = 0; depth < 50; depth++) {
    const scope = readGitignore(current);
    if (scope) scopes.unshift(scope);
    if (existsDir(join(current, ".git"))) break;
    const parent = resolve(current, "..");
    if (parent === current) break;
    current = parent;
  }
  return scopes;
}

function existsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isIgnored(scopes: IgnoreScope[], path: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const rel = relative(scope.dir, path).split(sep).join("/");
    if (!rel || rel.startsWith("..")) continue;
    if (scope.rules.ignores(isDir ? rel + "/" : rel)) return true;
  }
  return false;
}
