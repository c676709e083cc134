/**
 * The workspace index: the summaries of a project's files (computed by the core), joined
 * through their imports. For one file it answers what the core needs to judge it with the
 * files around it (`CrossFileInput`): the retry helpers it calls from other files, and the
 * other files that hand its own helpers requests. An import that cannot be followed (a
 * package, a missing file, a cycle, a dynamic import) is unknown and adds nothing.
 */
import type {
  CrossFileInput,
  GlobalAxiosRetry,
  HelperSummary,
  ImportedHelper,
  ImportedWrapper,
  ModuleSummary,
  SummaryImport,
  WrapperSummary,
} from "../core/index/types";
import type { Engine } from "../core/engine";
import { languageIdForPath } from "../core/types";
import { readTextFile } from "./files";
import type { Resolver } from "./resolve";

/** The summary of a file read from disk (an imported file outside the analysed ones); undefined when unreadable. */
export function summarizeFromDisk(engine: Engine, file: string): ModuleSummary | undefined {
  const languageId = languageIdForPath(file);
  const read = languageId ? readTextFile(file) : undefined;
  if (!languageId || !read?.ok) return undefined;
  return engine.summarize({ text: read.text, languageId, path: file });
}

/** How far a chain of re-exports (`__init__.py`, `export { x } from`) is followed. */
const MAX_REEXPORTS = 5;

interface Target {
  file: string;
  name: string;
  helper?: HelperSummary;
  wrapper?: WrapperSummary;
  /** A client that retries on its own, called through (`client.chat.completions.create`). */
  client?: WrapperSummary;
}

/** A call in one file of a helper in another, resolved. */
interface ResolvedUse {
  from: string;
  callee: string;
  arg: number;
  throws: boolean;
  target: Target;
  decorator?: true;
}

export class WorkspaceIndex {
  private readonly summaries = new Map<string, ModuleSummary>();
  /** The resolved uses by file: those it makes and those made of it, in one order. */
  private resolved: Map<string, ResolvedUse[]> | undefined;
  /** The modules that apply axios-retry to the global `axios`, by project root (`globalSetups`). */
  private setups: Map<string, { file: string; setup: GlobalAxiosRetry }[]> | undefined;

  /**
   * @param summaryOf gives the summary of a file the index was not told about (an imported
   *   file outside the linted paths), or undefined when it cannot be read.
   */
  constructor(
    private readonly resolver: Resolver,
    private readonly summaryOf: (file: string) => ModuleSummary | undefined = () => undefined,
  ) {}

  set(file: string, summary: ModuleSummary): void {
    this.summaries.set(file, summary);
    this.resolved = undefined;
    this.setups = undefined;
  }

  delete(file: string): void {
    this.summaries.delete(file);
    this.resolved = undefined;
    this.setups = undefined;
  }

  has(file: string): boolean {
    return this.summaries.has(file);
  }

  get(file: string): ModuleSummary | undefined {
    if (!this.summaries.has(file)) {
      const s = this.summaryOf(file);
      if (!s) return undefined;
      this.summaries.set(file, s);
      if (s.axiosRetry) this.setups = undefined;
    }
    return this.summaries.get(file);
  }

  /** What the core needs to judge `file` with the files around it; undefined when nothing. */
  inputFor(file: string): CrossFileInput | undefined {
    const uses = this.usesOf(file);
    const helpers: Record<string, ImportedHelper> = {};
    const wrappers: Record<string, ImportedWrapper> = {};
    const callers: CrossFileInput["callers"] = {};
    for (const { from, callee, arg, throws, target, decorator } of uses) {
      // Only a helper that returns the retrying function can decorate one.
      if (decorator && !target.helper?.wraps) continue;
      const where = { path: target.file, name: target.name };
      if (from === file && target.helper && arg >= 0) helpers[callee] = { ...target.helper, ...where };
      if (from === file && target.wrapper && arg < 0)
        wrappers[callee] = { ...this.withGlobalAxiosRetry(target.file, target.wrapper), ...where };
      if (from === file && target.client && arg < 0)
        wrappers[callee] = { ...target.client, ...where, client: true };
      if (target.file === file && from !== file && target.helper && arg >= 0)
        // A decorator is handed the function as the parameter its summary names (a method decorator: the descriptor).
        (callers[target.name] ??= []).push({ arg: decorator ? target.helper.param : arg, throws });
    }
    for (const list of Object.values(callers))
      list.sort((a, b) => a.arg - b.arg || Number(a.throws) - Number(b.throws));
    const axiosRetry = this.globalAxiosRetryFor(file);
    const input = { helpers, wrappers, callers };
    if (axiosRetry) return { ...input, axiosRetry };
    return Object.values(input).every((x) => Object.keys(x).length === 0) ? undefined : input;
  }

