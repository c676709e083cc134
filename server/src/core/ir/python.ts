/**
 * Lowers a tree-sitter-python tree into the language-neutral IR (`./types`).
 *
 * The tree is first copied into plain objects (`Syn`) in one iterative cursor
 * walk: the lowering then never calls back into the parser, reads field names
 * for free, and cannot overflow the stack on deeply nested input because the
 * copy stops descending at `MAX_DEPTH` (deeper nodes become empty `Opaque`s).
 *
 * Choices where Python has no direct IR counterpart:
 * - `a = b = e` gives one `VarStmt` per target; the first carries `e`, the
 *   later ones read the first target back (`b = a`), so `e` is lowered once.
 * - Starred unpacking (`first, *rest = xs`) binds `rest` with the path segment
 *   `"*1"`: the elements from index 1 on.
 * - `pass`, `global`, `nonlocal` and `type X = ...` are dropped; `del` and
 *   `assert` become an `ExprStmt` of an `Opaque` holding their expressions, so
 *   calls inside stay visible while an assert never reads as a branch.
 * - Docstrings stay as `ExprStmt`s of a string.
 * - In `match`, a bare capture pattern (`case other:`) matches anything and is
 *   a default case, like `case _:`; sequence, mapping and keyword patterns
 *   lower to one `Opaque` test.
 * - `import os.path` binds `os`: module "os.path", namespace "os".
 *   `from m import *` lowers to the name `{ imported: "*", local: "*" }`.
 * - Dict keys that are neither string nor number literals are not kept (the
 *   IR `Property` has no key expression).
 * - Syntax errors: an `ERROR` among statements lowers its statement children
 *   as statements and the loose expressions between them as opaque `ERROR`
 *   expression statements; an `ERROR` inside a compound statement's header
 *   (a line being edited) is lowered at the start of that statement's body.
 */

import type { ReusePlan, Segment } from "./reuse";
import type { TreeCursor } from "web-tree-sitter";
import type { Span } from "../types";
import type { ParsedDocument } from "../parse/parser";
import type {
  Arg,
  ArrayLit,
  CatchClause,
  ClassStmt,
  Expr,
  FunctionDef,
  IfStmt,
  ImportStmt,
  LoopStmt,
  Module,
  Opaque,
  Param,
  PatternBinding,
  Property,
  Stmt,
  StringLit,
  SwitchCase,
  SwitchStmt,
  Target,
  TryStmt,
} from "./types";

/**
 * Lowers a parsed Python document into the IR. Never throws on syntax errors:
 * `ERROR` nodes become `Opaque` nodes holding whatever could be lowered inside.
 */
export function lowerPython(doc: ParsedDocument, reuse?: ReusePlan, segments?: Segment[]): Module {
  const root = snapshot(doc, reuse);
  const lowering = new Lowering(doc.text);
  const body: Stmt[] = [];
  for (const kid of root.kids) {
    if (!kid.named) continue;
    const before = body.length;
    if (kid.reused) body.push(...kid.reused);
    else lowering.statement(kid, body);
    segments?.push({ start: kid.start, end: kid.end, type: kid.type, stmts: body.slice(before) });
  }
  return { body, start: root.start, end: root.end };
}

// ---------------------------------------------------------------- syntax snapshot

/** Tree depth beyond which children are not read (they lower to an empty `Opaque`). */
const MAX_DEPTH = 500;

/** More links than this in one chained comparison lower to an `Opaque` (keeps the IR shallow). */
const MAX_COMPARISON_CHAIN = 64;

