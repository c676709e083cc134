/** `api-error-insight lint <paths...>`: analyse files and print the findings. */
import { writeFileSync } from "node:fs";
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
import { Catalog } from "../core/catalog/index";
import type { ErrorKnowledge } from "../core/analysis/knowledge";
import { loadCatalogFiles } from "../node/catalog-files";
import { createEngine } from "../node/engine";
import { isReadError, readTextFile } from "../node/files";
import { collectFiles } from "./files";
import { formatJson, formatSarif, formatText, type FileReport } from "./format";

interface Out {
  write(s: string): void;
}

export interface LintOptions {
  paths: string[];
  /** User catalogs, OpenAPI documents or folders of them (`--catalog`, repeatable), as the editor's `catalog.paths`. */
  catalogs: string[];
  format: "text" | "json" | "sarif";
  config: Config;
  output?: string;
}

export class UsageError extends Error {}

export function parseLintArgs(args: string[]): LintOptions {
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  const catalogs: string[] = [];
  let format: LintOptions["format"] = "text";
  let output: string | undefined;
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
      case "--catalog":
        catalogs.push(value());
        break;
      case "--output":
      case "-o":
        output = value();
        break;
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option '${arg}'`);
        paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError("lint needs at least one file or directory");
  return { paths, catalogs, format, config: { rules }, output };
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
  const engine = await createEngine();
  const loaded = loadCatalogFiles(options.catalogs, process.cwd());
  for (const p of loaded.problems) err.write(`api-error-insight lint: ${p.path}: ${p.message}\n`);
  const reports = files.map((file) => lintFile(engine, file, options.config, loaded.catalog));
  const unread = reports.filter((r) => r.readError !== undefined);
  for (const r of unread) err.write(`api-error-insight lint: ${r.path} ${r.readError}\n`);
  const text =
    options.format === "sarif"
      ? formatSarif(reports, RULES, options.config)
      : options.format === "json"
        ? formatJson(reports)
        : formatText(reports);
  if (options.output) writeFileSync(options.output, text);
  else out.write(text);
  if (unread.length > 0 || loaded.problems.length > 0) return 2;
  return reports.some((r) => r.findings.some((f) => f.finding.severity === "error")) ? 1 : 0;
}

/** A file's report; `readError` is set when it should have been read and could not be. */
export type LintedFile = FileReport & { readError?: string };

export function lintFile(
  engine: Engine,
  path: string,
  config: Config,
  knowledge: ErrorKnowledge = Catalog.builtin(),
): LintedFile {
  const read = readTextFile(path);
  if (!read.ok) {
    const notice = { message: read.message, line: 1, column: 1 };
    return {
      path,
      findings: [],
      notices: [notice],
      ...(isReadError(read) ? { readError: read.message } : {}),
    };
  }
  const text = read.text;
  const languageId = languageIdForPath(path);
  if (!languageId)
    return {
      path,
      findings: [],
      notices: [{ message: "not analysed: not a TypeScript, JavaScript or Python file", line: 1, column: 1 }],
    };
  const result = engine.analyze({ text, languageId, path }, config, { knowledge });
  const lines = new LineIndex(text);
  const at = (offset: number) => {
    const p = lines.positionAt(offset);
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
