// Over 400 lines: the one entry of the core (parse, lower, context, sites, rules, hovers) and the per-version caches they share, which must be invalidated together after an edit.
import { Catalog } from "./catalog/index";
import type { HoverTarget } from "./hover-target";
import { findHoverTarget } from "./hover-target-finder";
import { languageFor } from "./languages/index";
import type { Module } from "./ir/types";
import { ReusePlan, type Segment } from "./ir/reuse";
import { unreadParts } from "./ir/unread";
import { LineIndex } from "./parse/line-index";
import { Parsers, type GrammarBytes, type ParsedDocument } from "./parse/parser";
import { formatMessage, type Rule } from "./rules/define";
import { RULES } from "./rules/index";
import { buildContext } from "./analysis/context";
import type { FileContext } from "./analysis/model";
import { finish, isCandidatesOnly, siteSteps } from "./sites";
import { contextKey, SiteReuse, type Edit, type SiteMemo } from "./site-reuse";
import { hasCrossFileInput } from "./index/cross-file";
import { summarizeModule } from "./index/summary";
import type { CrossFileInput, ModuleSummary } from "./index/types";
import { retryHints, retryPolicyAt, type EditorInput, type RetryHint } from "./report/editor";
import type { ErrorKnowledge } from "./analysis/knowledge";
import type { Sites } from "./analysis/types";
import { applySuppressions, parseDirectives } from "./suppress";
import type {
  AnalysisResult,
  AnalyzeOptions,
  Config,
  Finding,
  Notice,
  Severity,
  SourceDocument,
} from "./types";
import { DEFAULT_CONFIG, languageFamily } from "./types";

/**
 * Files larger than this, in UTF-8 bytes, are not analysed (a clear message
 * instead). The one size limit: the CLI, the background scan and open editor
 * buffers all measure a text the same way.
 */
export const MAX_ANALYSED_BYTES = 2_000_000;

const EMPTY_SUMMARY: ModuleSummary = { imports: [], helpers: {}, wrappers: {}, uses: [] };

/** A parsed document with its lowering, cached so hovers and analysis share one parse. */
interface Lowered {
  parsed: ParsedDocument;
  module: Module;
}

/**
 * The analysis engine: parse once, analyse, find hover targets. Pure apart
 * from the grammars it is handed; create one per process with `Engine.create`.
 */
export class Engine {
  private readonly lowered = new WeakMap<ParsedDocument, Module>();
  private readonly segments = new WeakMap<ParsedDocument, Segment[]>();
  private readonly notices = new WeakMap<ParsedDocument, Notice[]>();
  /** Per parse, per knowledge: both weak, so neither an old parse nor an old catalog is kept alive. */
  private readonly siteCache = new WeakMap<
    ParsedDocument,
    WeakMap<ErrorKnowledge, { ctx: FileContext; sites?: Sites }>
  >();

  /** What each parse's site extraction leaves for the next version's, with the knowledge it used. */
  private readonly siteMemos = new WeakMap<ParsedDocument, { knowledge: ErrorKnowledge; memo: SiteMemo }>();
  /** Parses whose caller may hand them back as the previous version of an edit. */
  private readonly editable = new WeakSet<ParsedDocument>();
  /** For a parse made from an edit: the previous version's memo and the edit. */
  private readonly edits = new WeakMap<
    ParsedDocument,
    { previous?: { knowledge: ErrorKnowledge; memo: SiteMemo }; edit: Edit }
  >();

  private constructor(private readonly parsers: Parsers) {}

  /**
   * The engine holds no knowledge: every call that needs it takes it (the
   * built-in catalog when not given), so callers with different user catalogs
   * share one engine.
   */
  static async create(grammars: GrammarBytes): Promise<Engine> {
    return new Engine(await Parsers.create(grammars));
  }

