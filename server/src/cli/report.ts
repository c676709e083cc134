/**
 * `api-error-insight report <paths...>`: the resilience report. Per request
 * site, the effective retry policy (attempts, waits, jitter, Retry-After,
 * idempotency, stacked mechanisms) and its findings, as a self-contained HTML
 * page or as JSON (schemas/report.schema.json).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { Engine } from "../core/engine";
import { buildReport, reportDocument, type Report, type ReportEntry } from "../core/report/index";
import { renderHtml } from "../core/report/html";
import { ruleById } from "../core/rules/index";
import { languageIdForPath, type Config, type SeveritySetting } from "../core/types";
import type { CrossFileInput, ModuleSummary } from "../core/index/types";
import { createEngine } from "../node/engine";
import { createResolver } from "../node/resolve";
import { summarizeFromDisk, WorkspaceIndex } from "../node/workspace-index";
import { readTextFile } from "../node/files";
import { VERSION } from "../version";
import { collectFiles } from "./files";
import { defaultJobs, MIN_FILES_FOR_WORKERS, runInWorkers } from "./jobs";
import { printableLine } from "./sanitize";
import { parseJobs, UsageError } from "./usage";

const USAGE = `Usage: api-error-insight report [options] [--] <paths...>

The resilience report: for every request in the files and folders given, its
effective retry policy (attempts, waits, jitter, Retry-After, idempotency) and
its findings.

Options:
  -f, --format <name>       html (default, a self-contained page) or json
  -o, --output <file>       write the report to a file (missing folders are created)
      --title <text>        the HTML page's title
      --rule <id>=<level>   set a rule to off, info, warning or error (repeatable)
  -j, --jobs <n>            analyse files in n worker threads (default: one per core; a run
                            of fewer than 16 files uses none). The report is the same for every n
  -h, --help                show this help
  --                        everything after it is a path
`;

interface Out {
  write(s: string): void;
}

export interface ReportOptions {
  paths: string[];
  format: "html" | "json";
  output?: string;
  config: Config;
  title?: string;
  /** `--jobs <n>`: worker threads; undefined: one per core, none for a small run. */
  jobs?: number;
}

export function parseReportArgs(args: string[]): ReportOptions | "help" {
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  let format: ReportOptions["format"] = "html";
  let output: string | undefined;
  let title: string | undefined;
  let jobs: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (arg === "--help" || arg === "-h") return "help";
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--format":
      case "-f": {
        const f = value();
        if (f !== "html" && f !== "json") throw new UsageError(`unknown format '${f}' (use html or json)`);
        format = f;
        break;
      }
      case "--output":
      case "-o":
        output = value();
        break;
      case "--title":
        title = value();
        break;
      case "--jobs":
      case "-j": {
        jobs = parseJobs(value());
        break;
      }
      case "--rule": {
        const spec = value();
        const at = spec.lastIndexOf("=");
        const id = at > 0 ? spec.slice(0, at) : spec;
        const severity = at > 0 ? spec.slice(at + 1) : "";
        if (!ruleById(id)) throw new UsageError(`unknown rule '${id}' (see \`api-error-insight rules\`)`);
        if (!["off", "info", "warning", "error"].includes(severity))
          throw new UsageError(`--rule ${spec}: the severity must be off, info, warning or error`);
        rules[id] = severity as SeveritySetting;
        break;
      }
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option '${arg}'`);
        paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError("report needs at least one file or directory");
  return {
    paths,
    format,
    output,
    config: { rules },
    ...(title ? { title } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
  };
}

export async function runReport(args: string[], out: Out, err: Out): Promise<number> {
  let options: ReportOptions | "help";
  try {
    options = parseReportArgs(args);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`api-error-insight report: ${printableLine(e.message)}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (options === "help") {
    out.write(USAGE);
    return 0;
  }
  const { files, missing, empty } = collectFiles(options.paths);
  const unmatched = [
    ...missing.map((p) => `${p}: no such file or directory`),
    ...empty.map((p) => `${p}: no TypeScript, JavaScript or Python file there`),
  ];
  if (unmatched.length > 0) {
    for (const line of unmatched) err.write(`api-error-insight report: ${printableLine(line)}\n`);
    return 2;
  }
  const report = await reportFiles(files, options.config, options.jobs);
  const text =
    options.format === "json" ? JSON.stringify(report, null, 2) + "\n" : renderHtml(report, options.title);
  if (options.output) {
    try {
      mkdirSync(dirname(resolve(options.output)), { recursive: true });
      writeFileSync(options.output, text);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      err.write(
        `api-error-insight report: cannot write the report to ${printableLine(options.output)}: ${code ?? String(e)}\n`,
      );
      return 2;
    }
  } else out.write(text);
  return 0;
}

