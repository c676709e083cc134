import { Edit, Language, Parser, type Node, type Tree } from "web-tree-sitter";
import type { LanguageId, Span, SyntaxProblem } from "../types";

/**
 * The grammar files the core needs. Reading them is the caller's job: the
 * runtime at once, each grammar the first time a document of its language is
 * parsed (a Python file alone never loads the TypeScript grammars).
 */
export interface GrammarBytes {
  /** web-tree-sitter's own runtime (web-tree-sitter.wasm). */
  runtime: Uint8Array;
  /** The bytes of one grammar (tree-sitter-<name>.wasm). */
  grammar(name: GrammarName): Uint8Array;
}

export type GrammarName = "javascript" | "typescript" | "tsx" | "python";

export function grammarFor(languageId: LanguageId): GrammarName {
  switch (languageId) {
    case "typescript":
      return "typescript";
    case "typescriptreact":
      return "tsx";
    case "python":
      return "python";
    case "javascript":
    case "javascriptreact":
      // tree-sitter-javascript parses JSX too.
      return "javascript";
  }
}

export interface Comment extends Span {
  /** The comment text without its delimiters (`//`, `/*`, `#`), trimmed. */
  body: string;
}

export interface ParsedDocument {
  text: string;
  languageId: LanguageId;
  tree: Tree;
  comments: Comment[];
  syntaxProblems: SyntaxProblem[];
  /** Set when this parse was made from a previous version's: that version and the edit between them. */
  change?: { previous: ParsedDocument; start: number; oldEnd: number; newEnd: number };
  /**
   * Set when the text was not parsed: the parser gave up within its budget
   * (PARSE_STEPS_PER_CHAR). The tree is then an empty one and nothing is analysed.
   */
  skipped?: string;
  /** UTF-16 offset of a tree-sitter node's start / end. */
  startOf(node: Node): number;
  endOf(node: Node): number;
}

/**
 * The parse budget, in the parser's progress steps (about 100 parser
 * operations each): a constant plus this many per character. Ordinary code
 * takes about 0.02 steps per character; tree-sitter's error recovery on some
 * broken text (long operator chains broken by stray quotes) takes far more and
 * grows faster than the text. The count is deterministic, so the CLI and the
 * editor skip the same files.
 */
export const PARSE_STEPS_PER_CHAR = 0.1;
export const PARSE_STEPS_BASE = 1_000;

type WasmModule = Parameters<typeof Language.loadSync>[0];
/** The engine's WebAssembly compiler (a global the ES2022 library does not declare). */
const Wasm = (globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => WasmModule } })
  .WebAssembly;

/**
 * One parser per grammar, created on first use (the grammar is compiled
 * then, synchronously). Parsing is synchronous after `create`.
 */
export class Parsers {
  private readonly parsers = new Map<GrammarName, Parser>();

  private constructor(private readonly bytes: GrammarBytes) {}

  static async create(bytes: GrammarBytes): Promise<Parsers> {
    await Parser.init({ wasmBinary: bytes.runtime } as never);
    return new Parsers(bytes);
  }

  private parserFor(name: GrammarName): Parser {
    let parser = this.parsers.get(name);
    if (!parser) {
      parser = new Parser();
      parser.setLanguage(Language.loadSync(new Wasm.Module(this.bytes.grammar(name))));
      this.parsers.set(name, parser);
    }
    return parser;
  }

