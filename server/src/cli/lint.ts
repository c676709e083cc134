/** `api-error-insight lint <paths...>`: analyse files and print the findings. */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Engine } from "../core/engine";
import { RULES, ruleById } from "../core/rules/index";
import { LineIndex } from "../core/parse/line-index";
import {
  languageIdForPath,
  type Config,
  type Finding,
  type SeveritySetting,
  type SyntaxProblem,
} from "../core/types";
import { ConfigError, configLookup, isSelected, type ProjectConfig } from "../node/config";
import { createEngine } from "../node/engine";
import { collectFiles } from "./files";
import { formatJson, formatSarif, formatText, type FileReport } from "./format";

interface Out {
  write(s: string): void;
}

/** Files above this size are reported as skipped instead of being read. */
const MAX_FILE_BYTES = 2_000_000;

export interface LintOptions {
  paths: string[];
  format: "text" | "json" | "sarif";
  config: Config;
  output?: string;
  /** `--config <file>`: this configuration for every file instead of the nearest one. */
  configFile?: string;
  /** `--no-config`: no project configuration. */
  noConfig?: boolean;
  /** `--include-tests`: lint test files found in directories too. */
  includeTests?: boolean;
}

export class UsageError extends Error {}

export function parseLintArgs(args: string[]): LintOptions {
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  let format: LintOptions["format"] = "text";
  let output: string | undefined;
  let configFile: string | undefined;
  let noConfig = false;
  let includeTests = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--format":
      case "-f": {
        const f = value();
        if (f !== "text" && f !== "json" && f !== "sarif")
          throw new UsageError(`unknown format '${f}' (use text, json or sarif)`);
        format = f;
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
      case "--output":
      case "-o":
        output = value();
        break;
      case "--config":
        configFile = value();
        break;
      case "--no-config":
        noConfig = true;
        break;
      case "--include-tests":
        includeTests = true;
        break;
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option '${arg}'`);
        paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError("lint needs at least one file or directory");
  if (noConfig && configFile !== undefined)
    throw new UsageError("--config and --no-config cannot be used together");
  return { paths, format, config: { rules }, output, configFile, noConfig, includeTests };
}

export async function runLint(args: string[], out: Out, err: Out): Promise<number> {
  let options: LintOptions;
  try {
    options = parseLintArgs(args);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`api-error-insight lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const { files, missing } = collectFiles(options.paths);
  if (missing.length > 0) {
    err.write(`api-error-insight lint: no such file or directory: ${missing.join(", ")}\n`);
    return 2;
  }
  let selected: { file: string; config: Config }[];
  try {
    selected = selectFiles(options, files);
  } catch (e) {
    if (e instanceof ConfigError) {
      err.write(`api-error-insight lint: configuration error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const engine = await createEngine();
  const reports = selected.map(({ file, config }) => lintFile(engine, file, config));
  const text =
    options.format === "sarif"
      ? formatSarif(reports, RULES, options.config)
      : options.format === "json"
        ? formatJson(reports)
        : formatText(reports);
  if (options.output) writeFileSync(options.output, text);
  else out.write(text);
  return reports.some((r) => r.findings.some((f) => f.finding.severity === "error")) ? 1 : 0;
}

/**
 * The files that are the project's to lint, each with its configuration: the
 * nearest project configuration's rules under the command line's `--rule`s.
 * Files named on the command line are always linted; files found in a
 * directory skip test files (unless included) and what the configuration
 * ignores or does not include. Throws ConfigError.
 */
function selectFiles(options: LintOptions, files: string[]): { file: string; config: Config }[] {
  const lookup = configLookup(options);
  const explicit = new Set<string>();
  const roots: string[] = [];
  for (const given of options.paths) {
    const abs = resolve(given);
    if (statSync(abs).isFile()) explicit.add(abs);
    else roots.push(abs);
  }
  const rootOf = (file: string) =>
    roots.filter((r) => file.startsWith(r)).sort((a, b) => b.length - a.length)[0];
  const withRules = (project: ProjectConfig | undefined): Config => ({
    rules: { ...project?.rules, ...options.config.rules },
  });
  return files.flatMap((file) => {
    const project = lookup(file);
    const keep =
      explicit.has(file) ||
      isSelected(file, project, { includeTests: options.includeTests === true, root: rootOf(file) });
    return keep ? [{ file, config: withRules(project) }] : [];
  });
}

export function lintFile(engine: Engine, path: string, config: Config): FileReport {
  const languageId = languageIdForPath(path)!;
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (e) {
    return {
      path,
      findings: [],
      notices: [{ message: `could not be read: ${(e as Error).message}`, line: 1, column: 1 }],
    };
  }
  if (buffer.length > MAX_FILE_BYTES) {
    return {
      path,
      findings: [],
      notices: [
        {
          message: `not analysed: ${buffer.length} bytes is more than the ${MAX_FILE_BYTES}-byte limit`,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const text = buffer.toString("utf8");
  const result = engine.analyze({ text, languageId, path }, config);
  const lines = new LineIndex(text);
  const at = (offset: number) => {
    const p = lines.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const notices = result.skipped
    ? [{ message: result.skipped, line: 1, column: 1 }]
    : syntaxNotice(result.syntaxProblems, at);
  return {
    path,
    notices,
    findings: result.findings.map((finding: Finding) => ({
      finding,
      start: at(finding.start),
      end: at(finding.end),
    })),
  };
}

function syntaxNotice(problems: SyntaxProblem[], at: (o: number) => { line: number; column: number }) {
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