  /** The file context and sites of a parse, built once per parse and knowledge (hovers and analysis share them). */
  private analysisOf(
    doc: SourceDocument | ParsedDocument,
    knowledge: ErrorKnowledge,
    crossFile?: CrossFileInput,
  ): {
    parsed: ParsedDocument;
    ctx: FileContext;
    sites: () => Sites;
    siteSteps: () => Generator<void, Sites>;
  } {
    const { parsed, module } = this.lower(doc);
    let byKnowledge = this.siteCache.get(parsed);
    if (!byKnowledge) {
      byKnowledge = new WeakMap();
      this.siteCache.set(parsed, byKnowledge);
    }
    let entry = byKnowledge.get(knowledge);
    if (!entry) {
      entry = { ctx: buildContext(module, languageFor(parsed.languageId).profile, knowledge) };
      byKnowledge.set(knowledge, entry);
    }
    const cached = entry;
    if (hasCrossFileInput(crossFile)) {
      // What other files say changes the sites: computed for this analysis, not cached.
      const withIndex = (): Generator<void, Sites> => siteSteps(cached.ctx, parsed.text, crossFile);
      return { parsed, ctx: cached.ctx, sites: () => finish(withIndex()), siteSteps: withIndex };
    }
    const memos = this.siteMemos;
    const edits = this.edits;
    const edited = this.edits.get(parsed);
    const editable = this.editable.has(parsed);
    const steps = function* (): Generator<void, Sites> {
      if (cached.sites) return cached.sites;
      // After an edit, the results of the code it cannot have affected are taken over; a parse
      // nobody edits (the CLI, the background scan) keeps nothing for a next version.
      const previous = edited?.previous?.knowledge === knowledge ? edited.previous.memo : undefined;
      const reuse = editable
        ? new SiteReuse(cached.ctx, contextKey(cached.ctx, isCandidatesOnly()), previous, edited?.edit)
        : undefined;
      const sites = yield* siteSteps(cached.ctx, parsed.text, undefined, reuse);
      if (!cached.sites && reuse) {
        memos.set(parsed, { knowledge, memo: reuse.next });
        // The previous version's results are not needed any more (and would keep them alive).
        edits.delete(parsed);
      }
      // A request in between (a hover) may have finished the same work first: keep one.
      return (cached.sites ??= sites);
    };
    return { parsed, ctx: cached.ctx, sites: () => finish(steps()), siteSteps: steps };
  }

  /**
   * The summary of a document for the workspace index (its imports, the retry helpers it
   * exports, the helpers it hands requests to), without analysing it.
   */
  summarize(
    doc: SourceDocument | ParsedDocument,
    knowledge: ErrorKnowledge = Catalog.builtin(),
  ): ModuleSummary {
    if (skipReason(doc.text)) return EMPTY_SUMMARY;
    if (!("tree" in doc)) {
      const parsed = this.parse(doc);
      try {
        return this.summarize(parsed, knowledge);
      } finally {
        parsed.tree.delete();
      }
    }
    if (doc.skipped !== undefined) return EMPTY_SUMMARY;
    return summarizeModule(this.analysisOf(doc, knowledge).ctx, doc.text);
  }

  /**
   * Parses a document; pass the parse of its previous version to reparse incrementally. A
   * parse made from a previous version, or with `forEdits` (the first version of a document
   * open in an editor), keeps what its analysis found for the next version to take over.
   */
  parse(
    doc: SourceDocument,
    previous?: ParsedDocument,
    options: { forEdits?: boolean } = {},
  ): ParsedDocument {
    const parsed = this.parsers.parse(doc.text, doc.languageId, previous);
    if (previous || options.forEdits) this.editable.add(parsed);
    return parsed;
  }

  /** How much of a parse's site extraction was taken over from the previous version (for tests and tools). */
  siteReuse(doc: ParsedDocument): SiteMemo["stats"] | undefined {
    return this.siteMemos.get(doc)?.memo.stats;
  }

  /** The IR of a document (lowered once per parse; for tests and tools). */
  ir(doc: ParsedDocument): Module {
    return this.lower(doc).module;
  }

  /** The sites of a document (for tests and tools that explain what the analyser sees, and the report). */
  sites(
    doc: SourceDocument | ParsedDocument,
    knowledge: ErrorKnowledge = Catalog.builtin(),
    crossFile?: CrossFileInput,
  ): Sites {
    return this.analysisOf(doc, knowledge, crossFile).sites();
  }