  /**
   * Parses a text. With `previous` (the parse of an earlier version of the same
   * document, same language), the edit between the two texts is found by their
   * common prefix and suffix and tree-sitter reuses the unchanged subtrees: a
   * keystroke in a large file reparses in a few milliseconds. `previous` stays valid.
   */
  parse(text: string, languageId: LanguageId, previous?: ParsedDocument): ParsedDocument {
    const parser = this.parserFor(grammarFor(languageId));
    let old: Tree | undefined;
    let change: ParsedDocument["change"];
    if (previous && previous.languageId === languageId && previous.skipped === undefined) {
      const edit = editBetween(previous.text, text);
      old = previous.tree.copy();
      old.edit(edit);
      change = { previous, start: edit.startIndex, oldEnd: edit.oldEndIndex, newEnd: edit.newEndIndex };
    }
    const budget = PARSE_STEPS_BASE + Math.ceil(text.length * PARSE_STEPS_PER_CHAR);
    let steps = 0;
    // Returning true from the progress callback cancels the parse (typed as void in web-tree-sitter).
    const progressCallback = (() => ++steps > budget) as unknown as () => void;
    // tree-sitter-python ends lines only at \n: a lone \r (old Mac line endings, which Python
    // accepts) is given to it as \n. Same length, so every offset stays valid.
    const input = languageId === "python" ? loneCarriageReturnsAsNewlines(text) : text;
    const tree = parser.parse(input, old ?? null, { progressCallback });
    old?.delete();
    if (!tree) {
      // A cancelled parse would resume on the next call: start the next one afresh.
      parser.reset();
      const empty = parser.parse("");
      if (!empty) throw new Error(`the ${languageId} parser returned no tree`);
      const doc = makeParsedDocument("", languageId, empty);
      return {
        ...doc,
        text,
        skipped: `not analysed: the parser gave up after ${budget} steps (the text is too broken to parse in time, for instance a long expression cut by a stray quote)`,
      };
    }
    const doc = makeParsedDocument(text, languageId, tree);
    if (change) doc.change = change;
    return doc;
  }
}

/** The text with every \r that is not followed by \n replaced by \n (same length). */
export function loneCarriageReturnsAsNewlines(text: string): string {
  let at = text.indexOf("\r");
  if (at === -1) return text;
  const parts: string[] = [];
  let from = 0;
  for (; at !== -1; at = text.indexOf("\r", at + 1)) {
    if (text.charCodeAt(at + 1) === 10) continue;
    parts.push(text.slice(from, at), "\n");
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** The single edit that turns `before` into `after`: their differing middle. */
export function editBetween(before: string, after: string): Edit {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  return new Edit({
    startIndex: prefix,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, prefix),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  });
}

/** Row and UTF-16 column of an offset. */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

function makeParsedDocument(text: string, languageId: LanguageId, tree: Tree): ParsedDocument {
  // web-tree-sitter feeds JS strings to the parser as UTF-16, so its indices are
  // already UTF-16 code-unit offsets: the unit the whole core uses.
  const startOf = (node: Node): number => node.startIndex;
  const endOf = (node: Node): number => node.endIndex;

  // Comments matter only for suppression directives: skip the walk when there can be none.
  const comments = text.includes("api-error-insight-disable")
    ? collectNodes(
        tree,
        (n) => n.type === "comment",
        () => true,
      )
    : [];
  const syntaxProblems: SyntaxProblem[] = [];
  if (tree.rootNode.hasError) {
    // Only subtrees that contain an error are entered.
    for (const node of collectNodesRaw(
      tree,
      (n) => n.isError || n.isMissing,
      (n) => n.hasError,
    )) {
      const start = startOf(node);
      syntaxProblems.push({
        message: node.isMissing ? `Syntax error: missing ${node.type}` : "Syntax error: unexpected input",
        start,
        end: Math.max(endOf(node), start),
      });
      if (syntaxProblems.length >= 100) break;
    }
  }
  return {
    text,
    languageId,
    tree,
    comments: comments.map((node) => {
      const start = startOf(node);
      const end = endOf(node);
      return { start, end, body: stripCommentDelimiters(text.slice(start, end)) };
    }),
    syntaxProblems,
    startOf,
    endOf,
  };

  function collectNodes(t: Tree, want: (n: Node) => boolean, enter: (n: Node) => boolean): Node[] {
    return collectNodesRaw(t, want, enter);
  }
}

/** Pre-order walk with a cursor, entering only subtrees `enter` accepts. */
function collectNodesRaw(tree: Tree, want: (n: Node) => boolean, enter: (n: Node) => boolean): Node[] {
  const out: Node[] = [];
  const cursor = tree.walk();
  let more = true;
  while (more) {
    const node = cursor.currentNode;
    if (want(node)) out.push(node);
    if (enter(node) && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        more = false;
        break;
      }
    }
  }
  cursor.delete();
  return out;
}

function stripCommentDelimiters(raw: string): string {
  if (raw.startsWith("//") || raw.startsWith("#")) return raw.replace(/^(\/\/|#)/, "").trim();
  if (raw.startsWith("/*"))
    return raw
      .replace(/^\/\*+/, "")
      .replace(/\*\/$/, "")
      .trim();
  return raw.trim();
}
