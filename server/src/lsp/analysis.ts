/**
 * Parse once per document version, analyse once per version and configuration:
 * the cache that hovers, diagnostics and code actions share.
 */
import type { Engine } from "../core/engine";
import { skipReason } from "../core/engine";
import type { HoverTarget } from "../core/hover-target";
import type { ParsedDocument } from "../core/parse/parser";
import { analysisBudget } from "../node/engine";
import type { RetryHint } from "../core/report/editor";
import type { ErrorKnowledge } from "../core/analysis/knowledge";
import {
  isLanguageId,
  languageIdForPath,
  type AnalysisResult,
  type AnalyzeOptions,
  type Config,
  type CrossFileInput,
  type LanguageId,
  type ModuleSummary,
} from "../core/types";

/** The part of an LSP text document the analysis needs. */
export interface VersionedText {
  uri: string;
  languageId: string;
  version: number;
  getText(): string;
}

/** One analysis with the time it took. */
export interface TimedAnalysis {
  result: AnalysisResult;
  elapsedMs: number;
  /** True when the analysis was cancelled part-way: the findings are incomplete. */
  cancelled: boolean;
}

interface Entry {
  version: number;
  languageId: LanguageId;
  parsed: ParsedDocument | undefined;
  /** Why the text is not analysed (too large, binary); set instead of `parsed`. */
  skipped: string | undefined;
  /** The knowledge the cached analyses were computed with; a different one starts afresh. */
  knowledge: ErrorKnowledge | undefined;
  /** Analyses of this version by configuration (a few at most: see MAX_CONFIGS). */
  analyses: Map<string, TimedAnalysis>;
  /**
   * Time spent on this version before its first analysis: the parse, and the lowering a hover
   * or inlay-hint request did first. Counted into each analysis's time, so the status shows
   * what analysing the version costs, not the last step that earlier requests left over.
   */
  preparedMs: number;
  /** True once an analysis of this version ran: later requests find its lowering done. */
  analysed: boolean;
}

/** How long `analyzeAsync` works before it lets other requests in, in ms. */
export const SLICE_MS = 10;

/** Analyses kept per document version: one per rule configuration, the oldest dropped first. */
export const MAX_CONFIGS = 4;

/** The workspace index as an analysis sees it: what it says about a document, and where its summary goes. */
export interface CrossFileLink {
  inputFor(uri: string): CrossFileInput | undefined;
  /** A document's summary after its analysis (the index decides whether dependents need analysing again). */
  summarized(uri: string, summary: ModuleSummary): void;
}