  analyze(
    doc: SourceDocument | ParsedDocument,
    config: Config = DEFAULT_CONFIG,
    options: AnalyzeOptions = {},
  ): AnalysisResult {
    const skipped = skipReason(doc.text);
    if (skipped) return { findings: [], syntaxProblems: [], skipped };
    if (!("tree" in doc)) {
      // Parsed here, so freed here: tree-sitter trees live in wasm memory.
      const parsed = this.parse(doc);
      try {
        return this.analyze(parsed, config, options);
      } finally {
        parsed.tree.delete();
      }
    }
    return finish(this.analyzeSteps(doc, config, options));
  }

  /**
   * `analyze` of a parse in steps: it pauses between the stages, after each
   * loop and function of the site extraction, and between rules, so that a
   * server can answer other requests between them (or stop: `isCancelled`).
   */
  *analyzeSteps(
    parsed: ParsedDocument,
    config: Config = DEFAULT_CONFIG,
    options: AnalyzeOptions = {},
  ): Generator<void, AnalysisResult> {
    const skipped = skipReason(parsed.text);
    if (skipped) return { findings: [], syntaxProblems: [], skipped };
    if (parsed.skipped !== undefined) return { findings: [], syntaxProblems: [], skipped: parsed.skipped };
    this.lower(parsed);
    // Lines are counted only when a suppression comment needs them.
    let lines: LineIndex | undefined;
    const lineOf = (offset: number): number => (lines ??= new LineIndex(parsed.text)).positionAt(offset).line;
    const directives = parseDirectives(parsed.comments, lineOf);
    if (directives.some((d) => d.kind === "file" && d.rules.length === 0))
      return { findings: [], syntaxProblems: parsed.syntaxProblems };
    const active = RULES.filter(
      (r) =>
        (config.rules[r.id] ?? r.severity) !== "off" &&
        r.languages.includes(languageFamily(parsed.languageId)),
    );
    if (active.length === 0) return { findings: [], syntaxProblems: parsed.syntaxProblems };
    // The budget is checked between stages, steps and rules: a file that runs out is skipped.
    const outOfBudget = (): AnalysisResult | undefined =>
      options.outOfBudget?.()
        ? { findings: [], syntaxProblems: parsed.syntaxProblems, skipped: OUT_OF_BUDGET }
        : undefined;
    const early = outOfBudget();
    if (early) return early;
    yield;
    const analysis = this.analysisOf(parsed, options.knowledge ?? Catalog.builtin(), options.crossFile);
    const steps = analysis.siteSteps();
    let sites: Sites;
    for (;;) {
      const over = outOfBudget();
      if (over) return over;
      if (options.isCancelled?.()) return { findings: [], syntaxProblems: parsed.syntaxProblems };
      yield;
      const next = steps.next();
      if (next.done) {
        sites = next.value;
        break;
      }
    }
    const findings: Finding[] = [];
    for (const rule of active) {
      const over = outOfBudget();
      if (over) return over;
      if (options.isCancelled?.()) break;
      findings.push(...runRule(rule, sites, config));
    }
    const kept = applySuppressions(dedupeFindings(findings), directives, lineOf);
    kept.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
    const notices = this.unanalysed(parsed);
    return {
      findings: kept,
      syntaxProblems: parsed.syntaxProblems,
      ...(notices.length > 0 ? { notices } : {}),
      ...(options.summarize ? { summary: summarizeModule(analysis.ctx, parsed.text) } : {}),
    };
  }

  /** The status / error code / exception class / header at `offset`, in an HTTP context; undefined elsewhere. */
  hoverTargetAt(
    doc: ParsedDocument,
    offset: number,
    knowledge: ErrorKnowledge = Catalog.builtin(),
  ): HoverTarget | undefined {
    if (doc.skipped !== undefined) return undefined;
    const analysis = this.analysisOf(doc, knowledge);
    const found = findHoverTarget(analysis.ctx, offset);
    if (found) return analysis.ctx.related ? { ...found, related: analysis.ctx.related } : found;
    // On a retry mechanism (loop keyword, recursive call, decorator, helper call, library option), its policy.
    const policy = retryPolicyAt(this.editorInput(doc, analysis.sites()), offset);
    return policy
      ? {
          kind: "retry-policy",
          markdown: policy.markdown,
          start: policy.site.anchor.start,
          end: policy.site.anchor.end,
        }
      : undefined;
  }

