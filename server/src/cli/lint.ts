// Over 400 lines: the lint command end to end (arguments, file selection, the two passes of the workspace index, workers, fixes written safely, output formats) reads as one story; the output formats and the file walk already live beside it.
/** `api-error-insight lint <paths...>`: analyse files, print the findings, optionally fix them. */
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { ErrorKnowledge } from "../core/analysis/knowledge";
import { Catalog, type PackSelection } from "../core/catalog/index";
import { applyEdits, fixAllEdits } from "../core/fixes/apply";
import type { Engine } from "../core/engine";
import { LineIndex } from "../core/parse/line-index";
import { RULES, ruleById } from "../core/rules/index";
import {
  languageIdForPath,
  type AnalysisResult,
  type Config,
  type Finding,
  type SeveritySetting,
  type SyntaxProblem,
} from "../core/types";
import type { CrossFileInput, ModuleSummary } from "../core/index/types";
import { loadCatalogFiles } from "../node/catalog-files";
import { createResolver } from "../node/resolve";
import { summarizeFromDisk, WorkspaceIndex } from "../node/workspace-index";
import { ConfigError, configLookup, isSelected, type ProjectConfig } from "../node/config";
import { analysisBudget, createEngine } from "../node/engine";
import { decode, isReadError, MAX_SOURCE_BYTES, readTextFile } from "../node/files";
import { unifiedDiff } from "./diff";
import { parseJobs, UsageError } from "./usage";
import { defaultJobs, MIN_FILES_FOR_WORKERS, runInWorkers } from "./jobs";
import { collectFiles } from "./files";
import {
  FORMATS,
  formatGithub,
  formatGitlab,
  formatJson,
  formatJunit,
  formatSarif,
  formatText,
  type FileReport,
  type Format,
  type Notice,
} from "./format";
import { printableLine } from "./sanitize";

interface Out {
  write(s: string): void;
}

/** `--fix` re-analyses and fixes again until nothing changes, at most this many times per file. */
const MAX_FIX_PASSES = 10;

export const LINT_USAGE = `Usage: api-error-insight lint [options] [--] <paths...>

Analyses TypeScript, JavaScript and Python files and folders (folders are walked;
node_modules, build output and what .gitignore lists are skipped).

Options:
  -f, --format <name>       text (default), json, sarif, github, junit or gitlab
  -o, --output <file>       write the report to a file (missing folders are created)
      --rule <id>=<level>   set a rule to off, info, warning or error (repeatable)
      --catalog <path>      a user catalog, an OpenAPI document or a folder of them, as the
                            editor's catalog.paths (repeatable)
  -q, --quiet               report errors only
      --max-warnings <n>    exit 1 when there are more than n warnings
      --fix                 apply every safe fix to the files, then report what is left
      --fix-dry-run         compute the fixes and report what would be left, without writing
      --diff                print the fixes as a unified diff instead of a report; write nothing
      --no-error-on-unmatched-pattern
                            a path that does not exist or holds no file to lint is not an error
      --config <file>       use this project configuration for every file (instead of the
                            nearest .api-error-insight.json, package.json or pyproject.toml)
      --no-config           read no project configuration
      --include-tests       lint test files found in folders too (test/, tests/, __tests__/,
                            *.test.*, *.spec.*, test_*.py, *_test.py, conftest.py)
      --no-cross-file       judge each file alone: do not follow retry helpers imported from
                            other files of the project
  -j, --jobs <n>            analyse files in n worker threads (default: one per core; a run
                            of fewer than ${MIN_FILES_FOR_WORKERS} files stays on one); the output is the same
                            for every n
  -h, --help                show this help
  --                        everything after it is a path

Exit status: 0 no error-severity finding, 1 an error-severity finding (or more
warnings than --max-warnings, or --diff has fixes to show), 2 a usage error, a
broken project configuration, a path with no file to lint, or a file that could
not be read or written.
`;

