/**
 * Project configuration, shared by the CLI and the language server: what is
 * the project's to lint and at which severity.
 *
 * Read from `.api-error-insight.json`, the `"apiErrorInsight"` key of
 * package.json, or `[tool.api-error-insight]` in pyproject.toml. The nearest
 * directory above a file that has one of them gives the file's configuration
 * (no merging across directories, so a package of a monorepo can say
 * everything for itself); within one directory the three are tried in that
 * order. Paths and globs in a configuration are relative to its directory.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { parse as parseToml } from "smol-toml";
import { BUILTIN_PACKS, type PackSelection } from "../core/catalog/index";
import { ruleById } from "../core/rules/index";
import type { SeveritySetting } from "../core/types";

export const CONFIG_FILE = ".api-error-insight.json";
/** The files that can hold a configuration, in the order they are tried within one directory. */
export const CONFIG_FILE_NAMES = [CONFIG_FILE, "package.json", "pyproject.toml"] as const;

export interface ProjectConfig {
  /** The file the configuration was read from. */
  file: string;
  /** The directory it applies to (its file's directory); globs are relative to it. */
  dir: string;
  rules: Record<string, SeveritySetting>;
  /** gitignore-style patterns of files not to lint. */
  ignore: string[];
  /** When not empty, only files matching one of these patterns are linted. */
  include: string[];
  /** Lint test files too (test/, tests/, __tests__/, *.test.*, *.spec.*, test_*.py, *_test.py, conftest.py). */
  includeTests: boolean;
  /** Absolute paths of user catalogs (JSON, schemas/catalog.schema.json). */
  catalogs: string[];
  /** Absolute paths of OpenAPI 3 documents. */
  openapi: string[];
  /**
   * The built-in knowledge packs (like the editor setting
   * `apiErrorInsight.catalog.packs`): `true` all, `false` none, or the ids to
   * keep; undefined when not given. Either one can turn a pack off.
   */
  packs?: PackSelection;
}

/** A configuration that cannot be used: which file, which key, what is wrong. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly problem: string,
  ) {
    super(`${file}: ${key ? `${key}: ` : ""}${problem}`);
  }
}

const KEYS = ["$schema", "rules", "ignore", "include", "includeTests", "catalogs", "openapi", "packs"];
const PACK_IDS = BUILTIN_PACKS.map((p) => p.id);
const SEVERITIES: readonly SeveritySetting[] = ["off", "info", "warning", "error"];

/**
 * Validates the raw value of a configuration (already parsed from JSON or
 * TOML). `key` is how the value is named in its file (e.g. `apiErrorInsight`),
 * used in messages. Throws ConfigError.
 */
export function validateConfig(raw: unknown, file: string, key = ""): ProjectConfig {
  const dir = dirname(file);
  const at = (k: string) => (key ? `${key}.${k}` : k);
  if (!isObject(raw)) throw new ConfigError(file, key, `expected an object, got ${describe(raw)}`);
  for (const k of Object.keys(raw)) {
    if (!KEYS.includes(k))
      throw new ConfigError(file, at(k), `unknown key (known: ${KEYS.slice(1).join(", ")})`);
  }
  const rules: Record<string, SeveritySetting> = {};
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules))
      throw new ConfigError(
        file,
        at("rules"),
        `expected an object of rule id -> severity, got ${describe(raw.rules)}`,
      );
    for (const [id, severity] of Object.entries(raw.rules)) {
      if (!ruleById(id))
        throw new ConfigError(file, at(`rules.${id}`), "unknown rule (see `api-error-insight rules`)");
      if (!SEVERITIES.includes(severity as SeveritySetting))
        throw new ConfigError(
          file,
          at(`rules.${id}`),
          `expected off, info, warning or error, got ${describe(severity)}`,
        );
      rules[id] = severity as SeveritySetting;
    }
  }
  const strings = (k: string): string[] => {
    const v = raw[k];
    if (v === undefined) return [];
    if (!Array.isArray(v))
      throw new ConfigError(file, at(k), `expected a list of strings, got ${describe(v)}`);
    v.forEach((item, i) => {
      if (typeof item !== "string" || item.trim() === "")
        throw new ConfigError(file, `${at(k)}[${i}]`, `expected a non-empty string, got ${describe(item)}`);
    });
    return v as string[];
  };
  if (raw.includeTests !== undefined && typeof raw.includeTests !== "boolean")
    throw new ConfigError(
      file,
      at("includeTests"),
      `expected true or false, got ${describe(raw.includeTests)}`,
    );
  const paths = (k: string) => strings(k).map((p) => (isAbsolute(p) ? p : resolve(dir, p)));
  const packs = readPacks(raw.packs, file, at("packs"));
  return {
    file,
    dir,
    rules,
    ignore: strings("ignore"),
    include: strings("include"),
    includeTests: raw.includeTests === true,
    catalogs: paths("catalogs"),
    openapi: paths("openapi"),
    ...(packs === undefined ? {} : { packs }),
  };
}