  /**
   * axios-retry applied to the global `axios` by another module of `file`'s project, for a file
   * that imports axios and applies none itself: only when every module of the project that
   * applies one applies the same policy, with its retries on.
   */
  private globalAxiosRetryFor(file: string): CrossFileInput["axiosRetry"] {
    const summary = this.summaries.get(file);
    if (!summary || summary.axiosRetry || !importsGlobalAxios(summary)) return undefined;
    const setups = this.globalSetups().get(this.resolver.root(file)) ?? [];
    if (setups.length === 0) return undefined;
    const policy = (s: GlobalAxiosRetry) => JSON.stringify([s.attempts, s.retries]);
    const [first] = setups;
    if (setups.some((s) => policy(s.setup) !== policy(first!.setup)) || first!.setup.attempts <= 1)
      return undefined;
    return { ...first!.setup, path: first!.file };
  }

  /** A wrapper whose request goes through the global `axios`, with the axios-retry its project applies to it. */
  private withGlobalAxiosRetry(file: string, wrapper: WrapperSummary): WrapperSummary {
    const setup = wrapper.globalAxios && !wrapper.selfRetry ? this.globalAxiosRetryFor(file) : undefined;
    if (!setup) return wrapper;
    return {
      ...wrapper,
      selfRetry: {
        attempts: setup.attempts,
        by: "axios-retry on the global axios",
        off: "retries: 0 in its axiosRetry options",
        at: setup.at,
        retries: setup.retries,
        path: setup.path,
      },
    };
  }

  /** The modules that apply axios-retry to the global `axios`, by project root, in path order. */
  private globalSetups(): Map<string, { file: string; setup: GlobalAxiosRetry }[]> {
    if (!this.setups) {
      this.setups = new Map();
      for (const file of [...this.summaries.keys()].sort()) {
        const setup = this.summaries.get(file)!.axiosRetry;
        if (!setup) continue;
        const root = this.resolver.root(file);
        const list = this.setups.get(root) ?? [];
        list.push({ file, setup });
        this.setups.set(root, list);
      }
    }
    return this.setups;
  }

  /**
   * The files whose input depends on `file`'s summary: its callers and the files it calls into;
   * for a module that applies axios-retry to the global `axios`, the files of its project that import axios.
   */
  dependents(file: string): string[] {
    const out = new Set<string>();
    for (const use of this.usesOf(file)) {
      if (use.target.file === file) out.add(use.from);
      if (use.from === file) out.add(use.target.file);
    }
    if (this.summaries.get(file)?.axiosRetry) {
      const root = this.resolver.root(file);
      for (const [other, summary] of this.summaries) {
        if (!importsGlobalAxios(summary) || this.resolver.root(other) !== root) continue;
        out.add(other);
        // The callers of its request wrappers see the axios-retry through them.
        for (const use of this.usesOf(other)) if (use.target.file === other) out.add(use.from);
      }
    }
    out.delete(file);
    return [...out].sort();
  }

  /** The uses `file` makes of other files' helpers and that other files make of its own. */
  private usesOf(file: string): readonly ResolvedUse[] {
    if (!this.resolved) {
      const byFile = new Map<string, ResolvedUse[]>();
      const add = (key: string, use: ResolvedUse) => {
        const list = byFile.get(key);
        if (list) list.push(use);
        else byFile.set(key, [use]);
      };
      for (const from of [...this.summaries.keys()].sort()) {
        const summary = this.summaries.get(from)!;
        for (const u of summary.uses) {
          const target = this.helperCalled(from, summary, u.callee);
          if (!target) continue;
          const use: ResolvedUse = { from, callee: u.callee, arg: u.arg, throws: u.throws, target };
          if (u.decorator) use.decorator = true;
          add(from, use);
          if (target.file !== from) add(target.file, use);
        }
      }
      this.resolved = byFile;
    }
    return this.resolved.get(file) ?? [];
  }

