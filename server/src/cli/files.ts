/**
 * Finds the files `lint` analyses: walks directories, skips dependency and
 * build folders and whatever the .gitignore files on the way list.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
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

export interface FileList {
  files: string[];
  /** Paths given on the command line that do not exist. */
  missing: string[];
}

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

export function collectFiles(paths: string[]): FileList {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const given of paths) {
    const abs = resolve(given);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isFile()) {
      // A file named explicitly is linted even if it is ignored, when it is a language we read.
      if (languageIdForPath(abs)) files.add(abs);
    } else if (stat.isDirectory()) {
      walk(abs, gitignoreScopesAbove(abs), files);
    } else {
      // A pipe or device named on the command line: listed, so that lint reports it is not read.
      files.add(abs);
    }
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, scopes: IgnoreScope[], files: Set<string>): void {
  const own = readGitignore(dir);
  const active = own ? [...scopes, own] : scopes;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || isIgnored(active, path, true)) continue;
      walk(path, active, files);
    } else if (entry.isFile()) {
      if (!languageIdForPath(entry.name) || entry.name.endsWith(".d.ts") || isIgnored(active, path, false))
        continue;
      files.add(path);
    }
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