/** A syntax node copied out of the tree once. */
interface Syn extends Span {
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
const PUNCTUATION = new Set(["(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "->", ":="]);

/** Named nodes that carry no meaning for the lowering. */
const IGNORED = new Set(["comment", "line_continuation"]);

/**
 * Named nodes whose children the lowering never reads: tokens, string pieces
 * (escape sequences are decoded from the text) and type annotations.
 */
const OPAQUE_INSIDE = new Set([
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
type Keep = "skip" | "token" | "leaf" | "named";

interface NodeKind {
  type: string;
  keep: Keep;
}

/**
 * Copies the tree into `Syn` objects with one cursor walk (no recursion).
 * Spans come from the document's `startOf`/`endOf`.
 */
function snapshot(doc: ParsedDocument, reuse?: ReusePlan): Syn {
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
          reuse && stack.length === 1 && kind.keep === "named" && kind.type !== "ERROR"
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

function readNode(doc: ParsedDocument, cursor: TreeCursor, kind: NodeKind): Syn {
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

function fieldOf(n: Syn, field: string): Syn | undefined {
  return n.kids.find((k) => k.field === field);
}

function fieldsOf(n: Syn, field: string): Syn[] {
  return n.kids.filter((k) => k.field === field);
}

function namedKids(n: Syn): Syn[] {
  return n.kids.filter((k) => k.named);
}

function firstNamed(n: Syn): Syn | undefined {
  return n.kids.find((k) => k.named);
}

function kidOfType(n: Syn, type: string): Syn | undefined {
  return n.kids.find((k) => k.type === type);
}

function spanOf(n: Span): Span {
  return { start: n.start, end: n.end };
}

/** The span of keyword token `type` in `n`, or an empty span at the start of `n` when it is missing. */
function tokenSpan(n: Syn, type: string): Span {
  const token = kidOfType(n, type);
  return token ? spanOf(token) : { start: n.start, end: n.start };
}

// ---------------------------------------------------------------- lowering

const STATEMENT_TYPES = new Set([
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

const LITERAL_PATTERN_TYPES = new Set([
  "integer",
  "float",
  "string",
  "concatenated_string",
  "true",
  "false",
  "none",
]);

/** Patterns that stand for "anything" in a `case`. */
const IRREFUTABLE = "irrefutable";

class Lowering {
  /** One entry per function being lowered: whether a `yield` was seen directly in it. */
  private readonly yields: boolean[] = [];

  constructor(private readonly text: string) {}

  // ------------------------------------------------------------ statements

  statements(nodes: Syn[]): Stmt[] {
    const out: Stmt[] = [];
    for (const n of nodes) if (n.named) this.statement(n, out);
    return out;
  }

  /**
   * The statements of `block`, preceded by any `ERROR` the parser left among the
   * children of the compound statement `n` (typically a line being edited).
   */
  private body(n: Syn, block: Syn | undefined): Stmt[] {
    const out: Stmt[] = [];
    for (const kid of n.kids) if (kid.type === "ERROR") this.errorStatements(kid, out);
    if (block) this.statement(block, out);
    return out;
  }

  /** Lowers one statement node, appending to `out`. */
  statement(n: Syn, out: Stmt[]): void {
    if (n.truncated) {
      out.push({ kind: "expr", expr: this.emptyOpaque(n), ...spanOf(n) });
      return;
    }
    switch (n.type) {
      case "expression_statement":
        this.expressionStatement(n, out);
        return;
      case "decorated_definition":
        this.decoratedDefinition(n, out);
        return;
      case "import_statement":
        this.importStatement(n, out);
        return;
      case "block":
        for (const kid of n.kids) if (kid.named) this.statement(kid, out);
        return;
      case "ERROR":
        this.errorStatements(n, out);
        return;
      case "pass_statement":
      case "global_statement":
      case "nonlocal_statement":
      case "type_alias_statement":
        return;
      default:
        out.push(this.singleStatement(n));
    }
  }

  /** Statements that lower to exactly one IR statement. */
  private singleStatement(n: Syn): Stmt {
    switch (n.type) {
      case "if_statement":
        return this.ifStatement(n);
      case "match_statement":
        return this.matchStatement(n);
      case "for_statement":
        return this.forStatement(n);
      case "while_statement":
        return this.whileStatement(n);
      case "try_statement":
        return this.tryStatement(n);
      case "with_statement":
        return this.withStatement(n);
      case "function_definition":
        return { kind: "function", fn: this.functionDef(n, n, []), ...spanOf(n) };
      case "class_definition":
        return this.classDef(n, n, []);
      case "return_statement":
        return { kind: "return", ...optional("value", this.optionalExpr(firstNamed(n))), ...spanOf(n) };
      case "raise_statement":
        // `raise X from e`: the cause is not what is thrown.
        return {
          kind: "throw",
          ...optional("value", this.optionalExpr(n.kids.find((k) => k.named && k.field !== "cause"))),
          ...spanOf(n),
        };
      case "break_statement":
        return { kind: "break", ...spanOf(n) };
      case "continue_statement":
        return { kind: "continue", ...spanOf(n) };
      case "import_from_statement":
      case "future_import_statement":
        return this.importFromStatement(n);
      default:
        // del, assert, Python 2 print/exec, stray expressions: keep their expressions visible.
        return { kind: "expr", expr: this.expr(n), ...spanOf(n) };
    }
  }

  private expressionStatement(n: Syn, out: Stmt[]): void {
    const kids = namedKids(n);
    const only = kids.length === 1 ? kids[0] : undefined;
    if (only?.type === "assignment") {
      this.assignment(n, only, out);
    } else if (only?.type === "augmented_assignment") {
      out.push(this.augmentedAssignment(n, only));
    } else {
      // `a, b` on its own is a tuple.
      out.push({ kind: "expr", expr: only ? this.expr(only) : this.arrayOf(kids, n), ...spanOf(n) });
    }
  }

  /** `x = e`, `x: T = e`, `x: T`, `a, b = e`, `a = b = e`. */
  private assignment(statement: Syn, n: Syn, out: Stmt[]): void {
    const links: Syn[] = [n];
    let last = n;
    for (let right = fieldOf(last, "right"); right?.type === "assignment"; right = fieldOf(last, "right")) {
      last = right;
      links.push(right);
    }
    const valueNode = fieldOf(last, "right");
    const value = valueNode ? this.expr(valueNode) : undefined;
    const firstLeft = fieldOf(n, "left");
    links.forEach((link, i) => {
      const left = fieldOf(link, "left");
      const target = left ? this.target(left) : this.opaqueTarget(link);
      const linkValue = i === 0 ? value : firstLeft && this.expr(firstLeft);
      if (linkValue?.kind === "function" && target.kind === "name") nameFunction(linkValue.fn, target);
      out.push({
        kind: "var",
        target,
        ...optional("value", linkValue),
        op: "=",
        declared: false,
        ...spanOf(i === 0 ? statement : link),
      });
    });
  }

  private augmentedAssignment(statement: Syn, n: Syn): Stmt {
    const left = fieldOf(n, "left");
    const right = fieldOf(n, "right");
    return {
      kind: "var",
      target: left ? this.target(left) : this.opaqueTarget(n),
      ...optional("value", this.optionalExpr(right)),
      op: fieldOf(n, "operator")?.type ?? "=",
      declared: false,
      ...spanOf(statement),
    };
  }

  /** Lowers the statements inside an `ERROR` node; the loose expressions between them go into opaque statements. */
  private errorStatements(n: Syn, out: Stmt[]): void {
    let pending: Expr[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      const start = pending[0]!.start;
      const end = pending[pending.length - 1]!.end;
      out.push({
        kind: "expr",
        expr: { kind: "opaque", what: "ERROR", children: pending, start, end },
        start,
        end,
      });
      pending = [];
    };
    for (const kid of namedKids(n)) {
      if (STATEMENT_TYPES.has(kid.type) || kid.type === "ERROR") {
        flush();
        this.statement(kid, out);
      } else {
        pending.push(this.expr(kid));
      }
    }
    flush();
  }

  // ------------------------------------------------------------ control flow

  /** `if` with its `elif`/`else` chain; each `elif` nests in the previous `else`. */
  private ifStatement(n: Syn): IfStmt {
    const alternatives = fieldsOf(n, "alternative");
    const elseClause = alternatives.find((a) => a.type === "else_clause");
    let tail: Stmt[] | undefined = elseClause
      ? this.body(elseClause, fieldOf(elseClause, "body"))
      : undefined;
    const elifs = alternatives.filter((a) => a.type === "elif_clause");
    for (let i = elifs.length - 1; i >= 0; i--) {
      const elif = elifs[i]!;
      const nested: IfStmt = {
        kind: "if",
        keyword: tokenSpan(elif, "elif"),
        test: this.requiredExpr(fieldOf(elif, "condition"), elif),
        then: this.body(elif, fieldOf(elif, "consequence")),
        ...optional("else", tail),
        isElif: true,
        start: elif.start,
        end: n.end,
      };
      tail = [nested];
    }
    return {
      kind: "if",
      keyword: tokenSpan(n, "if"),
      test: this.requiredExpr(fieldOf(n, "condition"), n),
      then: this.body(n, fieldOf(n, "consequence")),
      ...optional("else", tail),
      ...spanOf(n),
    };
  }

  private forStatement(n: Syn): LoopStmt {
    const left = fieldOf(n, "left");
    return {
      kind: "loop",
      loop: "for-in",
      keyword: tokenSpan(n, "for"),
      ...optional("binding", left && this.target(left)),
      ...optional("iterates", this.optionalExpr(fieldOf(n, "right"))),
      body: this.body(n, fieldOf(n, "body")),
      ...optional("orelse", this.elseBody(n)),
      ...spanOf(n),
    };
  }

  private whileStatement(n: Syn): LoopStmt {
    return {
      kind: "loop",
      loop: "while",
      keyword: tokenSpan(n, "while"),
      ...optional("test", this.optionalExpr(fieldOf(n, "condition"))),
      body: this.body(n, fieldOf(n, "body")),
      ...optional("orelse", this.elseBody(n)),
      ...spanOf(n),
    };
  }

  private elseBody(n: Syn): Stmt[] | undefined {
    const clause = n.kids.find((k) => k.type === "else_clause");
    return clause && this.body(clause, fieldOf(clause, "body"));
  }

  private tryStatement(n: Syn): TryStmt {
    const finallyClause = kidOfType(n, "finally_clause");
    return {
      kind: "try",
      keyword: tokenSpan(n, "try"),
      body: this.body(n, fieldOf(n, "body")),
      handlers: n.kids
        .filter((k) => k.type === "except_clause" || k.type === "except_group_clause")
        .map((k) => this.exceptClause(k)),
      ...optional("orelse", this.elseBody(n)),
      ...optional("finally", finallyClause && this.body(finallyClause, kidOfType(finallyClause, "block"))),
      ...spanOf(n),
    };
  }

  /** `except:`, `except E:`, `except (A, B) as e:`, `except* E as eg:`. */
  private exceptClause(n: Syn): CatchClause {
    let typeNode =
      fieldOf(n, "value") ?? n.kids.find((k) => k.named && k.type !== "block" && k.field !== "alias");
    let aliasNode = fieldOf(n, "alias");
    if (typeNode?.type === "as_pattern") {
      aliasNode = fieldOf(typeNode, "alias");
      typeNode = firstNamed(typeNode);
    }
    const bindingNode =
      aliasNode && (aliasNode.type === "as_pattern_target" ? firstNamed(aliasNode) : aliasNode);
    return {
      keyword: tokenSpan(n, "except"),
      types: typeNode ? this.exceptTypes(typeNode) : [],
      ...optional("binding", bindingNode?.type === "identifier" ? this.textOf(bindingNode) : undefined),
      body: this.body(n, kidOfType(n, "block")),
      ...spanOf(n),
    };
  }

  private exceptTypes(n: Syn): Expr[] {
    const inner = unwrapParens(n);
    if (inner.type === "tuple" && !inner.truncated) return namedKids(inner).map((k) => this.expr(k));
    return [this.expr(inner)];
  }

  /** `with a() as x, b():` -> a block with one `with` entry per item. */
  private withStatement(n: Syn): Stmt {
    const items = kidOfType(n, "with_clause")?.kids.filter((k) => k.type === "with_item") ?? [];
    const entries = items.map((item) => {
      const valueNode = fieldOf(item, "value") ?? firstNamed(item);
      if (valueNode?.type === "as_pattern") {
        const aliasNode = fieldOf(valueNode, "alias");
        const targetNode =
          aliasNode && (aliasNode.type === "as_pattern_target" ? firstNamed(aliasNode) : aliasNode);
        return {
          ...optional("target", targetNode && this.target(targetNode)),
          value: this.requiredExpr(firstNamed(valueNode), valueNode),
        };
      }
      return { value: this.requiredExpr(valueNode, item) };
    });
    return { kind: "block", body: this.body(n, fieldOf(n, "body")), with: entries, ...spanOf(n) };
  }

  // ------------------------------------------------------------ match

  private matchStatement(n: Syn): SwitchStmt {
    const subjects = fieldsOf(n, "subject");
    const [first] = subjects;
    const last = subjects[subjects.length - 1];
    // `match a, b:` matches a tuple.
    const subject =
      first && last && subjects.length > 1
        ? this.arrayOf(subjects, { start: first.start, end: last.end })
        : this.requiredExpr(first, n);
    const body = fieldOf(n, "body");
    const clauses = body ? body.kids.filter((k) => k.type === "case_clause") : [];
    return {
      kind: "switch",
      keyword: tokenSpan(n, "match"),
      subject,
      cases: clauses.map((c) => this.caseClause(c)),
      ...spanOf(n),
    };
  }

  private caseClause(n: Syn): SwitchCase {
    const guard = fieldOf(n, "guard");
    return {
      keyword: tokenSpan(n, "case"),
      tests: this.caseTests(n.kids.filter((k) => k.type === "case_pattern")),
      ...optional("guard", guard && this.requiredExpr(firstNamed(guard), guard)),
      body: this.body(n, fieldOf(n, "consequence")),
      ...spanOf(n),
    };
  }

  private caseTests(patterns: Syn[]): Expr[] {
    const [only] = patterns;
    if (!only) return [];
    if (patterns.length > 1) {
      // `case 1, 2:` is one sequence pattern, not two alternatives.
      return [
        this.opaqueOf(
          "sequence_pattern",
          patterns,
          patterns.map((p) => this.expr(p)),
        ),
      ];
    }
    const alternatives = this.patternAlternatives(only);
    return alternatives === IRREFUTABLE ? [] : alternatives;
  }

  /** The expressions a case pattern compares the subject with, or `IRREFUTABLE` for `_` and captures. */
  private patternAlternatives(n: Syn): Expr[] | typeof IRREFUTABLE {
    if (n.truncated) return [this.emptyOpaque(n)];
    switch (n.type) {
      case "case_pattern":
        return this.patternSequence(n, n.kids);
      case "union_pattern": {
        const out: Expr[] = [];
        for (const item of splitUnion(n.kids)) {
          const alternatives = this.patternSequence(n, item);
          if (alternatives === IRREFUTABLE) return IRREFUTABLE;
          out.push(...alternatives);
        }
        return out;
      }
      case "dotted_name":
        // A single name is a capture pattern: it matches anything.
        return namedKids(n).length === 1 ? IRREFUTABLE : [this.dottedName(n)];
      case "class_pattern": {
        const cls = kidOfType(n, "dotted_name");
        return [cls ? this.dottedName(cls) : this.expr(n)];
      }
      case "as_pattern": {
        const inner = firstNamed(n);
        return inner ? this.patternAlternatives(inner) : IRREFUTABLE;
      }
      case "tuple_pattern": {
        // `(429 | 503)`: a parenthesised group, not a one-element sequence.
        const inner = namedKids(n);
        if (inner.length === 1) return this.patternAlternatives(inner[0]!);
        return [this.opaque(n)];
      }
      default:
        // Sequence, mapping, keyword and complex-number patterns.
        return [this.opaque(n)];
    }
  }

  /** One alternative of a pattern, given as its tokens: `_`, `-1`, or a single pattern node. */
  private patternSequence(parent: Syn, kids: Syn[]): Expr[] | typeof IRREFUTABLE {
    const named = kids.filter((k) => k.named);
    const [only] = named;
    if (!only) {
      const wildcard = kids.length === 0 || kids.some((k) => k.type === "_");
      return wildcard ? IRREFUTABLE : [this.opaqueOf(parent.type, kids, [])];
    }
    if (named.length > 1)
      return [
        this.opaqueOf(
          parent.type,
          kids,
          named.map((k) => this.expr(k)),
        ),
      ];
    if (!LITERAL_PATTERN_TYPES.has(only.type)) return this.patternAlternatives(only);
    const minus = kids.find((k) => k.type === "-");
    const literal = this.expr(only);
    return [
      minus ? { kind: "unary", op: "-", operand: literal, start: minus.start, end: only.end } : literal,
    ];
  }

  /** `HTTPStatus.TOO_MANY_REQUESTS` in a pattern -> a member chain; `Foo` -> a name. */
  private dottedName(n: Syn): Expr {
    const parts = namedKids(n);
    const first = parts[0];
    if (!first) return this.emptyOpaque(n);
    let expr: Expr = { kind: "name", name: this.textOf(first), ...spanOf(first) };
    for (const part of parts.slice(1)) {
      expr = {
        kind: "member",
        object: expr,
        property: this.textOf(part),
        propertySpan: spanOf(part),
        start: first.start,
        end: part.end,
      };
    }
    return expr;
  }

  // ------------------------------------------------------------ functions and classes

  private decoratedDefinition(n: Syn, out: Stmt[]): void {
    const decorators = n.kids
      .filter((k) => k.type === "decorator")
      .map((d) => this.requiredExpr(firstNamed(d), d));
    const definition = fieldOf(n, "definition");
    if (definition?.type === "function_definition" && !definition.truncated) {
      out.push({ kind: "function", fn: this.functionDef(definition, n, decorators), ...spanOf(n) });
    } else if (definition?.type === "class_definition" && !definition.truncated) {
      out.push(this.classDef(definition, n, decorators));
    } else {
      out.push({ kind: "expr", expr: this.opaqueOf(n.type, [n], decorators), ...spanOf(n) });
    }
  }

  /** A `def`; `outer` is the decorated definition when there is one (its span includes the decorators). */
  private functionDef(n: Syn, outer: Syn, decorators: Expr[]): FunctionDef {
    const nameNode = fieldOf(n, "name");
    const params = this.params(fieldOf(n, "parameters"));
    this.yields.push(false);
    const body = this.body(n, fieldOf(n, "body"));
    const isGenerator = this.yields.pop() === true;
    return {
      ...optional("name", nameNode && this.textOf(nameNode)),
      ...optional("nameSpan", nameNode && spanOf(nameNode)),
      params,
      body,
      isAsync: n.kids.some((k) => k.type === "async"),
      ...(isGenerator ? { isGenerator } : {}),
      decorators,
      head: kidOfType(n, "def") ? tokenSpan(n, "def") : spanOf(nameNode ?? n),
      ...spanOf(outer),
    };
  }

  private lambda(n: Syn): Expr {
    const params = this.params(fieldOf(n, "parameters"));
    const bodyNode = fieldOf(n, "body");
    this.yields.push(false);
    const body: Stmt[] = bodyNode
      ? [{ kind: "return", value: this.expr(bodyNode), ...spanOf(bodyNode) }]
      : [];
    const isGenerator = this.yields.pop() === true;
    const fn: FunctionDef = {
      params,
      body,
      isAsync: false,
      ...(isGenerator ? { isGenerator } : {}),
      decorators: [],
      head: tokenSpan(n, "lambda"),
      ...spanOf(n),
    };
    return { kind: "function", fn, ...spanOf(n) };
  }

  private params(n: Syn | undefined): Param[] {
    const out: Param[] = [];
    for (const kid of n ? namedKids(n) : []) {
      const param = this.param(kid);
      if (param) out.push(param);
    }
    return out;
  }

  private param(n: Syn): Param | undefined {
    switch (n.type) {
      case "identifier":
        return { name: this.textOf(n), ...spanOf(n) };
      case "list_splat_pattern":
      case "dictionary_splat_pattern": {
        const inner = firstNamed(n);
        return { ...optional("name", inner && this.textOf(inner)), rest: true, ...spanOf(n) };
      }
      case "typed_parameter": {
        const inner = n.kids.find((k) => k.named && k.field !== "type");
        const param = inner && this.param(inner);
        return param && { ...param, ...spanOf(n) };
      }
      case "default_parameter":
      case "typed_default_parameter": {
        const nameNode = fieldOf(n, "name");
        const value = fieldOf(n, "value");
        const param = nameNode && this.param(nameNode);
        return param && { ...param, ...optional("defaultValue", this.optionalExpr(value)), ...spanOf(n) };
      }
      case "tuple_pattern":
      case "list_pattern":
        return { pattern: this.target(n), ...spanOf(n) };
      default:
        // positional_separator `/`, keyword_separator `*`, error recovery.
        return undefined;
    }
  }

  private classDef(n: Syn, outer: Syn, decorators: Expr[]): ClassStmt {
    const nameNode = fieldOf(n, "name");
    const superclasses = fieldOf(n, "superclasses");
    const bases = superclasses
      ? namedKids(superclasses)
          .filter((k) => k.type !== "keyword_argument")
          .map((k) => this.expr(k))
      : [];
    return {
      kind: "class",
      ...optional("name", nameNode && this.textOf(nameNode)),
      bases,
      body: this.body(n, fieldOf(n, "body")),
      decorators,
      ...spanOf(outer),
    };
  }

  // ------------------------------------------------------------ imports

  /** `import a, b.c as d`: one `ImportStmt` per imported module. */
  private importStatement(n: Syn, out: Stmt[]): void {
    for (const name of fieldsOf(n, "name")) {
      if (name.type === "aliased_import") {
        const moduleNode = fieldOf(name, "name");
        const alias = fieldOf(name, "alias");
        const module = moduleNode ? this.dottedText(moduleNode) : "";
        out.push({
          kind: "import",
          module,
          namespace: alias ? this.textOf(alias) : module,
          names: [],
          ...spanOf(n),
        });
      } else {
        const module = this.dottedText(name);
        const first = firstNamed(name);
        out.push({
          kind: "import",
          module,
          namespace: first ? this.textOf(first) : module,
          names: [],
          ...spanOf(n),
        });
      }
    }
  }

  /** `from m import a, b as c`, `from . import x`, `from ..client import y`, `from m import *`. */
  private importFromStatement(n: Syn): ImportStmt {
    const moduleNode = fieldOf(n, "module_name");
    const module = moduleNode
      ? this.moduleText(moduleNode)
      : n.type === "future_import_statement"
        ? "__future__"
        : "";
    const names: ImportStmt["names"] = [];
    for (const name of fieldsOf(n, "name")) {
      if (name.type === "aliased_import") {
        const importedNode = fieldOf(name, "name");
        const alias = fieldOf(name, "alias");
        const imported = importedNode ? this.dottedText(importedNode) : "";
        names.push({ imported, local: alias ? this.textOf(alias) : imported });
      } else {
        const imported = this.dottedText(name);
        names.push({ imported, local: imported });
      }
    }
    if (kidOfType(n, "wildcard_import")) names.push({ imported: "*", local: "*" });
    return { kind: "import", module, names, ...spanOf(n) };
  }

  private moduleText(n: Syn): string {
    if (n.type !== "relative_import") return this.dottedText(n);
    const prefix = kidOfType(n, "import_prefix");
    const dotted = kidOfType(n, "dotted_name");
    return (prefix ? this.textOf(prefix) : "") + (dotted ? this.dottedText(dotted) : "");
  }

  /** `a.b.c` with any whitespace or comments between the parts removed. */
  private dottedText(n: Syn): string {
    if (n.type !== "dotted_name") return this.textOf(n);
    return namedKids(n)
      .map((k) => this.textOf(k))
      .join(".");
  }

  // ------------------------------------------------------------ binding targets

  private target(n: Syn): Target {
    const inner = unwrapParens(n);
    switch (inner.type) {
      case "identifier":
        return { kind: "name", name: this.textOf(inner), ...spanOf(inner) };
      case "pattern_list":
      case "tuple_pattern":
      case "list_pattern":
      case "tuple":
      case "list":
      case "expression_list": {
        const bindings: PatternBinding[] = [];
        this.collectBindings(inner, [], bindings);
        return { kind: "pattern", bindings, ...spanOf(inner) };
      }
      default:
        return { kind: "expr", expr: this.expr(inner), ...spanOf(inner) };
    }
  }

  private opaqueTarget(n: Syn): Target {
    return { kind: "expr", expr: this.emptyOpaque(n), ...spanOf(n) };
  }

  /** Names bound by a tuple/list unpacking, with their index paths (`a, (b, c)` -> 0, 1.0, 1.1). */
  private collectBindings(n: Syn, prefix: string[], out: PatternBinding[]): void {
    if (n.truncated) return;
    namedKids(n).forEach((raw, i) => {
      const kid = unwrapParens(raw);
      switch (kid.type) {
        case "identifier":
          out.push({ path: [...prefix, String(i)], name: this.textOf(kid), ...spanOf(kid) });
          return;
        case "list_splat_pattern":
        case "list_splat": {
          const name = firstNamed(kid);
          if (name?.type === "identifier")
            out.push({ path: [...prefix, `*${i}`], name: this.textOf(name), ...spanOf(kid) });
          return;
        }
        case "pattern_list":
        case "tuple_pattern":
        case "list_pattern":
        case "tuple":
        case "list":
          this.collectBindings(kid, [...prefix, String(i)], out);
          return;
        default:
          // `a.x, b = ...`: an attribute or subscript binds no name.
          return;
      }
    });
  }

  // ------------------------------------------------------------ expressions

  private optionalExpr(n: Syn | undefined): Expr | undefined {
    return n && this.expr(n);
  }

  /** Lowers `n`, or an empty opaque at `parent` when the parser left it out. */
  private requiredExpr(n: Syn | undefined, parent: Syn): Expr {
    return n
      ? this.expr(n)
      : { kind: "opaque", what: "missing", children: [], start: parent.end, end: parent.end };
  }

  private expr(n: Syn): Expr {
    if (n.truncated) return this.emptyOpaque(n);
    if (n.start === n.end && n.kids.length === 0)
      return { kind: "opaque", what: "missing", children: [], ...spanOf(n) };
    switch (n.type) {
      case "identifier":
        return { kind: "name", name: this.textOf(n), ...spanOf(n) };
      case "integer":
      case "float":
        return this.number(n);
      case "string":
      case "concatenated_string":
        return this.string(n);
      case "true":
      case "false":
        return { kind: "bool", value: n.type === "true", ...spanOf(n) };
      case "none":
        return { kind: "null", ...spanOf(n) };
      case "attribute":
        return this.attribute(n);
      case "subscript":
        return this.subscript(n);
      case "call":
        return this.call(n);
      case "dictionary":
        return this.dictionary(n);
      case "tuple":
        return { ...this.arrayOf(namedKids(n), n), tuple: true };
      case "list":
      case "set":
      case "expression_list":
      case "pattern_list":
      case "tuple_pattern":
      case "list_pattern":
        return this.arrayOf(namedKids(n), n);
      case "parenthesized_expression": {
        const kids = namedKids(n);
        return kids.length === 1 ? this.expr(kids[0]!) : this.opaque(n);
      }
      case "comparison_operator":
        return this.comparison(n);
      case "boolean_operator":
        return this.logical(n);
      case "not_operator":
        return {
          kind: "unary",
          op: "not",
          operand: this.requiredExpr(fieldOf(n, "argument"), n),
          ...spanOf(n),
        };
      case "unary_operator":
        return this.unary(n);
      case "binary_operator":
        return this.binary(n);
      case "await":
        return { kind: "await", expr: this.requiredExpr(firstNamed(n), n), ...spanOf(n) };
      case "conditional_expression":
        return this.conditional(n);
      case "lambda":
        return this.lambda(n);
      case "named_expression":
        return this.walrus(n);
      case "yield":
        if (this.yields.length > 0) this.yields[this.yields.length - 1] = true;
        return this.opaque(n);
      default:
        // Comprehensions, generator expressions, starred expressions, `...`, slices, ERROR.
        return this.opaque(n);
    }
  }

  private number(n: Syn): Expr {
    const raw = this.textOf(n);
    const clean = raw.replace(/_/g, "").replace(/[lL]$/, "");
    // An imaginary literal (`3j`) is not a number the analysis can use.
    const value = /[jJ]$/.test(clean) ? NaN : Number(clean);
    if (Number.isNaN(value)) return this.opaque(n);
    return { kind: "number", value, raw, ...spanOf(n) };
  }

  private string(n: Syn): StringLit {
    const pieces = n.type === "concatenated_string" ? n.kids.filter((k) => k.type === "string") : [n];
    let value = "";
    const parts: Expr[] = [];
    for (const piece of pieces) value += this.stringPiece(piece, parts);
    return parts.length > 0
      ? { kind: "string", value, parts, ...spanOf(n) }
      : { kind: "string", value, ...spanOf(n) };
  }

  /** The value of one string token; f-string interpolations add `${}` to it and their expression to `parts`. */
  private stringPiece(n: Syn, parts: Expr[]): string {
    const open = kidOfType(n, "string_start");
    const close = kidOfType(n, "string_end");
    const prefix = open ? this.textOf(open).replace(/['"]/g, "").toLowerCase() : "";
    const isRaw = prefix.includes("r");
    const isBytes = prefix.includes("b");
    const isFormat = prefix.includes("f") || prefix.includes("t");
    const decode = (raw: string): string => {
      const text = isRaw ? raw : decodeEscapes(raw, isBytes);
      return isFormat ? text.replace(/\{\{/g, "{").replace(/\}\}/g, "}") : text;
    };
    let value = "";
    let at = open ? open.end : n.start;
    for (const kid of n.kids) {
      if (kid.type !== "interpolation") continue;
      value += decode(this.text.slice(at, kid.start)) + "${}";
      parts.push(this.requiredExpr(fieldOf(kid, "expression") ?? firstNamed(kid), kid));
      at = kid.end;
    }
    const end = close ? close.start : n.end;
    return value + decode(this.text.slice(at, Math.max(at, end)));
  }

  private attribute(n: Syn): Expr {
    const objectNode = fieldOf(n, "object");
    const property = fieldOf(n, "attribute");
    if (!objectNode || !property || property.start === property.end) return this.opaque(n);
    return {
      kind: "member",
      object: this.expr(objectNode),
      property: this.textOf(property),
      propertySpan: spanOf(property),
      ...spanOf(n),
    };
  }

  /** `a["key"]` -> computed member; any other subscript -> index. */
  private subscript(n: Syn): Expr {
    const valueNode = fieldOf(n, "value");
    const keys = fieldsOf(n, "subscript");
    const key = keys[0];
    if (!valueNode || !key) return this.opaque(n);
    const object = this.expr(valueNode);
    if (keys.length > 1)
      return {
        kind: "index",
        object,
        index: this.arrayOf(keys, { start: key.start, end: keys[keys.length - 1]!.end }),
        ...spanOf(n),
      };
    const index = this.expr(key);
    if (index.kind === "string" && !index.parts) {
      return {
        kind: "member",
        object,
        property: index.value,
        propertySpan: spanOf(key),
        computed: true,
        ...spanOf(n),
      };
    }
    return { kind: "index", object, index, ...spanOf(n) };
  }

  private call(n: Syn): Expr {
    const argsNode = fieldOf(n, "arguments");
    let args: Arg[] = [];
    if (argsNode?.type === "argument_list") args = namedKids(argsNode).map((k) => this.arg(k));
    else if (argsNode) args = [{ value: this.expr(argsNode), ...spanOf(argsNode) }];
    return { kind: "call", callee: this.requiredExpr(fieldOf(n, "function"), n), args, ...spanOf(n) };
  }

  private arg(n: Syn): Arg {
    switch (n.type) {
      case "keyword_argument": {
        const name = fieldOf(n, "name");
        return {
          ...optional("name", name && this.textOf(name)),
          value: this.requiredExpr(fieldOf(n, "value"), n),
          ...spanOf(n),
        };
      }
      case "list_splat":
      case "dictionary_splat":
        return { value: this.requiredExpr(firstNamed(n), n), spread: true, ...spanOf(n) };
      default:
        return { value: this.expr(n), ...spanOf(n) };
    }
  }

  private dictionary(n: Syn): Expr {
    const properties: Property[] = [];
    for (const kid of namedKids(n)) {
      if (kid.type === "pair") {
        const keyNode = fieldOf(kid, "key");
        properties.push({
          ...optional("key", keyNode && this.staticKey(keyNode)),
          keySpan: spanOf(keyNode ?? kid),
          value: this.requiredExpr(fieldOf(kid, "value"), kid),
          ...spanOf(kid),
        });
      } else if (kid.type === "dictionary_splat") {
        properties.push({
          keySpan: spanOf(kid),
          value: this.requiredExpr(firstNamed(kid), kid),
          spread: true,
          ...spanOf(kid),
        });
      }
    }
    return { kind: "object", properties, ...spanOf(n) };
  }

  /** A dict key written as a string or number literal, as a string; undefined otherwise. */
  private staticKey(n: Syn): string | undefined {
    if (n.type !== "string" && n.type !== "concatenated_string" && n.type !== "integer" && n.type !== "float")
      return undefined;
    const key = this.expr(n);
    if (key.kind === "string" && !key.parts) return key.value;
    if (key.kind === "number") return String(key.value);
    return undefined;
  }

  /** `a < b`, and chains `a < b <= c` as an `and` of pairwise comparisons. */
  private comparison(n: Syn): Expr {
    const operands: Syn[] = [];
    const ops: string[] = [];
    for (const kid of n.kids) {
      if (kid.field === "operators") ops.push(kid.type === "<>" ? "!=" : kid.type);
      else if (kid.named) operands.push(kid);
    }
    if (ops.length === 0 || operands.length !== ops.length + 1 || ops.length > MAX_COMPARISON_CHAIN)
      return this.opaque(n);
    const lowered = operands.map((o) => this.expr(o));
    let result: Expr | undefined;
    for (let i = 0; i < ops.length; i++) {
      const left = lowered[i]!;
      const right = lowered[i + 1]!;
      const pair: Expr = { kind: "binary", op: ops[i]!, left, right, start: left.start, end: right.end };
      result = result
        ? { kind: "logical", op: "and", left: result, right: pair, start: n.start, end: right.end }
        : pair;
    }
    return result!;
  }

  private logical(n: Syn): Expr {
    const op = fieldOf(n, "operator")?.type;
    if (op !== "and" && op !== "or") return this.opaque(n);
    return {
      kind: "logical",
      op,
      left: this.requiredExpr(fieldOf(n, "left"), n),
      right: this.requiredExpr(fieldOf(n, "right"), n),
      ...spanOf(n),
    };
  }

  private unary(n: Syn): Expr {
    const op = fieldOf(n, "operator")?.type;
    if (op !== "-" && op !== "+" && op !== "~") return this.opaque(n);
    return { kind: "unary", op, operand: this.requiredExpr(fieldOf(n, "argument"), n), ...spanOf(n) };
  }

  private binary(n: Syn): Expr {
    const op = fieldOf(n, "operator")?.type;
    if (!op) return this.opaque(n);
    return {
      kind: "binary",
      op,
      left: this.requiredExpr(fieldOf(n, "left"), n),
      right: this.requiredExpr(fieldOf(n, "right"), n),
      ...spanOf(n),
    };
  }

  /** `a if c else b`: the three parts come in source order then, test, else. */
  private conditional(n: Syn): Expr {
    const [then, test, otherwise] = namedKids(n);
    if (!then || !test || !otherwise) return this.opaque(n);
    return {
      kind: "conditional",
      test: this.expr(test),
      then: this.expr(then),
      else: this.expr(otherwise),
      ...spanOf(n),
    };
  }

  /** `(x := e)`. */
  private walrus(n: Syn): Expr {
    const name = fieldOf(n, "name");
    const value = fieldOf(n, "value");
    if (!name || !value) return this.opaque(n);
    return { kind: "assign", op: "=", target: this.target(name), value: this.expr(value), ...spanOf(n) };
  }

  private arrayOf(nodes: Syn[], span: Span): ArrayLit {
    return { kind: "array", elements: nodes.map((k) => this.expr(k)), ...spanOf(span) };
  }

  /** An opaque node holding its named children's lowerings. */
  private opaque(n: Syn): Opaque {
    return this.opaqueOf(
      n.type,
      [n],
      namedKids(n).map((k) => this.expr(k)),
    );
  }

  private opaqueOf(what: string, nodes: Syn[], children: Expr[]): Opaque {
    const first = nodes[0]!;
    const last = nodes[nodes.length - 1]!;
    return { kind: "opaque", what, children, start: first.start, end: last.end };
  }

  private emptyOpaque(n: Syn): Opaque {
    return { kind: "opaque", what: n.type, children: [], ...spanOf(n) };
  }

  /** Source text of a leaf node. */
  private textOf(n: Span): string {
    return this.text.slice(n.start, n.end);
  }
}

// ---------------------------------------------------------------- helpers

/** `{ [key]: value }`, or `{}` when value is undefined: the IR leaves absent optional fields out. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** `(((x)))` -> `x`, iteratively (parentheses can nest deeply). */
function unwrapParens(n: Syn): Syn {
  let inner = n;
  while (inner.type === "parenthesized_expression" && !inner.truncated) {
    const kids = namedKids(inner);
    if (kids.length !== 1) break;
    inner = kids[0]!;
  }
  return inner;
}

/** The alternatives of a union pattern, split at `|`: `-1 | 2` -> [["-", 1], [2]]. */
function splitUnion(kids: Syn[]): Syn[][] {
  const items: Syn[][] = [[]];
  for (const kid of kids) {
    if (kid.type === "|") items.push([]);
    else items[items.length - 1]!.push(kid);
  }
  return items.filter((item) => item.length > 0);
}

/** A lambda assigned to a name takes that name, as JS `const f = () => {}` does. */
function nameFunction(fn: FunctionDef, target: Span & { name: string }): void {
  if (fn.name !== undefined) return;
  fn.name = target.name;
  fn.nameSpan = spanOf(target);
}

const SIMPLE_ESCAPES: Record<string, string> = {
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
function decodeEscapes(raw: string, isBytes: boolean): string {
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
