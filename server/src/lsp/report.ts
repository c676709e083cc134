/**
 * The resilience report of the workspace, for the editor's "Show resilience
 * report" command: the same page `api-error-insight report` writes, built
 * from the open documents' text where a file is open and from disk elsewhere.
 */
import { relative } from "node:path";
import { collectFiles } from "../cli/files";
import type { Engine } from "../core/engine";
import type { ErrorKnowledge } from "../core/analysis/knowledge";
import { renderHtml } from "../core/report/html";
import { buildReport, reportDocument, type ReportEntry } from "../core/report/index";
import { languageIdForPath, type Config, type CrossFileInput } from "../core/types";
import { readTextFile } from "../node/files";
import type { ReportResult } from "../protocol";
import { VERSION } from "../version";

export interface WorkspaceReportDeps {
  engine: Engine;
  folders: readonly string[];
  configFor(folder: string): Promise<Config>;
  knowledgeFor(path: string): ErrorKnowledge | undefined;
  /** The text of an open document, if the file is open. */
  openText(path: string): string | undefined;
  /** What the workspace index knows about the files around a file. */
  crossFileFor?(path: string): CrossFileInput | undefined;
  isCancelled(): boolean;
}

export async function workspaceReport(deps: WorkspaceReportDeps, nonce?: string): Promise<ReportResult> {
  const entries: ReportEntry[] = [];
  let files = 0;
  for (const folder of deps.folders) {
    const config = await deps.configFor(folder);
    for (const path of collectFiles([folder]).files) {
      if (deps.isCancelled()) break;
      const languageId = languageIdForPath(path);
      if (!languageId) continue;
      let text = deps.openText(path);
      if (text === undefined) {
        const read = readTextFile(path);
        if (!read.ok) continue;
        text = read.text;
      }
      files++;
      const shown = deps.folders.length > 1 ? relative(folder, path) : relative(folder, path) || path;
      const knowledge = deps.knowledgeFor(path);
      const crossFile = deps.crossFileFor?.(path);
      entries.push(
        ...reportDocument(
          deps.engine,
          { text, languageId, path },
          shown,
          config,
          knowledge ?? undefined,
          crossFile ? { crossFile } : {},
        ).entries,
      );
    }
  }
  const report = buildReport(entries, files, { version: VERSION }, new Date().toISOString());
  return { html: renderHtml(report, "Resilience report", nonce), sites: report.summary.sites, files };
}