/** `packs`: true, false or a list of known pack ids. */
function readPacks(value: unknown, file: string, key: string): PackSelection | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  if (!Array.isArray(value))
    throw new ConfigError(file, key, `expected true, false or a list of pack ids, got ${describe(value)}`);
  value.forEach((id, i) => {
    if (typeof id !== "string" || !PACK_IDS.includes(id))
      throw new ConfigError(
        file,
        `${key}[${i}]`,
        `expected a pack id (${PACK_IDS.join(", ")}), got ${describe(id)}`,
      );
  });
  return value as string[];
}

/**
 * Reads the configuration a file holds: all of `.api-error-insight.json` (or
 * any file given with `--config`), the `apiErrorInsight` key of package.json,
 * the `[tool.api-error-insight]` table of pyproject.toml. Undefined when a
 * package.json or pyproject.toml has no such entry. Throws ConfigError.
 */
export function readConfigFile(file: string): ProjectConfig | undefined {
  file = resolve(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ConfigError(
      file,
      "",
      `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const name = basename(file);
  if (name === "pyproject.toml" || name.endsWith(".toml")) {
    let doc: Record<string, unknown>;
    try {
      doc = parseToml(text) as Record<string, unknown>;
    } catch (e) {
      throw new ConfigError(file, "", `is not valid TOML: ${firstLine((e as Error).message)}`);
    }
    const tool = isObject(doc.tool) ? doc.tool["api-error-insight"] : undefined;
    if (tool === undefined) {
      if (name === "pyproject.toml") return undefined;
      return validateConfig(doc, file);
    }
    return validateConfig(tool, file, "tool.api-error-insight");
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(file, "", `is not valid JSON: ${firstLine((e as Error).message)}`);
  }
  if (name === "package.json") {
    if (!isObject(doc) || doc.apiErrorInsight === undefined) return undefined;
    return validateConfig(doc.apiErrorInsight, file, "apiErrorInsight");
  }
  return validateConfig(doc, file);
}

/** The configuration files a directory has, nearest first within it. */
function candidates(dir: string): string[] {
  return CONFIG_FILE_NAMES.map((n) => join(dir, n)).filter(isFile);
}

/**
 * The configuration of a file or directory: the nearest directory above it
 * (itself included for a directory) with a configuration. Throws ConfigError
 * when that configuration is broken.
 */
export function findProjectConfig(
  path: string,
  cache?: Map<string, ProjectConfig | null>,
): ProjectConfig | undefined {
  const abs = resolve(path);
  let dir = isDirectory(abs) ? abs : dirname(abs);
  const visited: string[] = [];
  for (let depth = 0; depth < 100; depth++) {
    const cached = cache?.get(dir);
    if (cached !== undefined) {
      for (const v of visited) cache!.set(v, cached);
      return cached ?? undefined;
    }
    visited.push(dir);
    for (const file of candidates(dir)) {
      const config = readConfigFile(file);
      if (config) {
        for (const v of visited) cache?.set(v, config);
        return config;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const v of visited) cache?.set(v, null);
  return undefined;
}

/** A path (relative, `/`-separated) names a test file or lies in a test folder. */
export function isTestPath(relPath: string): boolean {
  const parts = relPath.split(/[\\/]/).filter((p) => p !== "" && p !== ".");
  const name = parts.pop() ?? "";
  if (parts.some((p) => p === "test" || p === "tests" || p === "__tests__")) return true;
  if (/\.(test|spec)\.[^.]+$/i.test(name) || /\.(test|spec)\.d\.[^.]+$/i.test(name)) return true;
  return (
    /\.pyi?$/.test(name) && (name.startsWith("test_") || /_test\.pyi?$/.test(name) || name === "conftest.py")
  );
}

/** Why a file is not linted under a configuration, or undefined when it is. */
export interface Selection {
  /** Test files are linted (from `--include-tests` or `includeTests`). */
  includeTests: boolean;
  /** The folder the user asked for, used for the test-folder check when no configuration applies. */
  root?: string;
}

const matchers = new WeakMap<ProjectConfig, { ignore: Ignore; include: Ignore | undefined }>();

function matcherOf(config: ProjectConfig) {
  let m = matchers.get(config);
  if (!m) {
    m = {
      ignore: ignore().add(config.ignore),
      include: config.include.length > 0 ? ignore().add(config.include) : undefined,
    };
    matchers.set(config, m);
  }
  return m;
}

/**
 * Whether a file is the project's to lint: not a test file (unless tests are
 * included), not ignored, and included when the configuration lists `include`.
 */
export function isSelected(file: string, config: ProjectConfig | undefined, selection: Selection): boolean {
  const base = config?.dir ?? selection.root ?? dirname(file);
  const rel = relative(base, file).split(sep).join("/");
  const inside = rel !== "" && !rel.startsWith("../") && !isAbsolute(rel);
  const testRel = inside ? rel : basename(file);
  if (!(selection.includeTests || config?.includeTests) && isTestPath(testRel)) return false;
  if (!config || !inside) return true;
  const m = matcherOf(config);
  if (m.ignore.ignores(rel)) return false;
  if (m.include && !m.include.ignores(rel)) return false;
  return true;
}

/**
 * Project configurations for a long-running process (the language server):
 * cached per directory until `clear()`; a broken configuration is reported
 * once and the last good configuration read from the same file stays in use.
 */
export class ProjectConfigs {
  private dirs = new Map<string, ProjectConfig | null>();
  private readonly lastGood = new Map<string, ProjectConfig>();
  private readonly reported = new Set<string>();

  constructor(private readonly report: (error: ConfigError) => void) {}

  /** The configuration that applies to a file; undefined when none does. */
  get(file: string): ProjectConfig | undefined {
    try {
      const config = findProjectConfig(file, this.dirs);
      if (config) {
        this.lastGood.set(config.file, config);
        this.reported.delete(config.file);
      }
      return config;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      if (!this.reported.has(e.file)) {
        this.reported.add(e.file);
        this.report(e);
      }
      return this.lastGood.get(e.file);
    }
  }

  /** Forget what was read (a configuration file changed). */
  clear(): void {
    this.dirs = new Map();
  }
}

/** A file name that can hold a configuration (to watch for changes). */
export function isConfigFileName(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A plain object (not a list, not a TOML date). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** How a wrong setting or configuration value is named in a problem message. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "..." : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!;
}

/** How a command chooses configurations: `--config <file>`, `--no-config`, or the nearest one per file. */
export function configLookup(options: {
  configFile?: string;
  noConfig?: boolean;
}): (file: string) => ProjectConfig | undefined {
  if (options.noConfig) return () => undefined;
  if (options.configFile !== undefined) {
    const file = resolve(options.configFile);
    const config = readConfigFile(file);
    if (!config) throw new ConfigError(file, "", "holds no API Error Insight configuration");
    return () => config;
  }
  const cache = new Map<string, ProjectConfig | null>();
  return (file) => findProjectConfig(file, cache);
}
