/**
 * Where an import leads, on disk, for the workspace index: TS/JS relative paths (with
 * extension and `index` probing), `tsconfig.json`/`jsconfig.json` `baseUrl` and `paths`, and
 * Python relative and absolute package imports. Only files of the project come back: a
 * package (node_modules, site-packages, a virtualenv), a file outside the project root, or
 * anything that cannot be found is undefined, which the index treats as unknown.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";

const JS_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const OUTSIDE = new Set([
  "node_modules",
  "site-packages",
  "dist-packages",
  ".venv",
  "venv",
  "__pypackages__",
]);
/** Files or folders that mark the root of a project. */
const ROOT_MARKERS = [".git", "package.json", "pyproject.toml", "setup.py", "setup.cfg", "tsconfig.json"];

/** A module an import can stand for: a file, and for Python a package's `__init__.py`. */
export interface Resolver {
  /** The file `specifier` imported from `from` stands for, or undefined (unknown). */
  resolve(from: string, specifier: string, python: boolean): string | undefined;
  /** The root of the project a file belongs to (the nearest folder above with a root marker). */
  root(file: string): string;
  /** Drops what was learnt of the disk: a file was created or deleted (a long-running server). */
  forget(): void;
}

interface PathsConfig {
  /** Absolute `baseUrl`, when set. */
  baseUrl?: string;
  /** `paths` patterns with their targets, made absolute. */
  paths: [string, string[]][];
}

export function createResolver(): Resolver {
  const isFileCache = new Map<string, boolean>();
  const configs = new Map<string, PathsConfig | undefined>();
  const roots = new Map<string, string>();
  const isFile = (p: string): boolean => {
    let v = isFileCache.get(p);
    if (v === undefined) {
      v = statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
      isFileCache.set(p, v);
    }
    return v;
  };
  const rootOf = (dir: string): string => {
    const cached = roots.get(dir);
    if (cached !== undefined) return cached;
    const parent = dirname(dir);
    const root = ROOT_MARKERS.some((m) => existsSync(join(dir, m))) || parent === dir ? dir : rootOf(parent);
    roots.set(dir, root);
    return root;
  };
  const inProject = (file: string, from: string): boolean => {
    const root = rootOf(dirname(from));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
    return !file
      .slice(root.length)
      .split(sep)
      .some((part) => OUTSIDE.has(part));
  };
  const pathsConfig = (dir: string): PathsConfig | undefined => {
    if (configs.has(dir)) return configs.get(dir);
    let found: PathsConfig | undefined;
    const file = ["tsconfig.json", "jsconfig.json"].map((n) => join(dir, n)).find(isFile);
    if (file) found = readPathsConfig(file);
    else if (dirname(dir) !== dir && !OUTSIDE.has(dir.slice(dir.lastIndexOf(sep) + 1)))
      found = pathsConfig(dirname(dir));
    configs.set(dir, found);
    return found;
  };

  const probeJs = (base: string): string | undefined => {
    const candidates: string[] = [];
    const ext = JS_EXTENSIONS.find((e) => base.endsWith(e));
    if (ext) {
      candidates.push(base);
      // `import "./retry.js"` in TypeScript names the compiled file: the source is retry.ts.
      const stem = base.slice(0, -ext.length);
      candidates.push(...JS_EXTENSIONS.map((e) => stem + e));
    }
    candidates.push(...JS_EXTENSIONS.map((e) => base + e));
    candidates.push(...JS_EXTENSIONS.map((e) => join(base, "index" + e)));
    return candidates.find((c) => !c.endsWith(".d.ts") && isFile(c));
  };

  const resolveJs = (from: string, specifier: string): string | undefined => {
    if (specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === "..")
      return probeJs(resolve(dirname(from), specifier));
    if (isAbsolute(specifier) || specifier.includes(":")) return undefined;
    const config = pathsConfig(dirname(from));
    if (!config) return undefined;
    for (const [pattern, targets] of config.paths) {
      const rest = matchPattern(pattern, specifier);
      if (rest === undefined) continue;
      for (const t of targets) {
        const hit = probeJs(t.replace("*", rest));
        if (hit) return hit;
      }
    }
    return config.baseUrl ? probeJs(resolve(config.baseUrl, specifier)) : undefined;
  };

  const resolvePy = (from: string, specifier: string): string | undefined => {
    const probe = (base: string): string | undefined =>
      [base + ".py", join(base, "__init__.py")].find(isFile);
    const dots = specifier.length - specifier.replace(/^\.+/, "").length;
    const parts = specifier.slice(dots).split(".").filter(Boolean);
    if (dots > 0) {
      let dir = dirname(from);
      for (let i = 1; i < dots; i++) dir = dirname(dir);
      return parts.length === 0 ? [join(dir, "__init__.py")].find(isFile) : probe(join(dir, ...parts));
    }
    // An absolute import: from the folder above the importing file's top package, then the project root and its src/.
    let top = dirname(from);
    while (isFile(join(top, "__init__.py")) && dirname(top) !== top) top = dirname(top);
    const root = rootOf(dirname(from));
    for (const base of [top, root, join(root, "src")]) {
      const hit = probe(join(base, ...parts));
      if (hit) return hit;
    }
    return undefined;
  };

  // Files of one folder import the same modules: each specifier is resolved once per folder.
  const resolved = new Map<string, string | undefined>();
  return {
    resolve(from, specifier, python) {
      if (specifier === "") return undefined;
      const key = `${python ? "py" : "js"}\0${dirname(from)}\0${specifier}`;
      let file = resolved.get(key);
      if (file === undefined && !resolved.has(key)) {
        file = python ? resolvePy(from, specifier) : resolveJs(from, specifier);
        file = file && inProject(file, from) ? file : undefined;
        resolved.set(key, file);
      }
      return file !== from ? file : undefined;
    },
    root(file) {
      return rootOf(dirname(file));
    },
    forget() {
      for (const cache of [isFileCache, configs, roots, resolved]) cache.clear();
    },
  };
}

/** `@/*` against `@/lib/http` -> `lib/http`; an exact pattern -> ""; no match -> undefined. */
function matchPattern(pattern: string, specifier: string): string | undefined {
  const star = pattern.indexOf("*");
  if (star < 0) return pattern === specifier ? "" : undefined;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  if (
    !specifier.startsWith(head) ||
    !specifier.endsWith(tail) ||
    specifier.length < head.length + tail.length
  )
    return undefined;
  return specifier.slice(head.length, specifier.length - tail.length);
}

/** `compilerOptions.baseUrl` and `paths` of a tsconfig/jsconfig (comments and trailing commas allowed). */
function readPathsConfig(file: string): PathsConfig | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripJsonc(readFileSync(file, "utf8")));
  } catch {
    return undefined;
  }
  const options = (parsed as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | null)
    ?.compilerOptions;
  if (!options || typeof options !== "object") return { paths: [] };
  const dir = dirname(file);
  const baseUrl = typeof options.baseUrl === "string" ? resolve(dir, options.baseUrl) : undefined;
  const paths: [string, string[]][] = [];
  if (options.paths && typeof options.paths === "object")
    for (const [pattern, targets] of Object.entries(options.paths as Record<string, unknown>)) {
      if (!Array.isArray(targets)) continue;
      const list = targets
        .filter((t): t is string => typeof t === "string")
        .map((t) => resolve(baseUrl ?? dir, t));
      paths.push([pattern, list]);
    }
  return { ...(baseUrl ? { baseUrl } : {}), paths };
}

/** JSON with comments and trailing commas (tsconfig's dialect) as plain JSON. */
export function stripJsonc(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === ",") {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] !== "}" && text[j] !== "]") out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