/** The language of a document: the client's id when it is ours, else the file extension's. */
export function documentLanguage(languageId: string, uri: string): LanguageId | undefined {
  if (isLanguageId(languageId)) return languageId;
  return languageIdForPath(uri.replace(/[?#].*$/, ""));
}

/**
 * Per-URI cache of the latest version's parse tree and analyses. Replacing or
 * forgetting an entry frees its tree (tree-sitter trees live in wasm memory).
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Counts `clearAnalyses` calls: an analysis that spans one is not kept. */
  private generation = 0;

  /**
   * @param knowledgeFor the knowledge (catalog) a document is analysed with:
   *   its workspace folder's user catalogs over the built-in one.
   */
  constructor(
    private readonly engine: Engine,
    private readonly knowledgeFor: (uri: string) => ErrorKnowledge | undefined = () => undefined,
    private readonly crossFile?: CrossFileLink,
  ) {}

  /** The parse of the document's current version; undefined when it is not ours or not analysed (binary, huge). */
  parsed(doc: VersionedText): ParsedDocument | undefined {
    return this.entry(doc)?.parsed;
  }

  /** Why the document is not analysed, if it is not. */
  skipped(doc: VersionedText): string | undefined {
    return this.entry(doc)?.skipped;
  }

  /**
   * Findings of the document's current version under `config`, cached. A
   * cancelled analysis is returned (marked) but not cached.
   */
  analyze(
    doc: VersionedText,
    config: Config,
    isCancelled: () => boolean = () => false,
  ): TimedAnalysis | undefined {
    const run = this.start(doc, config, isCancelled);
    if (!run || "cached" in run) return run?.cached;
    for (;;) {
      const next = run.steps.next();
      if (next.done) return run.done(next.value);
    }
  }

  /**
   * `analyze`, pausing every SLICE_MS of work so that the server answers
   * other requests (hovers, completions, cancellations) while a large file is
   * analysed. The analysis stops when `isCancelled` says so, or when the
   * document changed or the cached analyses were dropped during a pause.
   */
  async analyzeAsync(
    doc: VersionedText,
    config: Config,
    isCancelled: () => boolean = () => false,
  ): Promise<TimedAnalysis | undefined> {
    const generation = this.generation;
    const entry = this.entry(doc);
    const stale = (): boolean =>
      isCancelled() || this.generation !== generation || this.entries.get(doc.uri) !== entry;
    const run = this.start(doc, config, stale);
    if (!run || "cached" in run) return run?.cached;
    let sliceStart = performance.now();
    for (;;) {
      const next = run.steps.next();
      if (next.done) return run.done(next.value);
      if (performance.now() - sliceStart < SLICE_MS) continue;
      const paused = performance.now();
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
      run.paused(sliceStart - paused);
      // Nothing of a stale version is touched again: its tree may be freed already.
      if (stale()) return run.done({ findings: [], syntaxProblems: [] }, true);
    }
  }

  /** The cached analysis, or the steps of a new one and how to finish it. */
  private start(
    doc: VersionedText,
    config: Config,
    isCancelled: () => boolean,
  ):
    | { cached: TimedAnalysis }
    | {
        steps: Generator<void, AnalysisResult>;
        paused(ms: number): void;
        done(result: AnalysisResult, cancelled?: boolean): TimedAnalysis;
      }
    | undefined {
    const entry = this.entry(doc);
    if (!entry) return undefined;
    const knowledge = this.knowledgeFor(doc.uri);
    if (entry.knowledge !== knowledge) {
      entry.knowledge = knowledge;
      entry.analyses.clear();
    }
    // What the workspace index says about the files around it is part of what the analysis depends on.
    const input = this.crossFile?.inputFor(doc.uri);
    const key = JSON.stringify(config.rules) + (input ? JSON.stringify(input) : "");
    const cached = entry.analyses.get(key);
    if (cached) return { cached };
    const started = performance.now();
    let pausedMs = 0;
    let cancelled = false;
    const check = (): boolean => {
      if (!cancelled && isCancelled()) cancelled = true;
      return cancelled;
    };
    const done = (result: AnalysisResult, stopped = false): TimedAnalysis => {
      if (stopped) cancelled = true;
      // The whole cost of this version's analysis, though earlier requests did part of it.
      const elapsedMs = entry.preparedMs + performance.now() - started - pausedMs;
      const timed: TimedAnalysis = { result, elapsedMs, cancelled };
      if (!cancelled && result.summary) this.crossFile?.summarized(doc.uri, result.summary);
      if (!cancelled) {
        entry.analysed = true;
        if (entry.analyses.size >= MAX_CONFIGS) entry.analyses.delete(entry.analyses.keys().next().value!);
        entry.analyses.set(key, timed);
      }
      return timed;
    };
    if (entry.skipped !== undefined || !entry.parsed)
      return { cached: done({ findings: [], syntaxProblems: [], skipped: entry.skipped }) };
    const steps = this.engine.analyzeSteps(entry.parsed, config, {
      isCancelled: check,
      knowledge,
      // The budget counts the analysis's own slices, not the time other requests took in between.
      outOfBudget: analysisBudget(() => performance.now() - pausedMs),
      ...(this.crossFile ? { summarize: true } : {}),
      ...(input ? { crossFile: input } : {}),
    });
    return {
      steps,
      paused: (ms) => {
        pausedMs += ms;
      },
      done,
    };
  }

  /** The hover target at `offset` of the document's current version, if any. */
  hoverTargetAt(doc: VersionedText, offset: number): HoverTarget | undefined {
    const entry = this.entry(doc);
    const parsed = entry?.parsed;
    if (!entry || !parsed) return undefined;
    return this.timed(entry, () => this.engine.hoverTargetAt(parsed, offset, this.knowledgeFor(doc.uri)));
  }

  /** The inlay hints of the document's current version: one after each retry mechanism. */
  retryHints(doc: VersionedText): RetryHint[] {
    const entry = this.entry(doc);
    const parsed = entry?.parsed;
    if (!entry || !parsed) return [];
    return this.timed(entry, () => this.engine.retryHints(parsed, this.knowledgeFor(doc.uri)));
  }

  /** Runs `work` on an entry, adding its time to the entry's preparation until it is analysed. */
  private timed<T>(entry: Entry, work: () => T): T {
    if (entry.analysed) return work();
    const started = performance.now();
    try {
      return work();
    } finally {
      entry.preparedMs += performance.now() - started;
    }
  }

  /** Drops the document (on close) and frees its tree. */
  forget(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.entries.delete(uri);
    entry.parsed?.tree.delete();
  }

  /** Drops cached analyses (the parse trees stay): for a settings or catalog change. */
  clearAnalyses(): void {
    this.generation++;
    for (const entry of this.entries.values()) entry.analyses.clear();
  }

  private entry(doc: VersionedText): Entry | undefined {
    const languageId = documentLanguage(doc.languageId, doc.uri);
    if (!languageId) return undefined;
    const existing = this.entries.get(doc.uri);
    if (existing && existing.version === doc.version && existing.languageId === languageId) return existing;
    const text = doc.getText();
    const skipped = skipReason(text);
    // The previous version's tree makes the reparse incremental; it is freed right after.
    const previous = existing?.languageId === languageId ? existing.parsed : undefined;
    const started = performance.now();
    const parsed =
      skipped === undefined
        ? this.engine.parse({ text, languageId, path: doc.uri }, previous, { forEdits: true })
        : undefined;
    const entry: Entry = {
      version: doc.version,
      languageId,
      parsed,
      skipped: skipped ?? parsed?.skipped,
      knowledge: undefined,
      analyses: new Map(),
      preparedMs: performance.now() - started,
      analysed: false,
    };
    this.forget(doc.uri);
    this.entries.set(doc.uri, entry);
    return entry;
  }
}

/**
 * Analyses a text that is not open in the editor (a file read from disk) and
 * frees its tree right away: the background scan keeps no trees.
 */
export function analyzeText(
  engine: Engine,
  text: string,
  languageId: LanguageId,
  path: string,
  config: Config,
  knowledge?: ErrorKnowledge,
  isCancelled?: () => boolean,
  index?: Pick<AnalyzeOptions, "crossFile" | "summarize">,
): AnalysisResult {
  const skipped = skipReason(text);
  if (skipped !== undefined) return { findings: [], syntaxProblems: [], skipped };
  const parsed = engine.parse({ text, languageId, path });
  try {
    return engine.analyze(parsed, config, {
      isCancelled,
      knowledge,
      outOfBudget: analysisBudget(),
      ...index,
    });
  } finally {
    parsed.tree.delete();
  }
}