export interface LintOptions {
  paths: string[];
  /** User catalogs, OpenAPI documents or folders of them (`--catalog`, repeatable), as the editor's `catalog.paths`. */
  catalogs: string[];
  format: Format;
  config: Config;
  output?: string;
  quiet: boolean;
  maxWarnings?: number;
  fix: "off" | "write" | "dry-run";
  diff: boolean;
  errorOnUnmatchedPattern: boolean;
  /** `--config <file>`: this project configuration for every file instead of the nearest one. */
  configFile?: string;
  /** `--no-config`: no project configuration. */
  noConfig?: boolean;
  /** `--include-tests`: lint test files found in directories too. */
  includeTests?: boolean;
  /** `--jobs <n>`: worker threads; undefined: one per core, none for a small run. */
  jobs?: number;
  /** `--no-cross-file`: no workspace index; each file is judged alone. */
  noCrossFile?: boolean;
}

export function parseLintArgs(args: string[]): LintOptions | "help" {
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  const catalogs: string[] = [];
  const options: Omit<LintOptions, "paths" | "config" | "catalogs"> = {
    format: "text",
    quiet: false,
    fix: "off",
    diff: false,
    errorOnUnmatchedPattern: true,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      paths.push(...args.slice(i + 1));
      break;
    }
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const noValue = (): void => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
    };
    switch (flag) {
      case "--help":
      case "-h":
        return "help";
      case "--format":
      case "-f": {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f))
          throw new UsageError(`unknown format '${f}' (use ${FORMATS.join(", ")})`);
        options.format = f as Format;
        break;
      }
      case "--rule": {
        const spec = value();
        const eq = spec.lastIndexOf("=");
        const id = eq > 0 ? spec.slice(0, eq) : spec;
        const severity = eq > 0 ? spec.slice(eq + 1) : "";
        if (!ruleById(id)) throw new UsageError(`unknown rule '${id}' (see \`api-error-insight rules\`)`);
        if (!["off", "info", "warning", "error"].includes(severity)) {
          throw new UsageError(`--rule ${spec}: the severity must be off, info, warning or error`);
        }
        rules[id] = severity as SeveritySetting;
        break;
      }
      case "--catalog":
        catalogs.push(value());
        break;
      case "--output":
      case "-o":
        options.output = value();
        if (options.output === "") throw new UsageError("--output needs a file name");
        break;
      case "--quiet":
      case "-q":
        noValue();
        options.quiet = true;
        break;
      case "--max-warnings": {
        const v = value();
        if (!/^\d+$/.test(v))
          throw new UsageError(`--max-warnings needs a whole number of 0 or more, not '${v}'`);
        options.maxWarnings = Number(v);
        break;
      }
      case "--fix":
        noValue();
        options.fix = "write";
        break;
      case "--fix-dry-run":
        noValue();
        if (options.fix !== "write") options.fix = "dry-run";
        break;
      case "--diff":
        noValue();
        options.diff = true;
        break;
      case "--no-error-on-unmatched-pattern":
        noValue();
        options.errorOnUnmatchedPattern = false;
        break;
      case "--config":
        options.configFile = value();
        break;
      case "--no-config":
        noValue();
        options.noConfig = true;
        break;
      case "--include-tests":
        noValue();
        options.includeTests = true;
        break;
      case "--no-cross-file":
        noValue();
        options.noCrossFile = true;
        break;
      case "--jobs":
      case "-j": {
        options.jobs = parseJobs(value());
        break;
      }
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option '${arg}'`);
        paths.push(arg);
    }
  }
  if (options.diff && options.fix === "write")
    throw new UsageError("--diff shows the fixes without writing them; use it without --fix");
  if (options.diff) options.fix = "dry-run";
  if (paths.length === 0) throw new UsageError("lint needs at least one file or directory");
  if (options.noConfig && options.configFile !== undefined)
    throw new UsageError("--config and --no-config cannot be used together");
  return { ...options, paths, catalogs, config: { rules } };
}

export async function runLint(args: string[], out: Out, err: Out): Promise<number> {
  let options: LintOptions | "help";
  try {
    options = parseLintArgs(args);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(
        `api-error-insight lint: ${printableLine(e.message)}\n\nRun \`api-error-insight lint --help\` for the options.\n`,
      );
      return 2;
    }
    throw e;
  }
  if (options === "help") {
    out.write(LINT_USAGE);
    return 0;
  }

  const found = collectFiles(options.paths);
  const unmatched = [
    ...found.missing.map((p) => `${p}: no such file or directory`),
    ...found.empty.map((p) =>
      languageIdForPath(p) || isDirectory(p)
        ? `${p}: no TypeScript, JavaScript or Python file to lint there (node_modules, build output and .gitignore'd files are skipped)`
        : `${p}: not a TypeScript, JavaScript or Python file`,
    ),
  ];
  for (const line of unmatched)
    err.write(
      `api-error-insight lint: ${options.errorOnUnmatchedPattern ? "" : "warning: "}${printableLine(line)}\n`,
    );
  if (unmatched.length > 0 && options.errorOnUnmatchedPattern) {
    err.write("Nothing was linted for these paths; pass --no-error-on-unmatched-pattern to allow that.\n");
    return 2;
  }
  for (const p of found.problems.filter((x) => !x.failed))
    err.write(
      `api-error-insight lint: warning: ${printableLine(displayPath(p.path))} ${printableLine(p.message)}\n`,
    );

  let selected: Selected[];
  try {
    selected = selectFiles(options, found.files);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    err.write(`api-error-insight lint: configuration error: ${printableLine(e.message)}\n`);
    return 2;
  }

  const catalogs = catalogLoader(options, err);
  const linted = await lintAll(options, selected, catalogs);
  const reports: LintReport[] = [
    ...linted,
    ...found.problems
      .filter((x) => x.failed)
      .map((p) => ({
        path: p.path,
        findings: [],
        notices: [{ message: p.message, line: 1, column: 1, failed: true }],
      })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const unread = reports.filter((r) => r.notices.some((n) => n.failed));
  for (const r of unread)
    for (const n of r.notices.filter((x) => x.failed))
      err.write(
        `api-error-insight lint: ${printableLine(displayPath(r.path))} ${printableLine(n.message)}\n`,
      );
  const failed = unread.length > 0 || catalogs.failed();
  let text: string;
  let code: number;
  if (options.diff) {
    text = reports.map((r) => r.diff ?? "").join("");
    code = failed ? 2 : text ? 1 : 0;
  } else {
    const shown = options.quiet ? reports.map(errorsOnly) : reports;
    text = format(options, shown);
    const errors = count(shown, "error");
    const warnings = count(reports, "warning");
    const tooMany = options.maxWarnings !== undefined && warnings > options.maxWarnings;
    if (tooMany)
      err.write(
        `api-error-insight lint: ${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${options.maxWarnings} allows.\n`,
      );
    code = failed ? 2 : errors > 0 || tooMany ? 1 : 0;
  }
  if (options.output) {
    try {
      mkdirSync(dirname(resolve(options.output)), { recursive: true });
      writeFileSync(options.output, text);
    } catch (e) {
      err.write(
        `api-error-insight lint: cannot write the report to ${printableLine(options.output)}: ${printableLine(reason(e))}\n`,
      );
      return 2;
    }
  } else out.write(text);
  if (options.fix !== "off" && !options.diff) {
    const fixed = reports.reduce((n, r) => n + (r.fixed ?? 0), 0);
    const files = reports.filter((r) => (r.fixed ?? 0) > 0).length;
    if (fixed > 0)
      err.write(
        `${options.fix === "write" ? "Fixed" : "Would fix"} ${fixed} problem${fixed === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}.\n`,
      );
  }
  return code;
}

/** One file to lint, as a worker thread gets it. */
export interface LintTask {
  kind: "lint";
  file: string;
  config: Config;
  fix: LintOptions["fix"];
  /** The catalog files of the file's knowledge (none: the built-in catalog). */
  catalogs: string[];
  /** Return the file's summary for the workspace index. */
  summarize?: boolean;
  /** What the workspace index knows about the files around it. */
  crossFile?: CrossFileInput;
}

/**
 * Lints the selected files, in this thread or in `--jobs` worker threads; the reports in the files' order.
 * The workspace index comes from the first pass (each file's summary); the files it says
 * something about (they call a retry helper of another file, or other files hand theirs a
 * request) are linted again with it. With fixes on, the first pass only summarises.
 */
async function lintAll(
  options: LintOptions,
  selected: Selected[],
  catalogs: ReturnType<typeof catalogLoader>,
): Promise<LintReport[]> {
  const jobs =
    options.jobs ?? (selected.length < MIN_FILES_FOR_WORKERS ? 1 : Math.min(defaultJobs(), selected.length));
  // Loaded here too: catalog problems are reported once, by this thread.
  const knowledge = selected.map(({ project }) => catalogs.of(project));
  const run = async (tasks: { index: number; task: LintTask }[]): Promise<LintReport[]> => {
    if (jobs <= 1 || tasks.length <= 1) {
      const engine = await createEngine();
      return tasks.map(({ index, task }) => lintFile(engine, task.file, task, knowledge[index]));
    }
    return runInWorkers<LintTask, LintReport>(
      __filename,
      tasks.map((t) => t.task),
      jobs,
    );
  };
  const task = (i: number): LintTask => ({
    kind: "lint",
    file: selected[i]!.file,
    config: selected[i]!.config,
    fix: options.fix,
    catalogs: catalogPaths(options, selected[i]!.project),
  });
  const all = selected.map((_, index) => ({ index, task: task(index) }));
  if (options.noCrossFile) return run(all);
  const first = await run(
    all.map(({ index, task }) => ({ index, task: { ...task, fix: "off" as const, summarize: true } })),
  );
  const engine = await createEngine();
  const index = new WorkspaceIndex(createResolver(), (file) => summarizeFromDisk(engine, file));
  first.forEach((r, i) => {
    if (r.summary) index.set(selected[i]!.file, r.summary);
  });
  const again = all.flatMap(({ index: i, task }) => {
    const crossFile = index.inputFor(task.file);
    return crossFile || options.fix !== "off" ? [{ index: i, task: { ...task, crossFile } }] : [];
  });
  const second = await run(again);
  const reports = first.map(({ summary: _, ...r }) => r);
  again.forEach(({ index: i }, k) => (reports[i] = second[k]!));
  return reports;
}

/** In a `--jobs` worker thread: lints one file the pool hands out (catalogs loaded once per list). */
export function lintTaskHandler(engine: Engine): (task: LintTask) => LintReport {
  const loaded = new Map<string, ErrorKnowledge | undefined>();
  return (task) => {
    const key = JSON.stringify(task.catalogs);
    if (!loaded.has(key)) loaded.set(key, loadCatalogFiles(task.catalogs, process.cwd()).catalog);
    return lintFile(engine, task.file, task, loaded.get(key));
  };
}

/** The catalog files of a file's knowledge: `--catalog`s plus its project configuration's. */
function catalogPaths(options: LintOptions, project: ProjectConfig | undefined): string[] {
  const extra = project ? [...project.catalogs, ...project.openapi] : [];
  return extra.length === 0 ? options.catalogs : [...options.catalogs, ...extra];
}

interface Selected {
  file: string;
  config: Config;
  project: ProjectConfig | undefined;
}

/**
 * The files that are the project's to lint, each with its configuration: the
 * nearest project configuration's rules under the command line's `--rule`s.
 * Files named on the command line are always linted; files found in a
 * directory skip test files (unless included) and what the configuration
 * ignores or does not include. Throws ConfigError.
 */
function selectFiles(options: LintOptions, files: string[]): Selected[] {
  const lookup = configLookup(options);
  const explicit = new Set<string>();
  const roots: string[] = [];
  for (const given of options.paths) {
    const abs = resolve(given);
    if (isDirectory(abs)) roots.push(abs);
    else explicit.add(abs);
  }
  const rootOf = (file: string) =>
    roots.filter((r) => file.startsWith(r + sep) || file === r).sort((a, b) => b.length - a.length)[0];
  return files.flatMap((file) => {
    const project = lookup(file);
    const keep =
      explicit.has(file) ||
      isSelected(file, project, { includeTests: options.includeTests === true, root: rootOf(file) });
    const config = { rules: { ...project?.rules, ...options.config.rules } };
    return keep ? [{ file, config, project }] : [];
  });
}

/**
 * The catalog of a file: the built-in packs its project configuration keeps,
 * `--catalog`s, and its configuration's `catalogs` and `openapi`, loaded once each.
 */
function catalogLoader(options: LintOptions, err: Out) {
  const loaded = new Map<string, ErrorKnowledge | undefined>();
  let failed = false;
  const load = (key: string, paths: string[], packs: PackSelection = true) => {
    if (!loaded.has(key)) {
      const result = loadCatalogFiles(paths, process.cwd(), Catalog.builtin(packs));
      for (const p of result.problems)
        err.write(`api-error-insight lint: ${printableLine(p.path)}: ${printableLine(p.message)}\n`);
      if (result.problems.length > 0) failed = true;
      loaded.set(key, result.catalog);
    }
    return loaded.get(key);
  };
  load("", options.catalogs);
  return {
    of(project: ProjectConfig | undefined): ErrorKnowledge | undefined {
      const extra = project ? [...project.catalogs, ...project.openapi] : [];
      if (extra.length === 0 && project?.packs === undefined) return loaded.get("");
      return load(project!.file, [...options.catalogs, ...extra], project!.packs);
    },
    failed: () => failed,
  };
}

function format(options: LintOptions, reports: FileReport[]): string {
  switch (options.format) {
    case "sarif":
      return formatSarif(reports, RULES, options.config);
    case "json":
      return formatJson(reports);
    case "github":
      return formatGithub(reports);
    case "junit":
      return formatJunit(reports);
    case "gitlab":
      return formatGitlab(reports);
    case "text":
      return formatText(reports);
  }
}

function errorsOnly(report: LintReport): LintReport {
  return {
    ...report,
    findings: report.findings.filter((f) => f.finding.severity === "error"),
    notices: report.notices.filter((n) => n.failed),
  };
}

function count(reports: FileReport[], severity: "error" | "warning"): number {
  return reports.reduce((n, r) => n + r.findings.filter((f) => f.finding.severity === severity).length, 0);
}

/** A file's report, plus what fixing did to it. */
interface LintReport extends FileReport {
  /** Problems fixed (or, in a dry run, that would be). */
  fixed?: number;
  /** The fixes as a unified diff (`--diff`). */
  diff?: string;
  /** The file's summary for the workspace index (first pass only). */
  summary?: ModuleSummary;
}

export function lintFile(
  engine: Engine,
  path: string,
  options: Pick<LintOptions, "config" | "fix"> & Pick<LintTask, "summarize" | "crossFile">,
  knowledge: ErrorKnowledge = Catalog.builtin(),
): LintReport {
  // Taken before reading: a file that changes after this is never overwritten by --fix.
  const mtimeMs = options.fix === "off" ? 0 : (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0);
  const read = readTextFile(path);
  if (!read.ok)
    return {
      path,
      findings: [],
      notices: [{ message: read.message, line: 1, column: 1, failed: isReadError(read) }],
    };
  const languageId = languageIdForPath(path);
  if (!languageId)
    return {
      path,
      findings: [],
      notices: [{ message: "not analysed: not a TypeScript, JavaScript or Python file", line: 1, column: 1 }],
    };
  const original = read.text;
  const doc = { text: original, languageId, path };
  const analyze = (text: string) =>
    engine.analyze({ ...doc, text }, options.config, {
      knowledge,
      outOfBudget: analysisBudget(),
      ...(options.crossFile ? { crossFile: options.crossFile } : {}),
    });
  let result = options.summarize
    ? engine.analyze(doc, options.config, { knowledge, outOfBudget: analysisBudget(), summarize: true })
    : analyze(original);
  // A file the analysis skipped (too large, out of time) stays unknown to the index.
  const summary =
    result.summary ?? (options.summarize && !result.skipped ? engine.summarize(doc, knowledge) : undefined);
  let text = original;
  const notices: Notice[] = [];
  let fixed = 0;
  let diff: string | undefined;
  if (options.fix !== "off" && !result.skipped) {
    const outcome = fixText(analyze, original, result);
    if (outcome.text !== original) {
      const written =
        options.fix === "write"
          ? writeIfUnchanged(path, { text: original, mtimeMs }, outcome.text)
          : encodeLike(rawBytes(path), original, outcome.text) === undefined
            ? NOT_PLAIN_UTF8
            : true;
      if (written === true) {
        ({ text, result, fixed } = outcome);
        diff = unifiedDiff(displayPath(path).split(sep).join("/"), original, text);
      } else notices.push({ message: written, line: 1, column: 1, failed: true });
    }
  }
  const report = reportOf(path, text, result);
  return {
    ...report,
    notices: [...notices, ...report.notices],
    fixed,
    diff,
    ...(summary ? { summary } : {}),
  };
}

function reportOf(path: string, text: string, result: AnalysisResult): FileReport {
  // Lines are counted only when something is reported (most files have nothing to report).
  let lines: LineIndex | undefined;
  const at = (offset: number) => {
    const p = (lines ??= new LineIndex(text)).positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const notices = result.skipped
    ? [{ message: result.skipped, line: 1, column: 1 }]
    : [
        ...syntaxNotice(result.syntaxProblems, at),
        ...(result.notices ?? []).map((n) => ({ message: n.message, ...at(n.start) })),
      ];
  return {
    path,
    notices,
    findings: result.findings.map((finding: Finding) => ({
      finding,
      start: at(finding.start),
      end: at(finding.end),
      ...(finding.related
        ? {
            related: finding.related.map((x) =>
              x.file
                ? {
                    message: x.message,
                    path: x.file.path,
                    start: { line: x.file.line + 1, column: x.file.character + 1 },
                    end: { line: x.file.endLine + 1, column: x.file.endCharacter + 1 },
                  }
                : { message: x.message, start: at(x.start), end: at(x.end) },
            ),
          }
        : {}),
    })),
  };
}

/**
 * Applies the fixes fix-all would apply, re-analyses, and repeats until no fix
 * is left (or MAX_FIX_PASSES), so that a second run changes nothing. A pass
 * that would make the file parse worse is not kept.
 */
export function fixText(
  analyze: (text: string) => AnalysisResult,
  original: string,
  first: AnalysisResult,
): { text: string; result: AnalysisResult; fixed: number } {
  let text = original;
  let result = first;
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = fixAllEdits(result.findings);
    if (edits.length === 0) break;
    const taken = new Set(edits.map((e) => `${e.start}:${e.end}:${e.newText}`));
    const applied = result.findings.filter((f) =>
      f.fixes.some(
        (fix) =>
          fix.edits.length > 0 && fix.edits.every((e) => taken.has(`${e.start}:${e.end}:${e.newText}`)),
      ),
    ).length;
    const next = applyEdits(text, edits);
    if (next === text) break;
    const after = analyze(next);
    if (after.skipped || after.syntaxProblems.length > result.syntaxProblems.length) break;
    text = next;
    result = after;
    fixed += applied;
  }
  return { text, result, fixed };
}

const NOT_PLAIN_UTF8 = "not fixed: the file is not plain UTF-8 (UTF-16, or bytes that are not valid UTF-8)";
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The bytes of a regular file (never blocking on a pipe), or undefined. */
function rawBytes(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    return stat.isFile() && stat.size <= MAX_SOURCE_BYTES ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes to write for `text` when the file held `bytes` decoding to
 * `original`: UTF-8, keeping a UTF-8 byte-order mark. Undefined when the file
 * is not plain UTF-8 (writing it back would change more than the fix).
 */
function encodeLike(bytes: Buffer | undefined, original: string, text: string): Buffer | undefined {
  if (!bytes) return undefined;
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM) ? UTF8_BOM : Buffer.alloc(0);
  if (!Buffer.concat([bom, Buffer.from(original, "utf8")]).equals(bytes)) return undefined;
  return Buffer.concat([bom, Buffer.from(text, "utf8")]);
}

/**
 * Writes the fixed text unless the file changed on disk since it was read
 * (another modification time or other content): true when written, else why not.
 */
export function writeIfUnchanged(
  path: string,
  read: { text: string; mtimeMs: number },
  text: string,
): true | string {
  const stat = statSync(path, { throwIfNoEntry: false });
  const bytes = rawBytes(path);
  if (!stat || !bytes || stat.mtimeMs !== read.mtimeMs || decode(bytes) !== read.text)
    return "not fixed: the file changed on disk while it was being linted; run again";
  const encoded = encodeLike(bytes, read.text, text);
  if (!encoded) return NOT_PLAIN_UTF8;
  try {
    writeFileSync(path, encoded);
    return true;
  } catch (e) {
    return `not fixed: could not be written: ${reason(e)}`;
  }
}

function syntaxNotice(
  problems: SyntaxProblem[],
  at: (o: number) => { line: number; column: number },
): Notice[] {
  if (problems.length === 0) return [];
  const first = at(problems[0]!.start);
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  return [
    {
      message: `does not parse cleanly: ${problems[0]!.message}${more}; the rest of the file was analysed`,
      ...first,
    },
  ];
}

function reason(e: unknown): string {
  const error = e as NodeJS.ErrnoException;
  if (error.code === "EACCES" || error.code === "EPERM") return "permission denied";
  if (error.code === "ENOENT") return "no such file or directory";
  if (error.code === "ENOTDIR") return "a part of the path is not a folder";
  if (error.code === "EISDIR") return "it is a folder";
  return error.message ?? String(e);
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}