  /** The helper or wrapper a callee as written in `from` stands for (`withRetry`, `http.withRetry`). */
  private helperCalled(from: string, summary: ModuleSummary, callee: string): Target | undefined {
    const python = languageIdForPath(from) === "python";
    const [root, ...rest] = callee.split(".");
    const imp = summary.imports.find((i) => i.local === root);
    if (!imp) {
      // Python `from shop.http import *`: the name may come from any of them.
      return rest.length === 0 && python ? this.fromStars(from, summary, root!, new Set()) : undefined;
    }
    if (rest.length === 0) {
      const file = this.resolver.resolve(from, imp.module, python);
      // `const withRetry = require("./retry")`, `import withRetry from "./retry"`: the default export.
      const name = imp.imported === "*" ? (python ? undefined : "default") : imp.imported;
      return file && name ? this.exported(file, name, new Set()) : undefined;
    }
    if (imp.imported !== "*") {
      // `client.chat.completions.create(...)` through `import { client } from "./lib/openai"`.
      const file = this.resolver.resolve(from, imp.module, python);
      const target = file ? this.exported(file, imp.imported, new Set()) : undefined;
      if (target?.client) return target;
    }
    if (rest.length !== 1) return undefined;
    // `import * as http from "./http"`, Python `import http_utils` / `from . import http`.
    const module =
      imp.imported === "*"
        ? imp.module
        : python
          ? (imp.module.endsWith(".") ? imp.module : imp.module + ".") + imp.imported
          : undefined;
    const file = module ? this.resolver.resolve(from, module, python) : undefined;
    if (file) return this.exported(file, rest[0]!, new Set());
    // `import retry from "./retry"` then `retry.withRetry(...)`, on `module.exports = { withRetry }`.
    if (!python && imp.imported === "default") {
      const target = this.resolver.resolve(from, imp.module, python);
      return target ? this.exported(target, rest[0]!, new Set()) : undefined;
    }
    return undefined;
  }

  /**
   * A helper or wrapper exported by `file` under `name`, following aliases (`export default`,
   * `module.exports`), re-exports and star re-exports; undefined on a cycle or a miss.
   */
  private exported(file: string, name: string, seen: Set<string>): Target | undefined {
    const key = `${file}\0${name}`;
    if (seen.has(key) || seen.size > MAX_REEXPORTS) return undefined;
    seen.add(key);
    const summary = this.get(file);
    if (!summary) return undefined;
    const local = summary.exports && Object.hasOwn(summary.exports, name) ? summary.exports[name]! : name;
    if (Object.hasOwn(summary.helpers, local)) return { file, name: local, helper: summary.helpers[local]! };
    if (Object.hasOwn(summary.wrappers, local))
      return { file, name: local, wrapper: summary.wrappers[local]! };
    if (summary.clients && Object.hasOwn(summary.clients, local))
      return { file, name: local, client: summary.clients[local]! };
    const python = languageIdForPath(file) === "python";
    const again: SummaryImport | undefined = summary.imports.find((i) => i.local === local);
    if (again) {
      if (again.imported === "*" || (python && again.imported === "default")) return undefined;
      const next = this.resolver.resolve(file, again.module, python);
      return next ? this.exported(next, again.imported, seen) : undefined;
    }
    // `export * from "./retry"` never passes on a default export.
    return name === "default" ? undefined : this.fromStars(file, summary, name, seen);
  }

  /** `name` through the star imports of `file` (`export * from`, `from m import *`), the first that has it. */
  private fromStars(
    file: string,
    summary: ModuleSummary,
    name: string,
    seen: Set<string>,
  ): Target | undefined {
    const python = languageIdForPath(file) === "python";
    for (const star of summary.imports) {
      if (star.local !== "*") continue;
      const next = this.resolver.resolve(file, star.module, python);
      const nextSummary = next ? this.get(next) : undefined;
      if (!next || !nextSummary) continue;
      // Python's star import takes `__all__` when there is one, else the names without a leading `_`.
      if (python && (nextSummary.all ? !nextSummary.all.includes(name) : name.startsWith("_"))) continue;
      const found = this.exported(next, name, seen);
      if (found) return found;
    }
    return undefined;
  }
}

/** The file imports the global `axios` (`import axios from "axios"`, `require("axios")`). */
function importsGlobalAxios(summary: ModuleSummary): boolean {
  return summary.imports.some(
    (i) => i.module === "axios" && (i.imported === "default" || i.imported === "*"),
  );
}
