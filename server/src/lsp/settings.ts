/**
 * Settings: the one place where raw `apiErrorInsight.*` values from the client
 * become a validated `Settings` and the core's `Config`, plus the per-resource
 * cache of `workspace/configuration` answers.
 */
import { languageIdForPath } from "../core/types";
import { ruleById } from "../core/rules/index";
import type { Config, SeveritySetting } from "../core/types";
import { describe, isObject } from "../node/config";
import { uriToPath } from "./uri";
import {
  DEFAULT_SETTINGS,
  type DiagnosticsScope,
  type RuleSeveritySetting,
  type RunSetting,
  type Settings,
} from "../protocol";

/** Validated settings of one resource and the core configuration derived from them. */
export interface ResolvedSettings {
  settings: Settings;
  config: Config;
  /** One line per setting that was ignored (wrong type, unknown rule, unknown severity). */
  problems: string[];
}

const SEVERITY_SETTINGS: readonly RuleSeveritySetting[] = ["off", "info", "warning", "error"];
const RUN_SETTINGS: readonly RunSetting[] = ["onType", "onSave"];
const SCOPE_SETTINGS: readonly DiagnosticsScope[] = ["openFiles", "workspace"];

/**
 * Turns whatever the client sent for the `apiErrorInsight` section into
 * settings and a core `Config`. Never throws: anything odd is left at its
 * default and described in `problems`.
 */
export function resolveSettings(raw: unknown): ResolvedSettings {
  const problems: string[] = [];
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    rules: {},
    diagnostics: { ...DEFAULT_SETTINGS.diagnostics },
    catalog: { paths: [], packs: true },
    inlayHints: { ...DEFAULT_SETTINGS.inlayHints },
  };
  if (raw === undefined || raw === null) return { settings, config: toConfig(settings), problems };
  if (!isObject(raw)) {
    problems.push(`apiErrorInsight: expected an object, got ${describe(raw)}; using the defaults`);
    return { settings, config: toConfig(settings), problems };
  }

  if (raw.enable !== undefined) {
    if (typeof raw.enable === "boolean") settings.enable = raw.enable;
    else problems.push(`apiErrorInsight.enable: expected true or false, got ${describe(raw.enable)}`);
  }
  if (raw.run !== undefined) {
    if (RUN_SETTINGS.includes(raw.run as RunSetting)) settings.run = raw.run as RunSetting;
    else problems.push(`apiErrorInsight.run: expected "onType" or "onSave", got ${describe(raw.run)}`);
  }
  settings.rules = readRules(raw.rules, problems);
  settings.diagnostics = { scope: readScope(raw.diagnostics, problems) };
  settings.catalog = {
    paths: readCatalogPaths(raw.catalog, problems),
    packs: readPacks(isObject(raw.catalog) ? raw.catalog.packs : undefined, problems),
  };
  if (raw.inlayHints !== undefined) {
    const enable = isObject(raw.inlayHints) ? raw.inlayHints.enable : undefined;
    if (typeof enable === "boolean") settings.inlayHints = { enable };
    else if (enable !== undefined || !isObject(raw.inlayHints))
      problems.push(
        `apiErrorInsight.inlayHints.enable: expected true or false, got ${describe(enable ?? raw.inlayHints)}`,
      );
  }
  if (isObject(raw.trace) && typeof raw.trace.server === "string") {
    const server = raw.trace.server;
    if (server === "off" || server === "messages" || server === "verbose") settings.trace = { server };
  }
  return { settings, config: toConfig(settings), problems };
}

/** The core configuration for validated settings. */
export function toConfig(settings: Settings): Config {
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, severity] of Object.entries(settings.rules)) rules[id] = severity;
  return { rules };
}

function readRules(value: unknown, problems: string[]): Record<string, RuleSeveritySetting> {
  const rules: Record<string, RuleSeveritySetting> = {};
  if (value === undefined || value === null) return rules;
  if (!isObject(value)) {
    problems.push(`apiErrorInsight.rules: expected an object of rule id -> severity, got ${describe(value)}`);
    return rules;
  }
  for (const [id, severity] of Object.entries(value)) {
    if (!ruleById(id)) {
      problems.push(`apiErrorInsight.rules: unknown rule '${id}' ignored`);
      continue;
    }
    if (!SEVERITY_SETTINGS.includes(severity as RuleSeveritySetting)) {
      problems.push(
        `apiErrorInsight.rules.${id}: expected off, info, warning or error, got ${describe(severity)}`,
      );
      continue;
    }
    rules[id] = severity as RuleSeveritySetting;
  }
  return rules;
}

function readScope(value: unknown, problems: string[]): DiagnosticsScope {
  const fallback = DEFAULT_SETTINGS.diagnostics.scope;
  if (value === undefined || value === null) return fallback;
  if (!isObject(value)) {
    problems.push(`apiErrorInsight.diagnostics: expected an object, got ${describe(value)}`);
    return fallback;
  }
  const scope = value.scope;
  if (scope === undefined || scope === null) return fallback;
  if (SCOPE_SETTINGS.includes(scope as DiagnosticsScope)) return scope as DiagnosticsScope;
  problems.push(
    `apiErrorInsight.diagnostics.scope: expected "openFiles" or "workspace", got ${describe(scope)}`,
  );
  return fallback;
}

