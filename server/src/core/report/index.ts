/**
 * The resilience report: per request site, the effective retry policy and its
 * findings, computed from one analysis of each file (the same parse, sites
 * and findings `lint` uses).
 */

import { Catalog } from "../catalog/index";
import type { Engine } from "../engine";
import type { ErrorKnowledge } from "../analysis/knowledge";
import type { Config, SourceDocument } from "../types";
import type { CrossFileInput, ModuleSummary } from "../index/types";
import { DEFAULT_CONFIG } from "../types";
import { fileEntries } from "./inventory";
import type { ReportEntry } from "./model";

export { buildReport, compose, show } from "./inventory";
export type * from "./model";

export interface FileReportResult {
  entries: ReportEntry[];
  /** Why the file was not analysed, when it was not. */
  skipped?: string;
  /** The file's summary for the workspace index, when asked for. */
  summary?: ModuleSummary;
}

/** What the workspace index brings to a file's report, and whether to return its summary. */
export interface ReportIndexOptions {
  crossFile?: CrossFileInput;
  summarize?: boolean;
}

/** Analyses one document and returns its report entries (and its findings, for callers that lint too). */
export function reportDocument(
  engine: Engine,
  doc: SourceDocument,
  file: string,
  config: Config = DEFAULT_CONFIG,
  knowledge: ErrorKnowledge = Catalog.builtin(),
  index: ReportIndexOptions = {},
): FileReportResult {
  const parsed = engine.parse(doc);
  try {
    const crossFile = index.crossFile;
    const result = engine.analyze(parsed, config, {
      knowledge,
      ...(crossFile ? { crossFile } : {}),
      ...(index.summarize ? { summarize: true } : {}),
    });
    if (result.skipped) return { entries: [], skipped: result.skipped };
    const sites = engine.sites(parsed, knowledge, crossFile);
    return {
      ...(result.summary ? { summary: result.summary } : {}),
      entries: fileEntries({
        file,
        text: parsed.text,
        python: doc.languageId === "python",
        module: engine.ir(parsed),
        sites,
        findings: result.findings,
      }),
    };
  } finally {
    parsed.tree.delete();
  }
}
