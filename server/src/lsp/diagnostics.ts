/**
 * Findings -> LSP diagnostics, the per-document debounce for pushed
 * diagnostics, and the status summary of one analysis.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from "vscode-languageserver";
import { docsUrl } from "../core/rules/define";
import type { AnalysisResult, Finding, Severity } from "../core/types";
import { DIAGNOSTIC_SOURCE, type StatusParams } from "../protocol";
import type { AnalysisCache, TimedAnalysis, VersionedText } from "./analysis";
import type { Logger, OnceLogger } from "./logger";
import type { SettingsCache } from "./settings";
import { pathToUri } from "./uri";

/** Converts offsets of one text to LSP positions (a TextDocument or a LineIndex). */
export interface PositionMapper {
  positionAt(offset: number): { line: number; character: number };
}

/** What a diagnostic carries so that a code action can find its fix again. */
export interface DiagnosticData {
  ruleId: string;
  /** Index into `Finding.fixes` of the preferred fix; absent when the finding has none. */
  fixIndex?: number;
  /** The document version the diagnostic was computed for. */
  version: number;
}

/** Maps a core severity to the LSP one. */
export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case "error":
      return DiagnosticSeverity.Error;
    case "warning":
      return DiagnosticSeverity.Warning;
    case "info":
      return DiagnosticSeverity.Information;
  }
}

/** The LSP range of an offset span. */
export function toRange(mapper: PositionMapper, start: number, end: number): Range {
  return { start: mapper.positionAt(start), end: mapper.positionAt(Math.max(start, end)) };
}

/** One finding as an LSP diagnostic (source, code, docs link, fix reference). */
export function findingToDiagnostic(
  finding: Finding,
  mapper: PositionMapper,
  version: number,
  uri?: string,
): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, version };
  if (finding.fixes.length > 0) data.fixIndex = 0;
  return {
    ...(uri && finding.related
      ? {
          relatedInformation: finding.related.map((x) => ({
            location: x.file
              ? {
                  // In another file (a retry helper it imports): its own positions.
                  uri: pathToUri(x.file.path),
                  range: {
                    start: { line: x.file.line, character: x.file.character },
                    end: { line: x.file.endLine, character: x.file.endCharacter },
                  },
                }
              : { uri, range: toRange(mapper, x.start, x.end) },
            message: x.message,
          })),
        }
      : {}),
    range: toRange(mapper, finding.start, finding.end),
    severity: toLspSeverity(finding.severity),
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
    data,
  };
}

/** Every finding of an analysis as diagnostics, and what was not analysed as information; a skipped file has none. */
export function toDiagnostics(
  result: AnalysisResult,
  mapper: PositionMapper,
  version: number,
  uri?: string,
): Diagnostic[] {
  if (result.skipped !== undefined) return [];
  const notices = (result.notices ?? []).map((n): Diagnostic => ({
    range: toRange(mapper, n.start, n.start),
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: "not-analysed",
    message: n.message,
  }));
  const shown = result.findings.slice(0, MAX_DIAGNOSTICS);
  const diagnostics = [...shown.map((f) => findingToDiagnostic(f, mapper, version, uri)), ...notices];
  const hidden = result.findings.length - shown.length;
  if (hidden > 0) {
    // One more diagnostic, where the first hidden finding is, says how many are not shown.
    const first = result.findings[MAX_DIAGNOSTICS]!;
    diagnostics.push({
      range: toRange(mapper, first.start, first.start),
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: "too-many-problems",
      message: `... and ${hidden} more problems in this file (only the first ${MAX_DIAGNOSTICS} are shown; run \`api-error-insight lint\` for all).`,
    });
  }
  return diagnostics;
}

/** Diagnostics published per file at most: one file must not flood the client. */
export const MAX_DIAGNOSTICS = 500;

/** Reads `Diagnostic.data` back; undefined when it is not ours or malformed. */
export function readDiagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (
    !data ||
    typeof data !== "object" ||
    typeof data.ruleId !== "string" ||
    typeof data.version !== "number"
  )
    return undefined;
  return {
    ruleId: data.ruleId,
    version: data.version,
    ...(typeof data.fixIndex === "number" ? { fixIndex: data.fixIndex } : {}),
  };
}

/** The `apiErrorInsight/status` summary of one analysis. */
export function statusFor(uri: string, result: AnalysisResult, elapsedMs: number): StatusParams {
  const ms = Math.round(elapsedMs * 10) / 10;
  if (result.skipped !== undefined) return { uri, state: "warning", text: result.skipped, elapsedMs: ms };
  const count = result.findings.length;
  const problems = count === 1 ? "1 problem" : `${count} problems`;
  if (result.syntaxProblems.length > 0) {
    return {
      uri,
      state: "warning",
      text: `${problems}; the file has syntax errors, the rest was analysed`,
      elapsedMs: ms,
    };
  }
  return { uri, state: "ok", text: problems, elapsedMs: ms };
}

/** The status of an analysis that threw. */
export function failedStatus(uri: string, error: unknown): StatusParams {
  return { uri, state: "error", text: `analysis failed: ${errorMessage(error)}`, elapsedMs: 0 };
}