function readCatalogPaths(value: unknown, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (!isObject(value)) {
    problems.push(`apiErrorInsight.catalog: expected an object, got ${describe(value)}`);
    return [];
  }
  const paths = value.paths;
  if (paths === undefined || paths === null) return [];
  if (!Array.isArray(paths)) {
    problems.push(`apiErrorInsight.catalog.paths: expected a list of paths, got ${describe(paths)}`);
    return [];
  }
  const valid = paths.filter((p): p is string => typeof p === "string" && p.trim() !== "");
  if (valid.length !== paths.length)
    problems.push("apiErrorInsight.catalog.paths: entries that are not paths were ignored");
  return valid;
}

function readPacks(value: unknown, problems: string[]): boolean | string[] {
  if (value === undefined || value === null) return true;
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) {
    const ids = value.filter((v): v is string => typeof v === "string");
    if (ids.length !== value.length)
      problems.push("apiErrorInsight.catalog.packs: entries that are not pack ids were ignored");
    return ids;
  }
  problems.push(
    `apiErrorInsight.catalog.packs: expected true, false or a list of pack ids, got ${describe(value)}`,
  );
  return true;
}

/** What the project configuration says about one file (see node/config.ts). */
export interface ProjectView {
  /** Severities from the project configuration; the user's editor settings override them. */
  rules: Readonly<Record<string, SeveritySetting>>;
  /** False when the file is a test file or ignored / not included: it gets no diagnostics. */
  selected: boolean;
  /** User catalogs and OpenAPI documents the configuration names (absolute paths). */
  catalogs: readonly string[];
}

/** The settings of one file under its project configuration: project rules below the editor's. */
export function withProject(resolved: ResolvedSettings, project: ProjectView | undefined): ResolvedSettings {
  if (!project) return resolved;
  return {
    settings: { ...resolved.settings, enable: resolved.settings.enable && project.selected },
    config: { rules: { ...project.rules, ...resolved.config.rules } },
    problems: resolved.problems,
  };
}

/** Asks the client for the raw `apiErrorInsight` section of a resource (a document or folder URI). */
export type SettingsFetcher = (scopeUri: string | undefined) => Promise<unknown>;

/**
 * One promise of resolved settings per resource URI (lsp-sample's
 * `getDocumentSettings`), cleared on `didChangeConfiguration` and evicted on
 * close. Each distinct problem is logged once until the next `clear()`.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private readonly logged = new Set<string>();

  /**
   * @param fetch reads the raw section from the client; when it is undefined
   *   (no `workspace/configuration` support) `globalSettings` is used.
   * @param log receives one line per ignored setting.
   */
  constructor(
    private readonly fetch: SettingsFetcher | undefined,
    private readonly log: (line: string) => void,
    /** The project configuration of a source file's path (none in tests that do not give one). */
    private readonly project?: (path: string) => ProjectView | undefined,
  ) {}

  /** Settings pushed with `didChangeConfiguration` (used when the client cannot be asked). */
  globalSettings: unknown = undefined;

  /**
   * The settings of a resource; never rejects (a failed request gives the
   * defaults). For a source file, its project configuration applies under
   * the editor settings.
   */
  get(uri: string | undefined): Promise<ResolvedSettings> {
    const key = uri ?? "";
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.load(uri);
      this.cache.set(key, entry);
    }
    const path = uri?.startsWith("file:") ? uriToPath(uri) : undefined;
    if (!this.project || !path || !languageIdForPath(path)) return entry;
    return entry.then((resolved) => this.forFile(resolved, path));
  }

  /** Settings read for a folder, applied to one file of it under the file's project configuration. */
  forFile(resolved: ResolvedSettings, path: string): ResolvedSettings {
    return withProject(resolved, this.project?.(path));
  }

  /** Forgets every cached answer (on `didChangeConfiguration`). */
  clear(): void {
    this.cache.clear();
    this.logged.clear();
  }

  /** Forgets one resource (on close). */
  evict(uri: string): void {
    this.cache.delete(uri);
  }

  private async load(uri: string | undefined): Promise<ResolvedSettings> {
    let raw: unknown;
    try {
      raw = this.fetch ? await this.fetch(uri) : this.globalSettings;
    } catch (error) {
      this.report(
        `Could not read the settings of ${uri ?? "the workspace"}: ${String(error)}; using the defaults`,
      );
      raw = undefined;
    }
    const resolved = resolveSettings(raw);
    for (const problem of resolved.problems) this.report(`Ignored setting: ${problem}`);
    return resolved;
  }

  private report(line: string): void {
    if (this.logged.has(line)) return;
    this.logged.add(line);
    this.log(line);
  }
}
