/**
 * The resilience report: per request site, the effective retry policy and its
 * findings, computed from one analysis of each file (the same parse, sites
 * and findings `lint` uses).
 */

import { Catalog } from "../catalog/index";
import type { Engine } from "../engine";
import type { ErrorKnowledge } from "../analysis/knowledge";
import type { Config, SourceDocument } from "../types";
import { DEFAULT_CONFIG } from "../types";
import { fileEntries } from "./inventory";
import type { ReportEntry } from "./model";

export { buildReport, compose, show } from "./inventory";
export type * from "./model";

export interface FileReportResult {
  entries: ReportEntry[];
  /** Why the file was not analysed, when it was not. */
  skipped?: string;
}

/** Analyses one document and returns its report entries (and its findings, for callers that lint too). */
export function reportDocument(
  engine: Engine,
  doc: SourceDocument,
  file: string,
  config: Config = DEFAULT_CONFIG,
  knowledge: ErrorKnowledge = Catalog.builtin(),
): FileReportResult {
  const parsed = engine.parse(doc);
  try {
    const result = engine.analyze(parsed, config, { knowledge });
    if (result.skipped) return { entries: [], skipped: result.skipped };
    const sites = engine.sites(parsed, knowledge);
    return {
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
