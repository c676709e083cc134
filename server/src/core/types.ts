/**
 * Public types of the analysis core. The core is pure: text in, findings out.
 * Offsets are UTF-16 code-unit offsets into the document text (the unit of JS
 * strings and of the LSP default position encoding).
 */

import type { CrossFileInput, ModuleSummary } from "./index/types";

export type { CrossFileInput, ModuleSummary };

export const LANGUAGE_IDS = [
  "javascript",
  "javascriptreact",
  "typescript",
  "typescriptreact",
  "python",
] as const;
export type LanguageId = (typeof LANGUAGE_IDS)[number];

/** The language family a rule or an extractor works on. */
export type LanguageFamily = "javascript" | "python";

export function languageFamily(id: LanguageId): LanguageFamily {
  return id === "python" ? "python" : "javascript";
}

export function isLanguageId(value: string): value is LanguageId {
  return (LANGUAGE_IDS as readonly string[]).includes(value);
}

/** Guess the language of a file from its name; undefined when it is not ours. */
export function languageIdForPath(path: string): LanguageId | undefined {
  const m = /\.([cm]?[jt]sx?|py|pyi)$/i.exec(path);
  if (!m) return undefined;
  const ext = m[1]!.toLowerCase();
  switch (ext) {
    case "ts":
    case "mts":
    case "cts":
      return "typescript";
    case "tsx":
      return "typescriptreact";
    case "jsx":
      return "javascriptreact";
    case "js":
    case "mjs":
    case "cjs":
      return "javascript";
    case "py":
    case "pyi":
      return "python";
    default:
      return undefined;
  }
}

export interface Span {
  start: number;
  end: number;
}

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | "off";

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** Shown in the editor's quick-fix menu, e.g. "Remove 401 from the retried statuses". */
  title: string;
  edits: TextEdit[];
  /**
   * Safe to apply unattended: the rewrite is certain and changes nothing but the
   * problem it fixes (shown by a behavioural test). Fix All, `source.fixAll` and
   * `lint --fix` apply only safe fixes; the editor marks them preferred. A fix that
   * needs a person to confirm something the code cannot show is offered, never applied in bulk.
   */
  safe: boolean;
}

/** Another place that is part of a finding (LSP relatedInformation, SARIF relatedLocations). */
export interface RelatedLocation {
  /** Offsets in the finding's document, or in `file` when set. */
  start: number;
  end: number;
  message: string;
  /** Set when the place is in another file (a retry helper it imports): that file and the 0-based range there. */
  file?: OtherFileRange;
}

/** A range in another file than the one analysed: its path (as the index knows it) and 0-based line/character positions. */
export interface OtherFileRange {
  path: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes: Fix[];
  /** Other places that make up the problem (the inner retry of a nested retry); absent when none. */
  related?: RelatedLocation[];
}

export interface Config {
  /** Per-rule severity; a rule not listed runs at its default severity. */
  rules: Readonly<Record<string, SeveritySetting>>;
}

export const DEFAULT_CONFIG: Config = { rules: {} };

export interface SourceDocument {
  text: string;
  languageId: LanguageId;
  /** For messages only; the core never reads it from disk. */
  path?: string;
}

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
}

/** A part of a file that was not analysed (too deeply nested ...), so that no finding is lost silently. */
export interface Notice {
  message: string;
  start: number;
  end: number;
}

export interface AnalysisResult {
  findings: Finding[];
  /** Parts of the file that were not analysed; absent when everything was. */
  notices?: Notice[];
  /** Places the parser could not read. Analysis still ran on the rest of the file. */
  syntaxProblems: SyntaxProblem[];
  /** Set when the file was not analysed at all (too large, binary ...). */
  skipped?: string;
  /** The file's summary for the workspace index, when asked for (`AnalyzeOptions.summarize`). */
  summary?: ModuleSummary;
}

export interface AnalyzeOptions {
  /** Checked between rules; a cancelled analysis returns what it has so far. */
  isCancelled?: () => boolean;
  /**
   * What the analysis knows about error codes and exception classes: the
   * built-in catalog with the caller's user catalogs over it. The built-in
   * catalog alone when omitted.
   */
  knowledge?: ErrorKnowledge;
  /**
   * Checked between the stages of the analysis and between rules: once it
   * returns true the file is skipped with a notice (the caller's time budget).
   */
  outOfBudget?: () => boolean;
  /**
   * What the workspace index knows about the other files this one imports and is imported by
   * (retry helpers it calls, its helpers that other files call with requests). Absent: the file
   * is judged alone, and an imported helper stays unknown.
   */
  crossFile?: CrossFileInput;
  /** Also return the file's summary for the workspace index (`AnalysisResult.summary`). */
  summarize?: boolean;
}

/** The error-code and exception-class knowledge of the catalog the analysis consults. */
export interface ErrorKnowledge {
  /** The status a code stands for (a throttling code sent with 400 stands for 429). */
  errorCodeStatus(code: string): number | undefined;
  /** The status a class stands for (a throttling exception stands for 429). */
  exceptionClassStatus(name: string): number | undefined;
  /** `network` for SDK connection and timeout classes. */
  exceptionClassKind?(name: string): string | undefined;
  /** The idempotency header of the one API the file calls that documents one (`PayPal-Request-Id`). */
  idempotencyHeaderName?(): string | undefined;
  /** Whether an API the file calls documents this header as its idempotency key (`PayPal-Request-Id`). */
  isIdempotencyHeader?(name: string): boolean;
  /** The status a code or class is sent with when it stands for another (AWS `ThrottlingException`: 400). */
  sentStatus?(name: string): number | undefined;
  /** Whether the API documents that retrying this code cannot succeed (`never` / `after-fix`). */
  isNonRetryableCode?(code: string): boolean;
  /** The status a class stands for in the knowledge pack of an API the file calls (undefined elsewhere). */
  packClassStatus?(name: string): number | undefined;
  /** Whether the catalog defines this exact error code (for hovers). */
  hasErrorCode?(code: string): boolean;
  /** Whether the catalog defines this exception class (for hovers). */
  hasExceptionClass?(name: string): boolean;
  /** Whether the catalog describes this header (for hovers). */
  hasHeader?(name: string): boolean;
  /** The APIs a file relates to, from its imports and the hosts of its literal URLs. */
  relatedApis?(signals: FileSignals): string[];
  /** This knowledge restricted to what counts for a file relating to `related`. */
  scoped?(related: readonly string[]): ErrorKnowledge;
}

/** What a file shows about the APIs it calls. */
export interface FileSignals {
  /** Imported module names (`stripe`, `@slack/web-api`, `botocore.exceptions`). */
  modules: string[];
  /** Hosts of literal URLs (`api.stripe.com`). */
  hosts: string[];
}