  /** Inlay hints: after each retry mechanism, its policy in one line (the hover has it in full). */
  retryHints(doc: ParsedDocument, knowledge: ErrorKnowledge = Catalog.builtin()): RetryHint[] {
    if (doc.skipped !== undefined) return [];
    return retryHints(this.editorInput(doc, this.analysisOf(doc, knowledge).sites()));
  }

  private editorInput(doc: ParsedDocument, sites: Sites): EditorInput {
    return { text: doc.text, python: doc.languageId === "python", module: this.lower(doc).module, sites };
  }

  /**
   * The parts of a parse the lowering did not read (nested deeper than its
   * limit, or a statement it failed on): one notice for the first of each kind.
   */
  private unanalysed(parsed: ParsedDocument): Notice[] {
    let notices = this.notices.get(parsed);
    if (!notices) {
      notices = unreadParts(this.lower(parsed).module);
      this.notices.set(parsed, notices);
    }
    return notices;
  }

  private lower(doc: SourceDocument | ParsedDocument): Lowered {
    const parsed = "tree" in doc ? doc : this.parse(doc);
    let module = this.lowered.get(parsed);
    if (!module) {
      // After an edit, top-level statements outside it are taken over from the previous version.
      const previous = parsed.change ? this.segments.get(parsed.change.previous) : undefined;
      const reuse = previous && parsed.change ? new ReusePlan(previous, parsed.change) : undefined;
      if (reuse) {
        const { previous: before, start, oldEnd, newEnd } = parsed.change!;
        // The previous IR is shifted in place: that version must be lowered afresh if asked again.
        this.lowered.delete(before);
        this.segments.delete(before);
        this.siteCache.delete(before);
        // Its site results go to the new version (which shifts them too).
        this.edits.set(parsed, { previous: this.siteMemos.get(before), edit: { start, oldEnd, newEnd } });
        this.siteMemos.delete(before);
      }
      const segments: Segment[] = [];
      module = languageFor(parsed.languageId).lower(parsed, reuse, segments);
      this.lowered.set(parsed, module);
      this.segments.set(parsed, segments);
    }
    // The link to the previous version is not needed any more (and would keep it alive).
    delete parsed.change;
    return { parsed, module };
  }
}

function runRule(rule: Rule, sites: Sites, config: Config): Finding[] {
  const setting = config.rules[rule.id];
  // Rules that are off (by setting or by default) never run, so what is left is a severity.
  const severity = (setting && setting !== "off" ? setting : rule.severity) as Severity;
  const out: Finding[] = [];
  rule.check(sites, {
    report(r) {
      const template = (rule.messages as Record<string, string>)[r.messageId];
      if (template === undefined) throw new Error(`rule ${rule.id} has no message '${r.messageId}'`);
      out.push({
        ruleId: rule.id,
        severity,
        message: formatMessage(template, r.data),
        start: r.at.start,
        end: r.at.end,
        fixes: r.fixes ?? [],
        ...(r.related && r.related.length > 0 ? { related: r.related } : {}),
      });
    },
  });
  return out;
}

function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}:${f.start}:${f.end}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The notice of a file whose analysis ran out of its time budget. */
export const OUT_OF_BUDGET =
  "not analysed: the analysis took longer than its time budget (the file is unusually large or complex)";

/** Why a text is not analysed at all, or undefined when it is fine. */
export function skipReason(text: string): string | undefined {
  // Each UTF-16 code unit takes at most three bytes: short texts need no count.
  const bytes = text.length * 3 <= MAX_ANALYSED_BYTES ? 0 : utf8Length(text);
  if (bytes > MAX_ANALYSED_BYTES)
    return `not analysed: ${bytes} bytes is more than the ${MAX_ANALYSED_BYTES}-byte limit`;
  if (text.slice(0, 8000).includes("\u0000"))
    return "not analysed: the file looks binary (it contains NUL bytes)";
  return undefined;
}

/** The UTF-8 length of a text in bytes (as the file takes on disk). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else bytes += 2;
  }
  return bytes;
}