/** One file to report on, as a worker thread gets it. */
export interface ReportTask {
  kind: "report";
  file: string;
  config: Config;
  /** Return the file's summary for the workspace index. */
  summarize?: boolean;
  /** What the workspace index knows about the files around it. */
  crossFile?: CrossFileInput;
}

/** What one file gives the report: its entries, and whether it was analysed at all. */
export interface FileEntries {
  analysed: boolean;
  entries: ReportEntry[];
  /** The file's summary for the workspace index (first pass only). */
  summary?: ModuleSummary;
}

/**
 * The report of a list of files, in this thread or in `--jobs` worker threads: the same report for
 * every n. As `lint` does, the first pass gives each file's summary to the workspace index, and
 * the files it has something to say about (a call of another file's retry helper, a retry
 * around another file's client) are reported again with it.
 */
export async function reportFiles(
  files: string[],
  config: Config,
  jobs?: number,
  now = new Date(),
): Promise<Report> {
  const n = jobs ?? (files.length < MIN_FILES_FOR_WORKERS ? 1 : Math.min(defaultJobs(), files.length));
  let engine: Engine | undefined;
  const run = async (tasks: ReportTask[]): Promise<FileEntries[]> => {
    if (n <= 1 || tasks.length <= 1) {
      engine ??= await createEngine();
      const e = engine;
      return tasks.map((task) => reportFile(e, task));
    }
    return runInWorkers<ReportTask, FileEntries>(__filename, tasks, n);
  };
  const first = await run(files.map((file) => ({ kind: "report", file, config, summarize: true })));
  engine ??= await createEngine();
  const e = engine;
  const index = new WorkspaceIndex(createResolver(), (file) => summarizeFromDisk(e, file));
  first.forEach((r, i) => {
    if (r.summary) index.set(files[i]!, r.summary);
  });
  const again = files.flatMap((file, i) => {
    const crossFile = index.inputFor(file);
    return crossFile ? [{ i, task: { kind: "report" as const, file, config, crossFile } }] : [];
  });
  const second = await run(again.map((a) => a.task));
  const perFile = first.map(({ summary: _, ...r }) => r);
  again.forEach(({ i }, k) => (perFile[i] = second[k]!));
  return compile(perFile, now);
}

/** The report of a list of files, each analysed once in this thread (the same analysis `lint` runs). */
export function projectReport(engine: Engine, files: string[], config: Config, now = new Date()): Report {
  return compile(
    files.map((file) => reportFile(engine, { kind: "report", file, config })),
    now,
  );
}

/** One file's entries (the unit of work of a `--jobs` worker). */
export function reportFile(engine: Engine, task: ReportTask): FileEntries {
  const path = task.file;
  const languageId = languageIdForPath(path);
  if (!languageId) return { analysed: false, entries: [] };
  const read = readTextFile(path);
  if (!read.ok) return { analysed: false, entries: [] };
  const shown = relative(process.cwd(), path) || path;
  const result = reportDocument(
    engine,
    { text: read.text, languageId, path },
    shown,
    task.config,
    undefined,
    {
      ...(task.crossFile ? { crossFile: task.crossFile } : {}),
      ...(task.summarize ? { summarize: true } : {}),
    },
  );
  return {
    analysed: true,
    entries: result.entries,
    ...(result.summary ? { summary: result.summary } : {}),
  };
}

function compile(perFile: FileEntries[], now: Date): Report {
  const entries = perFile.flatMap((f) => f.entries);
  const analysed = perFile.filter((f) => f.analysed).length;
  return buildReport(entries, analysed, { version: VERSION }, now.toISOString());
}
