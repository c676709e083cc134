/**
 * `api-error-insight report <paths...>`: the resilience report. Per request
 * site, the effective retry policy (attempts, waits, jitter, Retry-After,
 * idempotency, stacked mechanisms) and its findings, as a self-contained HTML
 * page or as JSON (schemas/report.schema.json).
 */
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import type { Engine } from "../core/engine";
import { buildReport, reportDocument, type Report, type ReportEntry } from "../core/report/index";
import { renderHtml } from "../core/report/html";
import { ruleById } from "../core/rules/index";
import { languageIdForPath, type Config, type SeveritySetting } from "../core/types";
import { createEngine } from "../node/engine";
import { readTextFile } from "../node/files";
import { VERSION } from "../version";
import { collectFiles } from "./files";

interface Out {
  write(s: string): void;
}

export interface ReportOptions {
  paths: string[];
  format: "html" | "json";
  output?: string;
  config: Config;
  title?: string;
}

class UsageError extends Error {}

export function parseReportArgs(args: string[]): ReportOptions {
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  let format: ReportOptions["format"] = "html";
  let output: string | undefined;
  let title: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
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
  return { paths, format, output, config: { rules }, ...(title ? { title } : {}) };
}

export async function runReport(args: string[], out: Out, err: Out): Promise<number> {
  let options: ReportOptions;
  try {
    options = parseReportArgs(args);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`api-error-insight report: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const { files, missing } = collectFiles(options.paths);
  if (missing.length > 0) {
    err.write(`api-error-insight report: no such file or directory: ${missing.join(", ")}\n`);
    return 2;
  }
  const engine = await createEngine();
  const report = projectReport(engine, files, options.config);
  const text =
    options.format === "json" ? JSON.stringify(report, null, 2) + "\n" : renderHtml(report, options.title);
  if (options.output) writeFileSync(options.output, text);
  else out.write(text);
  return 0;
}

/** The report of a list of files: each analysed once (the same analysis `lint` runs). */
export function projectReport(engine: Engine, files: string[], config: Config, now = new Date()): Report {
  const entries: ReportEntry[] = [];
  let analysed = 0;
  for (const path of files) {
    const languageId = languageIdForPath(path);
    if (!languageId) continue;
    const read = readTextFile(path);
    if (!read.ok) continue;
    analysed++;
    const shown = relative(process.cwd(), path) || path;
    entries.push(...reportDocument(engine, { text: read.text, languageId, path }, shown, config).entries);
  }
  return buildReport(entries, analysed, { version: VERSION }, now.toISOString());
}
