import { Parsers, type GrammarBytes, type ParsedDocument } from "./parse/parser";
import type { HoverTarget } from "./hover-target";
import type { AnalysisResult, AnalyzeOptions, Config, SourceDocument } from "./types";
import { DEFAULT_CONFIG } from "./types";

/** Files larger than this are not analysed (a clear message instead). */
export const MAX_ANALYSED_CHARS = 2_000_000;

/**
 * The analysis engine: parse once, analyse, find hover targets. Pure apart
 * from the grammars it is handed; create one per process with `Engine.create`.
 */
export class Engine {
  private constructor(private readonly parsers: Parsers) {}

  static async create(grammars: GrammarBytes): Promise<Engine> {
    return new Engine(await Parsers.create(grammars));
  }

  parse(doc: SourceDocument): ParsedDocument {
    return this.parsers.parse(doc.text, doc.languageId);
  }

  analyze(doc: SourceDocument | ParsedDocument, config: Config = DEFAULT_CONFIG, options: AnalyzeOptions = {}): AnalysisResult {
    void config;
    void options;
    const skipped = skipReason(doc.text);
    if (skipped) return { findings: [], syntaxProblems: [], skipped };
    const parsed = "tree" in doc ? doc : this.parse(doc);
    return { findings: [], syntaxProblems: parsed.syntaxProblems };
  }

  /** The status / error code / exception class / header at `offset`, in an HTTP context; undefined elsewhere. */
  hoverTargetAt(doc: ParsedDocument, offset: number): HoverTarget | undefined {
    void doc;
    void offset;
    return undefined;
  }
}

/** Why a text is not analysed at all, or undefined when it is fine. */
export function skipReason(text: string): string | undefined {
  if (text.length > MAX_ANALYSED_CHARS) {
    return `not analysed: the file has ${text.length} characters, more than the limit of ${MAX_ANALYSED_CHARS}`;
  }
  if (text.slice(0, 8000).includes("\u0000")) return "not analysed: the file looks binary (it contains NUL bytes)";
  return undefined;
}
