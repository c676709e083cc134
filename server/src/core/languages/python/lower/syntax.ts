/** The syntax snapshot the Python lowering reads (`Syn`), the grammar's node groups and stateless helpers. */

import type { ReusePlan } from "../../../ir/reuse";
import type { TreeCursor } from "web-tree-sitter";
import type { Span } from "../../../types";
import type { ParsedDocument } from "../../../parse/parser";
import type { FunctionDef, Stmt } from "../../../ir/types";

// ---------------------------------------------------------------- syntax snapshot

/** Tree depth beyond which children are not read (they lower to an empty `Opaque`). */
export const MAX_DEPTH = 500;

/** More links than this in one chained comparison lower to an `Opaque` (keeps the IR shallow). */
export const MAX_COMPARISON_CHAIN = 64;

/** A syntax node copied out of the tree once. */
export interface Syn extends Span {
  type: string;
  /** The field name this node has in its parent (`left`, `body`, ...). */
  field: string | undefined;
  named: boolean;
  kids: Syn[];
  /** The node lies deeper than `MAX_DEPTH`: its children were not read. */
  truncated: boolean;
  /** A top-level statement taken over from the previous version's IR (its children were not read). */
  reused?: Stmt[];
}

/** Anonymous tokens the lowering never looks at: skipped to keep the copy small. */
export const PUNCTUATION = new Set(["(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "->", ":="]);

/** Named nodes that carry no meaning for the lowering. */
export const IGNORED = new Set(["comment", "line_continuation"]);

/**
 * Named nodes whose children the lowering never reads: tokens, string pieces
 * (escape sequences are decoded from the text) and type annotations.
 */
export const OPAQUE_INSIDE = new Set([
  "identifier",
  "integer",
  "float",
  "string_start",
  "string_content",
  "string_end",
  "import_prefix",
  "type",
  "type_conversion",
  "format_specifier",
]);

/** What the snapshot does with a node type: drop it, copy it as a token, copy it without its children, or copy it whole. */
export type Keep = "skip" | "token" | "leaf" | "named";

export interface NodeKind {
  type: string;
  keep: Keep;
}

/**
 * Copies the tree into `Syn` objects with one cursor walk (no recursion).
 * Spans come from the document's `startOf`/`endOf`.
 */
export function snapshot(doc: ParsedDocument, reuse?: ReusePlan): Syn {
  const language = doc.tree.language;
  const kinds: NodeKind[] = [];
  const kindOf = (typeId: number): NodeKind => {
    let kind = kinds[typeId];
    if (kind === undefined) {
      const type = language.types[typeId] ?? "ERROR";
      const named = type === "ERROR" || language.nodeTypeIsNamed(typeId);
      let keep: Keep = named ? "named" : PUNCTUATION.has(type) ? "skip" : "token";
      if (named && IGNORED.has(type)) keep = "skip";
      else if (named && OPAQUE_INSIDE.has(type)) keep = "leaf";
      kind = { type, keep };
      kinds[typeId] = kind;
    }
    return kind;
  };

  const cursor = doc.tree.walk();
  try {
    const root = readNode(doc, cursor, kindOf(cursor.nodeTypeId));
    const stack: Syn[] = [root];
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      const kind = kindOf(cursor.nodeTypeId);
      let descendInto: Syn | undefined;
      if (kind.keep !== "skip") {
        const syn = readNode(doc, cursor, kind);
        stack[stack.length - 1]!.kids.push(syn);
        // A top-level statement outside the edit: its IR from the previous version is taken over.
        const reused =
          reuse && stack.length === 1 && kind.keep === "named" && !cursor.currentNode.hasError
            ? reuse.take(syn.start, syn.end, kind.type)
            : undefined;
        if (reused) syn.reused = reused;
        else if (kind.keep === "named") {
          if (stack.length >= MAX_DEPTH) syn.truncated = true;
          else descendInto = syn;
        }
      }
      if (descendInto && cursor.gotoFirstChild()) {
        stack.push(descendInto);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        cursor.gotoParent();
        stack.pop();
        if (stack.length === 0) return root;
      }
    }
  } finally {
    cursor.delete();
  }
}

export function readNode(doc: ParsedDocument, cursor: TreeCursor, kind: NodeKind): Syn {
  // Read positions off the cursor: materialising a Node per tree node costs more than the rest of the walk.
  // (The cursor's indices are UTF-16 offsets, like `doc.startOf`.)
  const fieldId = cursor.currentFieldId;
  return {
    type: kind.type,
    field: fieldId > 0 ? (doc.tree.language.fields[fieldId] ?? undefined) : undefined,
    named: kind.keep === "named" || kind.keep === "leaf",
    kids: [],
    truncated: false,
    start: cursor.startIndex,
    end: cursor.endIndex,
  };
}

export function fieldOf(n: Syn, field: string): Syn | undefined {
  return n.kids.find((k) => k.field === field);
}

export function fieldsOf(n: Syn, field: string): Syn[] {
  return n.kids.filter((k) => k.field === field);
}

export function namedKids(n: Syn): Syn[] {
  return n.kids.filter((k) => k.named);
}

export function firstNamed(n: Syn): Syn | undefined {
  return n.kids.find((k) => k.named);
}

export function kidOfType(n: Syn, type: string): Syn | undefined {
  return n.kids.find((k) => k.type === type);
}

export function spanOf(n: Span): Span {
  return { start: n.start, end: n.end };
}

/** The span of keyword token `type` in `n`, or an empty span at the start of `n` when it is missing. */
export function tokenSpan(n: Syn, type: string): Span {
  const token = kidOfType(n, type);
  return token ? spanOf(token) : { start: n.start, end: n.start };
}

// ---------------------------------------------------------------- lowering

export const STATEMENT_TYPES = new Set([
  "expression_statement",
  "if_statement",
  "match_statement",
  "for_statement",
  "while_statement",
  "try_statement",
  "with_statement",
  "function_definition",
  "decorated_definition",
  "class_definition",
  "return_statement",
  "raise_statement",
  "break_statement",
  "continue_statement",
  "pass_statement",
  "global_statement",
  "nonlocal_statement",
  "type_alias_statement",
  "import_statement",
  "import_from_statement",
  "future_import_statement",
  "delete_statement",
  "assert_statement",
  "print_statement",
  "exec_statement",
  "block",
]);

export const LITERAL_PATTERN_TYPES = new Set([
  "integer",
  "float",
  "string",
  "concatenated_string",
  "true",
  "false",
  "none",
]);

/** Patterns that stand for "anything" in a `case`. */
export const IRREFUTABLE = "irrefutable";

/** `{ [key]: value }`, or `{}` when value is undefined: the IR leaves absent optional fields out. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** `(((x)))` -> `x`, iteratively (parentheses can nest deeply). */
export function unwrapParens(n: Syn): Syn {
  let inner = n;
  while (inner.type === "parenthesized_expression" && !inner.truncated) {
    const kids = namedKids(inner);
    if (kids.length !== 1) break;
    inner = kids[0]!;
  }
  return inner;
}

/** The alternatives of a union pattern, split at `|`: `-1 | 2` -> [["-", 1], [2]]. */
export function splitUnion(kids: Syn[]): Syn[][] {
  const items: Syn[][] = [[]];
  for (const kid of kids) {
    if (kid.type === "|") items.push([]);
    else items[items.length - 1]!.push(kid);
  }
  return items.filter((item) => item.length > 0);
}

/** A lambda assigned to a name takes that name, as JS `const f = () => {}` does. */
export function nameFunction(fn: FunctionDef, target: Span & { name: string }): void {
  if (fn.name !== undefined) return;
  fn.name = target.name;
  fn.nameSpan = spanOf(target);
}

export const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\n": "",
  "\r\n": "",
};

/** Decodes the backslash escapes of one (non-raw) string literal's content. Unknown escapes stay as written. */
export function decodeEscapes(raw: string, isBytes: boolean): string {
  if (!raw.includes("\\")) return raw;
  return raw.replace(
    /\\(\r\n|[\n\\'"abfnrtv]|x[0-9a-fA-F]{2}|[0-7]{1,3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/g,
    (whole, esc: string) => {
      const simple = SIMPLE_ESCAPES[esc];
      if (simple !== undefined) return simple;
      const head = esc[0]!;
      if (head === "x") return String.fromCharCode(parseInt(esc.slice(1), 16));
      if (head === "u" || head === "U")
        return isBytes ? whole : String.fromCodePoint(Math.min(parseInt(esc.slice(1), 16), 0x10ffff));
      return String.fromCharCode(parseInt(esc, 8));
    },
  );
}