/** A one-line description of a thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The edit-to-diagnostics debounce: short, because SPEC 8 gives the whole round trip 50 ms. */
export const DIAGNOSTICS_DEBOUNCE_MS = 15;

/**
 * One pending run per key (a document URI): scheduling again replaces the
 * pending run, so a burst of edits analyses once, after the last one.
 */
export class Debouncer {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  schedule(key: string, delayMs: number, run: () => Promise<void> | void): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      try {
        Promise.resolve(run()).catch(this.onError);
      } catch (error) {
        this.onError(error);
      }
    }, delayMs);
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** What computing the diagnostics of an open document needs. */
export interface DocumentDiagnosticsDeps {
  /** The open document with this URI, at its current version. */
  document(uri: string): (VersionedText & PositionMapper) | undefined;
  analyses: AnalysisCache;
  settings: SettingsCache;
  log: Logger;
  skippedLog: OnceLogger;
  status(params: StatusParams): void;
}

/** The diagnostics of an open document's current version, or undefined when the document is gone. */
export interface DocumentDiagnostics {
  uri: string;
  version: number;
  diagnostics: Diagnostic[];
}

/**
 * Analyses the current version of an open document and returns its
 * diagnostics. Returns undefined when the document was closed, changed while
 * settings were read, or the analysis was cancelled: a caller never publishes
 * a stale result.
 */
export async function computeDocumentDiagnostics(
  deps: DocumentDiagnosticsDeps,
  uri: string,
  isCancelled: () => boolean = () => false,
): Promise<DocumentDiagnostics | undefined> {
  // The version as a number: TextDocuments updates a document object in place, so the object
  // read after the await is the same one and cannot tell that it changed.
  const versionBefore = deps.document(uri)?.version;
  if (versionBefore === undefined) return undefined;
  const { settings, config } = await deps.settings.get(uri);
  const doc = deps.document(uri);
  if (!doc || doc.version !== versionBefore || isCancelled()) return undefined;
  if (!settings.enable) return { uri, version: doc.version, diagnostics: [] };
  let timed: TimedAnalysis | undefined;
  try {
    // In slices, so that requests are answered while a large file is analysed; an edit in
    // the meantime stops it (its result would be stale).
    timed = await deps.analyses.analyzeAsync(
      doc,
      config,
      () => isCancelled() || deps.document(uri)?.version !== versionBefore,
    );
  } catch (error) {
    deps.log.error(
      `Analysis of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    deps.status(failedStatus(uri, error));
    return { uri, version: doc.version, diagnostics: [] };
  }
  if (!timed) return { uri, version: doc.version, diagnostics: [] };
  if (timed.cancelled || isCancelled()) return undefined;
  if (timed.result.skipped !== undefined)
    deps.skippedLog.info(`${uri}\n${timed.result.skipped}`, `${uri}: ${timed.result.skipped}`);
  deps.status(statusFor(uri, timed.result, timed.elapsedMs));
  return { uri, version: doc.version, diagnostics: toDiagnostics(timed.result, doc, doc.version, uri) };
}

/** Pushes diagnostics with their version, dropping results that are no longer current. */
export async function pushDocumentDiagnostics(
  deps: DocumentDiagnosticsDeps,
  uri: string,
  publish: (params: { uri: string; version: number; diagnostics: Diagnostic[] }) => void,
): Promise<void> {
  const computed = await computeDocumentDiagnostics(deps, uri);
  if (!computed) return;
  if (deps.document(uri)?.version !== computed.version) return;
  publish(computed);
}

/**
 * Schedules pushed diagnostics per document: edits wait for the debounce,
 * opening and saving analyse at once. With `run: "onSave"` edits do not
 * analyse; a pending open or save run is never downgraded by a later edit.
 */
export class PushScheduler {
  private readonly debouncer: Debouncer;
  private readonly forced = new Set<string>();

  constructor(
    private readonly deps: DocumentDiagnosticsDeps,
    private readonly publish: (params: { uri: string; version: number; diagnostics: Diagnostic[] }) => void,
    onError: (error: unknown) => void,
    private readonly debounceMs = DIAGNOSTICS_DEBOUNCE_MS,
  ) {
    this.debouncer = new Debouncer(onError);
  }

  /** The document was opened or saved: analyse now, whatever `run` says. */
  now(uri: string): void {
    this.forced.add(uri);
    this.debouncer.schedule(uri, 0, () => this.run(uri));
  }

  /** The document was edited: analyse after the debounce when `run` is `onType`. */
  edited(uri: string): void {
    this.debouncer.schedule(uri, this.forced.has(uri) ? 0 : this.debounceMs, () => this.run(uri));
  }

  /** The document was closed: drop whatever is pending. */
  cancel(uri: string): void {
    this.debouncer.cancel(uri);
    this.forced.delete(uri);
  }

  dispose(): void {
    this.debouncer.dispose();
  }

  private async run(uri: string): Promise<void> {
    const forced = this.forced.delete(uri);
    if (!forced) {
      const { settings } = await this.deps.settings.get(uri);
      if (settings.run === "onSave") return;
    }
    await pushDocumentDiagnostics(this.deps, uri, this.publish);
  }
}
