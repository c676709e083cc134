/**
 * Lowers a tree-sitter JavaScript / TypeScript / TSX tree into the
 * language-neutral IR of `./types`.
 *
 * One pass over the tree. TypeScript-only syntax is unwrapped (`x as T`,
 * `<T>x`, `x!`, `x satisfies T`) or dropped (types, interfaces, enums, ambient
 * declarations); anything the IR has no node for becomes an `Opaque` that
 * keeps its sub-expressions. Syntax errors never throw: ERROR nodes become
 * opaque nodes (or, in statement position, the statements found inside them).
 *
 * Choices the IR leaves open:
 * - An assignment or update used as a statement (`x = y;`, `x += 1;`, `i++;`)
 *   is a `VarStmt` with `declared: false`; inside an expression (including a
 *   `for` update clause) it is an `Assign`. Updates have op "++"/"--" and a
 *   synthesised `number` 1 spanning the operator.
 * - `VarStmt` spans cover the declarator or the assignment, without `const`
 *   and `;`; other statements span their whole syntax.
 * - `const x = require("m")` and `import x = require("m")` bind the module
 *   object: `namespace: "x"`.
 * - Class fields are `VarStmt`s with `declared: true` and an `expr` target
 *   `this.<field>`, whose `this` has the span of the field name.
 * - `const C = class {}` and `export default class {}` lower to a `ClassStmt`
 *   (named after the variable: `const C = class Inner {}` is class `C`);
 *   a class expression anywhere else is an opaque `class` whose children are
 *   its decorators, bases, methods (as `function` expressions) and field values.
 * - In destructuring patterns a non-literal computed key gives the path
 *   segment "[]", and a rest element (`...rest`) gets the path of the object
 *   or array it collects from.
 * - Nesting deeper than `MAX_DEPTH` lowers to an empty opaque `too-deep`, so
 *   neither this pass nor the passes over the IR can overflow the stack.
 *
 * Every web-tree-sitter property read crosses into WebAssembly, so each node's
 * type is read once and handed along with it (`Kid`), and fixed-shape nodes
 * are read from one `children` list rather than field by field.
 */

import type { Node } from "web-tree-sitter";
import type { ReusePlan, Segment } from "./reuse";
import type { ParsedDocument } from "../parse/parser";
import type { Span } from "../types";
import type {
  Arg,
  BlockStmt,
  CatchClause,
  ClassStmt,
  Expr,
  FunctionDef,
  FunctionExpr,
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
  VarStmt,
} from "./types";

/** Deeper nesting than this (statements, expressions and patterns together) lowers to an empty opaque node. */
export const MAX_DEPTH = 500;

/**
 * Lowers a parsed JavaScript, TypeScript, TSX or JSX document into the IR.
 * Never throws; syntax errors lower to opaque nodes.
 */
export function lowerJavaScript(doc: ParsedDocument, reuse?: ReusePlan, segments?: Segment[]): Module {
  const lowering = new Lowering(doc);
  const body: Stmt[] = [];
  for (const child of doc.tree.rootNode.namedChildren) {
    if (!child) continue;
    const start = doc.startOf(child);
    const end = doc.endOf(child);
    const type = child.type;
    const stmts =
      (reuse && !child.hasError ? reuse.take(start, end, type) : undefined) ??
      lowering.topLevelStatement(child);
    segments?.push({ start, end, type, stmts });
    body.push(...stmts);
  }
  return { start: 0, end: doc.text.length, body };
}

/** A syntax node with its type, read once. */
interface Kid {
  node: Node;
  type: string;
}

/** A name a function or class takes from where it is assigned (`const f = () => {}`). */
interface NameHint {
  name: string;
  span: Span;
}

const FUNCTION_TYPES = new Set([
  "arrow_function",
  "function_expression",
  "function",
  "generator_function",
  "function_declaration",
  "generator_function_declaration",
]);

/** Wrappers that lower to their inner expression. */
const TRANSPARENT_TYPES = new Set([
  "parenthesized_expression",
  "as_expression",
  "satisfies_expression",
  "non_null_expression",
  "type_assertion",
  "instantiation_expression",
]);

/** Statements with no runtime effect the analysis could see. */
const DROPPED_STATEMENTS = new Set([
  "interface_declaration",
  "type_alias_declaration",
  "enum_declaration",
  "ambient_declaration",
  "function_signature",
  "import_alias",
  "module",
  "empty_statement",
  "debugger_statement",
  "hash_bang_line",
]);

const STATEMENT_TYPES = new Set([
  "expression_statement",
  "lexical_declaration",
  "variable_declaration",
  "if_statement",
  "switch_statement",
  "for_statement",
  "for_in_statement",
  "while_statement",
  "do_statement",
  "try_statement",
  "return_statement",
  "throw_statement",
  "break_statement",
  "continue_statement",
  "function_declaration",
  "generator_function_declaration",
  "class_declaration",
  "abstract_class_declaration",
  "import_statement",
  "export_statement",
  "statement_block",
  "labeled_statement",
  "with_statement",
  ...DROPPED_STATEMENTS,
]);

const EXPRESSION_TYPES = new Set([
  "identifier",
  "this",
  "super",
  "import",
  "private_property_identifier",
  "shorthand_property_identifier",
  "undefined",
  "null",
  "true",
  "false",
  "number",
  "string",
  "template_string",
  "regex",
  "member_expression",
  "subscript_expression",
  "call_expression",
  "new_expression",
  "object",
  "array",
  "binary_expression",
  "unary_expression",
  "update_expression",
  "assignment_expression",
  "augmented_assignment_expression",
  "await_expression",
  "yield_expression",
  "ternary_expression",
  "sequence_expression",
  "spread_element",
  "class",
  "meta_property",
  "jsx_element",
  "jsx_self_closing_element",
  "jsx_fragment",
  ...FUNCTION_TYPES,
  ...TRANSPARENT_TYPES,
]);

const UNARY_OPS: Readonly<Record<string, "not" | "-" | "+" | "typeof" | "void" | "delete" | "~">> = {
  "!": "not",
  "-": "-",
  "+": "+",
  typeof: "typeof",
  void: "void",
  delete: "delete",
  "~": "~",
};

function isComment(type: string): boolean {
  return type === "comment" || type === "html_comment";
}

/** Type annotations and other type-level nodes, skipped when collecting sub-expressions. */
function isTypeNode(type: string): boolean {
  return (
    type.endsWith("_type") ||
    type === "type_annotation" ||
    type === "type_arguments" ||
    type === "type_parameters" ||
    type === "type_identifier" ||
    type === "predefined_type" ||
    type === "asserts_annotation" ||
    type === "type_predicate_annotation" ||
    type === "accessibility_modifier" ||
    type === "override_modifier"
  );
}

function spanOf(start: Span, end: Span = start): Span {
  return { start: start.start, end: end.end };
}

/** The lowering of one document; holds the document and the current nesting depth. */
class Lowering {
  private depth = 0;
  private readonly text: string;

  constructor(private readonly doc: ParsedDocument) {
    this.text = doc.text;
  }

  // ------------------------------------------------------------ tree access

  private span(node: Node): Span {
    return { start: this.doc.startOf(node), end: this.doc.endOf(node) };
  }

  private slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** Source text of a leaf node (names, literals). */
  private leafText(node: Node): string {
    return this.text.slice(this.doc.startOf(node), this.doc.endOf(node));
  }

  /** The span of a keyword that starts `node` (`if`, `for`, `catch` ...): no tree access needed. */
  private leadingKeyword(node: Node, keyword: string): Span {
    const start = this.doc.startOf(node);
    return { start, end: start + keyword.length };
  }

  private field(node: Node, name: string): Node | null {
    return node.childForFieldName(name);
  }

  private fieldKid(node: Node, name: string): Kid | undefined {
    const child = node.childForFieldName(name);
    return child ? { node: child, type: child.type } : undefined;
  }

  /** Named children without comments, with their types. */
  private named(node: Node): Kid[] {
    const out: Kid[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      const type = child.type;
      if (!isComment(type)) out.push({ node: child, type });
    }
    return out;
  }

  /** All children (tokens included) without comments, with their types. */
  private all(node: Node): Kid[] {
    const out: Kid[] = [];
    for (const child of node.children) {
      if (!child) continue;
      const type = child.type;
      if (!isComment(type)) out.push({ node: child, type });
    }
    return out;
  }

  private firstNamed(node: Node): Kid | undefined {
    for (const child of node.namedChildren) {
      if (!child) continue;
      const type = child.type;
      if (!isComment(type)) return { node: child, type };
    }
    return undefined;
  }

  private opaque(node: Node, what: string, children: Expr[]): Opaque {
    return { kind: "opaque", what, children, ...this.span(node) };
  }

  private emptyOpaqueAt(node: Node, what: string): Opaque {
    const at = this.doc.startOf(node);
    return { kind: "opaque", what, children: [], start: at, end: at };
  }

  /** Skips parentheses and TypeScript-only wrappers, iteratively. */
  private unwrap(kid: Kid): Kid {
    let current = kid;
    while (TRANSPARENT_TYPES.has(current.type)) {
      const inner =
        current.type === "type_assertion"
          ? this.named(current.node).find((k) => k.type !== "type_arguments")
          : this.firstNamed(current.node);
      if (!inner) return current;
      current = inner;
    }
    return current;
  }

  private kid(node: Node): Kid {
    return { node, type: node.type };
  }

  // ------------------------------------------------------------ statements

  /** A top-level statement; a failure in one statement cannot lose the others. */
  topLevelStatement(node: Node): Stmt[] {
    const depth = this.depth;
    try {
      return this.statement(this.kid(node));
    } catch {
      this.depth = depth;
      return [{ kind: "expr", expr: this.opaque(node, "unlowered", []), ...this.span(node) }];
    }
  }

  private statements(container: Node): Stmt[] {
    const out: Stmt[] = [];
    for (const kid of this.named(container)) out.push(...this.statement(kid));
    return out;
  }

  /** A loop / if / function body: the statements of a block, or one statement. */
  private body(kid: Kid | undefined): Stmt[] {
    if (!kid) return [];
    return kid.type === "statement_block" ? this.statements(kid.node) : this.statement(kid);
  }

  private bodyField(node: Node): Stmt[] {
    return this.body(this.fieldKid(node, "body"));
  }

  private statement(kid: Kid): Stmt[] {
    if (this.depth >= MAX_DEPTH) {
      return [{ kind: "expr", expr: this.opaque(kid.node, "too-deep", []), ...this.span(kid.node) }];
    }
    this.depth++;
    const result = this.statementOf(kid.node, kid.type);
    this.depth--;
    return result;
  }

  private statementOf(node: Node, type: string): Stmt[] {
    switch (type) {
      case "expression_statement":
        return this.expressionStatement(node);
      case "lexical_declaration":
      case "variable_declaration":
        return this.declaration(node);
      case "if_statement":
        return [this.ifStatement(node)];
      case "switch_statement":
        return [this.switchStatement(node)];
      case "for_statement":
        return [this.forStatement(node)];
      case "for_in_statement":
        return [this.forInStatement(node)];
      case "while_statement":
      case "do_statement":
        return [this.whileStatement(node, type === "while_statement" ? "while" : "do")];
      case "try_statement":
        return [this.tryStatement(node)];
      case "return_statement":
      case "throw_statement":
        return [this.exit(node, type === "return_statement" ? "return" : "throw")];
      case "break_statement":
      case "continue_statement":
        return [this.jump(node, type === "break_statement" ? "break" : "continue")];
      case "function_declaration":
      case "generator_function_declaration":
        return [{ kind: "function", fn: this.functionDef(node, type), ...this.span(node) }];
      case "class_declaration":
      case "abstract_class_declaration":
        return [this.classStmt(node)];
      case "import_statement":
        return [this.importStatement(node)];
      case "export_statement":
        return this.exportStatement(node);
      case "statement_block":
        return [{ kind: "block", body: this.statements(node), ...this.span(node) }];
      case "labeled_statement":
        return [this.labeledStatement(node)];
      case "with_statement":
        return [this.withStatement(node)];
      case "ERROR":
        return this.errorStatements(node);
      default:
        return this.otherStatement(node, type);
    }
  }

  private otherStatement(node: Node, type: string): Stmt[] {
    if (DROPPED_STATEMENTS.has(type) || isTypeNode(type)) return [];
    if (type === "internal_module") return [this.namespaceBlock(node)];
    return [{ kind: "expr", expr: this.expr({ node, type }), ...this.span(node) }];
  }

  private expressionStatement(node: Node): Stmt[] {
    const inner = this.firstNamed(node);
    if (!inner) return [];
    if (inner.type === "internal_module") return [this.namespaceBlock(inner.node)];
    return [this.exprAsStatement(this.expr(inner), node)];
  }

  /** An expression in statement position; assignments and updates become `var` statements. */
  private exprAsStatement(expr: Expr, node: Node): Stmt {
    if (expr.kind === "assign") {
      return {
        kind: "var",
        target: expr.target,
        value: expr.value,
        op: expr.op,
        declared: false,
        start: expr.start,
        end: expr.end,
      };
    }
    return { kind: "expr", expr, ...this.span(node) };
  }

  /** TypeScript `namespace N { ... }`: its code runs, so it is kept as a block. */
  private namespaceBlock(node: Node): BlockStmt {
    const body = this.field(node, "body");
    return { kind: "block", body: body ? this.statements(body) : [], ...this.span(node) };
  }

  private declaration(node: Node): Stmt[] {
    const out: Stmt[] = [];
    for (const kid of this.named(node)) {
      if (kid.type === "variable_declarator") out.push(this.declarator(kid.node));
    }
    return out;
  }

  private declarator(node: Node): Stmt {
    const nameKid = this.fieldKid(node, "name");
    const valueKid = this.fieldKid(node, "value");
    const span = this.span(node);
    if (!nameKid) return { kind: "expr", expr: this.opaque(node, "variable_declarator", []), ...span };
    const value = valueKid ? this.unwrap(valueKid) : undefined;
    const required = value ? this.requiredModule(value) : undefined;
    if (required !== undefined) return this.requireImport(nameKid, required, span);
    const target = this.target(nameKid);
    const hint = target.kind === "name" ? { name: target.name, span: spanOf(target) } : undefined;
    if (value?.type === "class") return this.classStmt(value.node, hint, [], span);
    const stmt: VarStmt = { kind: "var", target, op: "=", declared: true, ...span };
    if (value) stmt.value = this.namedExpr(value, hint);
    return stmt;
  }

  private ifStatement(node: Node): IfStmt {
    const alternative = this.field(node, "alternative");
    const stmt: IfStmt = {
      kind: "if",
      keyword: this.leadingKeyword(node, "if"),
      test: this.requiredExpr(this.fieldKid(node, "condition"), node),
      then: this.body(this.fieldKid(node, "consequence")),
      ...this.span(node),
    };
    if (alternative) stmt.else = this.body(this.firstNamed(alternative));
    return stmt;
  }

  private switchStatement(node: Node): SwitchStmt {
    const body = this.field(node, "body");
    const cases: SwitchCase[] = [];
    for (const kid of body ? this.named(body) : []) {
      if (kid.type === "switch_case" || kid.type === "switch_default") {
        cases.push(this.switchCase(kid.node, kid.type));
      }
    }
    return {
      kind: "switch",
      keyword: this.leadingKeyword(node, "switch"),
      subject: this.requiredExpr(this.fieldKid(node, "value"), node),
      cases,
      ...this.span(node),
    };
  }

  private switchCase(node: Node, type: string): SwitchCase {
    const tests: Expr[] = [];
    const body: Stmt[] = [];
    let afterColon = false;
    for (const kid of this.all(node)) {
      if (kid.type === ":") afterColon = true;
      else if (kid.type === "case" || kid.type === "default") continue;
      else if (afterColon) body.push(...this.statement(kid));
      else tests.push(this.expr(kid));
    }
    const keyword = this.leadingKeyword(node, type === "switch_case" ? "case" : "default");
    return { keyword, tests, body, ...this.span(node) };
  }

  private forStatement(node: Node): LoopStmt {
    const init = this.fieldKid(node, "initializer");
    const test = this.forCondition(node);
    const update = this.fieldKid(node, "increment");
    return {
      kind: "loop",
      loop: "for",
      keyword: this.leadingKeyword(node, "for"),
      ...(init && { init: this.forInit(init) }),
      ...(test && { test: this.expr(test) }),
      ...(update && { update: this.sequence(update) }),
      body: this.bodyField(node),
      ...this.span(node),
    };
  }

  private forInit(kid: Kid): Stmt[] {
    if (kid.type === "empty_statement") return [];
    if (STATEMENT_TYPES.has(kid.type)) return this.statement(kid);
    return [this.exprAsStatement(this.expr(kid), kid.node)];
  }

  /** The `condition` field is repeated (the expression and its `;`); take the expression. */
  private forCondition(node: Node): Kid | undefined {
    for (const child of node.childrenForFieldName("condition")) {
      if (!child) continue;
      const type = child.type;
      if (type === "expression_statement") return this.firstNamed(child);
      if (type !== ";" && type !== "empty_statement" && !isComment(type)) return { node: child, type };
    }
    return undefined;
  }

  private forInStatement(node: Node): LoopStmt {
    const operator = this.field(node, "operator");
    const left = this.fieldKid(node, "left");
    const right = this.fieldKid(node, "right");
    return {
      kind: "loop",
      loop: operator?.type === "in" ? "for-in" : "for-of",
      keyword: this.leadingKeyword(node, "for"),
      ...(left && { binding: this.target(left) }),
      ...(right && { iterates: this.expr(right) }),
      body: this.bodyField(node),
      ...this.span(node),
    };
  }

  private whileStatement(node: Node, loop: "while" | "do"): LoopStmt {
    return {
      kind: "loop",
      loop,
      keyword: this.leadingKeyword(node, loop),
      test: this.requiredExpr(this.fieldKid(node, "condition"), node),
      body: this.bodyField(node),
      ...this.span(node),
    };
  }

  private tryStatement(node: Node): TryStmt {
    const handler = this.field(node, "handler");
    const finalizer = this.field(node, "finalizer");
    const stmt: TryStmt = {
      kind: "try",
      keyword: this.leadingKeyword(node, "try"),
      body: this.bodyField(node),
      handlers: handler ? [this.catchClause(handler)] : [],
      ...this.span(node),
    };
    if (finalizer) stmt.finally = this.bodyField(finalizer);
    return stmt;
  }

  private catchClause(node: Node): CatchClause {
    const parameter = this.field(node, "parameter");
    const clause: CatchClause = {
      keyword: this.leadingKeyword(node, "catch"),
      types: [],
      body: this.bodyField(node),
      ...this.span(node),
    };
    if (parameter?.type === "identifier") clause.binding = this.leafText(parameter);
    return clause;
  }

  private exit(node: Node, kind: "return" | "throw"): Stmt {
    const value = this.firstNamed(node);
    return value ? { kind, value: this.expr(value), ...this.span(node) } : { kind, ...this.span(node) };
  }

  private jump(node: Node, kind: "break" | "continue"): Stmt {
    const label = this.field(node, "label");
    return label ? { kind, label: this.leafText(label), ...this.span(node) } : { kind, ...this.span(node) };
  }

  private labeledStatement(node: Node): BlockStmt {
    const label = this.field(node, "label");
    const block: BlockStmt = { kind: "block", body: this.bodyField(node), ...this.span(node) };
    if (label) block.label = this.leafText(label);
    return block;
  }

  private withStatement(node: Node): BlockStmt {
    const object = this.fieldKid(node, "object");
    const block: BlockStmt = { kind: "block", body: this.bodyField(node), ...this.span(node) };
    if (object) block.with = [{ value: this.expr(object) }];
    return block;
  }

  /** An ERROR node in statement position: the statements inside it, the rest as one opaque. */
  private errorStatements(node: Node): Stmt[] {
    const out: Stmt[] = [];
    const loose: Expr[] = [];
    for (const kid of this.named(node)) {
      if (STATEMENT_TYPES.has(kid.type)) out.push(...this.statement(kid));
      else this.collectExprs(kid, loose);
    }
    if (loose.length > 0) {
      out.push({ kind: "expr", expr: this.opaque(node, "ERROR", loose), ...this.span(node) });
    }
    return out;
  }

  // ------------------------------------------------------------ imports and exports

  private importStatement(node: Node): ImportStmt {
    const stmt: ImportStmt = { kind: "import", module: "", names: [], ...this.span(node) };
    for (const kid of this.named(node)) {
      if (kid.type === "string") stmt.module = this.stringValue(kid.node);
      else if (kid.type === "import_clause") this.importClause(kid.node, stmt);
      else if (kid.type === "import_require_clause") this.importRequireClause(kid.node, stmt);
    }
    return stmt;
  }

  /** TypeScript `import fs = require("fs")`. */
  private importRequireClause(node: Node, stmt: ImportStmt): void {
    for (const kid of this.named(node)) {
      if (kid.type === "identifier") stmt.namespace = this.leafText(kid.node);
      else if (kid.type === "string") stmt.module = this.stringValue(kid.node);
    }
  }

  private importClause(node: Node, stmt: ImportStmt): void {
    for (const kid of this.named(node)) {
      if (kid.type === "identifier") {
        stmt.names.push({ imported: "default", local: this.leafText(kid.node) });
      } else if (kid.type === "namespace_import") {
        const local = this.named(kid.node).find((k) => k.type === "identifier");
        if (local) stmt.namespace = this.leafText(local.node);
      } else if (kid.type === "named_imports") {
        for (const specifier of this.named(kid.node)) {
          if (specifier.type === "import_specifier") this.importSpecifier(specifier.node, stmt);
        }
      }
    }
  }

  private importSpecifier(node: Node, stmt: ImportStmt): void {
    const name = this.fieldKid(node, "name");
    const alias = this.field(node, "alias");
    if (!name) return;
    const imported = name.type === "string" ? this.stringValue(name.node) : this.leafText(name.node);
    stmt.names.push({ imported, local: alias ? this.leafText(alias) : imported });
  }

  /** The module of `require("m")`, else undefined. */
  private requiredModule(value: Kid): string | undefined {
    if (value.type !== "call_expression") return undefined;
    const [callee, args, extra] = this.named(value.node);
    if (extra || callee?.type !== "identifier" || args?.type !== "arguments") return undefined;
    if (this.leafText(callee.node) !== "require") return undefined;
    const [only, extraArg] = this.named(args.node);
    if (!only || extraArg) return undefined;
    if (only.type === "string") return this.stringValue(only.node);
    if (only.type !== "template_string") return undefined;
    const template = this.templateString(only.node);
    return template.parts ? undefined : template.value;
  }

  private requireImport(name: Kid, module: string, span: Span): ImportStmt {
    const stmt: ImportStmt = { kind: "import", module, names: [], ...span };
    if (name.type === "identifier") {
      stmt.namespace = this.leafText(name.node);
    } else if (name.type === "object_pattern") {
      for (const binding of this.patternBindings(name)) {
        if (binding.path.length === 1 && binding.path[0] !== "[]") {
          stmt.names.push({ imported: binding.path[0]!, local: binding.name });
        }
      }
    }
    return stmt;
  }

  private exportStatement(node: Node): Stmt[] {
    const decorators: Expr[] = [];
    let declaration: Kid | undefined;
    let value: Kid | undefined;
    for (const kid of this.named(node)) {
      const type = kid.type;
      if (type === "decorator") decorators.push(...this.decorator(kid.node));
      else if (type === "export_clause" || type === "namespace_export" || type === "string") continue;
      else if (STATEMENT_TYPES.has(type)) declaration ??= kid;
      else value ??= kid;
    }
    if (declaration) {
      const type = declaration.type;
      if (type === "class_declaration" || type === "abstract_class_declaration") {
        return [this.classStmt(declaration.node, undefined, decorators)];
      }
      return this.statement(declaration);
    }
    return value ? [this.exportedValue(value, decorators)] : [];
  }

  /** `export default <expr>` / `export = <expr>`. */
  private exportedValue(kid: Kid, decorators: Expr[]): Stmt {
    const inner = this.unwrap(kid);
    if (inner.type === "class") return this.classStmt(inner.node, undefined, decorators);
    if (FUNCTION_TYPES.has(inner.type)) {
      return { kind: "function", fn: this.functionDef(inner.node, inner.type), ...this.span(inner.node) };
    }
    return { kind: "expr", expr: this.expr(kid), ...this.span(kid.node) };
  }

  // ------------------------------------------------------------ functions and classes

  private functionDef(node: Node, type: string, hint?: NameHint, decorators: Expr[] = []): FunctionDef {
    const span = this.span(node);
    const fn: FunctionDef = { decorators, params: [], body: [], isAsync: false, head: span, ...span };
    if (type.startsWith("generator_function")) fn.isGenerator = true;
    let nameKid: Kid | undefined;
    let keyword: Span | undefined;
    let arrowParams: Node | undefined;
    let afterArrow = false;
    for (const kid of this.all(node)) {
      if (afterArrow) {
        fn.body = kid.type === "statement_block" ? this.statements(kid.node) : this.expressionBody(kid);
        break;
      }
      switch (kid.type) {
        case "async":
          fn.isAsync = true;
          break;
        case "*":
          fn.isGenerator = true;
          break;
        case "function":
          keyword ??= this.span(kid.node);
          break;
        case "decorator":
          fn.decorators.push(...this.decorator(kid.node));
          break;
        case "formal_parameters":
          fn.params = this.params(kid.node);
          arrowParams = kid.node;
          break;
        case "identifier":
          if (type === "arrow_function") {
            fn.params = [{ name: this.leafText(kid.node), ...this.span(kid.node) }];
            arrowParams = kid.node;
          } else {
            nameKid ??= kid;
          }
          break;
        case "property_identifier":
        case "private_property_identifier":
        case "computed_property_name":
        case "string":
        case "number":
          nameKid ??= kid;
          break;
        case "=>":
          fn.head = this.arrowHead(arrowParams, kid.node);
          afterArrow = true;
          break;
        case "statement_block":
          fn.body = this.statements(kid.node);
          break;
      }
    }
    this.nameFunction(fn, nameKid, hint);
    if (type === "method_definition") fn.head = fn.nameSpan ?? span;
    else if (keyword) fn.head = keyword;
    return fn;
  }

  private nameFunction(fn: FunctionDef, nameKid: Kid | undefined, hint: NameHint | undefined): void {
    if (nameKid) {
      const name = this.propertyKey(nameKid);
      if (name !== undefined) fn.name = name;
      fn.nameSpan = this.span(nameKid.node);
    } else if (hint) {
      fn.name = hint.name;
      fn.nameSpan = hint.span;
    }
  }

  /** An arrow's parameters through `=>` when on one line, else its opening token. */
  private arrowHead(params: Node | undefined, arrow: Node): Span {
    const arrowSpan = this.span(arrow);
    if (!params) return arrowSpan;
    const start = this.doc.startOf(params);
    const oneLine = params.startPosition.row === arrow.startPosition.row;
    return oneLine ? { start, end: arrowSpan.end } : { start, end: start + 1 };
  }

  private expressionBody(kid: Kid): Stmt[] {
    const value = this.expr(kid);
    return [{ kind: "return", value, start: value.start, end: value.end }];
  }

  private params(list: Node): Param[] {
    const out: Param[] = [];
    for (const kid of this.named(list)) {
      const param = this.param(kid);
      if (param) out.push(param);
    }
    return out;
  }

  private param(kid: Kid): Param | undefined {
    const { node, type } = kid;
    const span = this.span(node);
    if (type === "required_parameter" || type === "optional_parameter") {
      const pattern = this.fieldKid(node, "pattern");
      if (!pattern || pattern.type === "this") return undefined;
      const param = this.bindingParam(pattern, span);
      const value = this.fieldKid(node, "value");
      if (value) param.defaultValue = this.expr(value);
      return param;
    }
    if (type === "assignment_pattern") {
      const left = this.fieldKid(node, "left");
      const right = this.fieldKid(node, "right");
      if (!left) return undefined;
      const param = this.bindingParam(left, span);
      if (right) param.defaultValue = this.expr(right);
      return param;
    }
    if (
      type === "identifier" ||
      type === "rest_pattern" ||
      type === "object_pattern" ||
      type === "array_pattern"
    ) {
      return this.bindingParam(kid, span);
    }
    return undefined;
  }

  /** A parameter from its binding: a name, a pattern, or `...rest`. */
  private bindingParam(kid: Kid, span: Span): Param {
    if (kid.type === "rest_pattern") {
      const inner = this.firstNamed(kid.node);
      const param: Param = inner ? this.bindingParam(inner, span) : { ...span };
      param.rest = true;
      return param;
    }
    const target = this.target(kid);
    if (target.kind === "name") return { name: target.name, ...span };
    return { pattern: target, ...span };
  }

  private decorator(node: Node): Expr[] {
    const inner = this.firstNamed(node);
    return inner ? [this.expr(inner)] : [];
  }

  private classStmt(node: Node, hint?: NameHint, outerDecorators: Expr[] = [], span?: Span): ClassStmt {
    const decorators = [...outerDecorators];
    const bases: Expr[] = [];
    let name = hint?.name;
    let body: Stmt[] = [];
    for (const kid of this.named(node)) {
      switch (kid.type) {
        case "decorator":
          decorators.push(...this.decorator(kid.node));
          break;
        case "class_heritage":
          bases.push(...this.heritage(kid.node));
          break;
        case "identifier":
        case "type_identifier":
          name ??= this.leafText(kid.node);
          break;
        case "class_body":
          body = this.classBody(kid.node);
          break;
      }
    }
    const stmt: ClassStmt = { kind: "class", decorators, bases, body, ...(span ?? this.span(node)) };
    if (name !== undefined) stmt.name = name;
    return stmt;
  }

  /** `extends X` (JS) / `extends_clause` (TS); `implements` is a type and dropped. */
  private heritage(node: Node): Expr[] {
    const out: Expr[] = [];
    for (const kid of this.named(node)) {
      if (kid.type === "extends_clause") {
        const value = this.fieldKid(kid.node, "value");
        if (value) out.push(this.expr(value));
      } else if (kid.type !== "implements_clause" && !isTypeNode(kid.type)) {
        out.push(this.expr(kid));
      }
    }
    return out;
  }

  private classBody(node: Node): Stmt[] {
    const out: Stmt[] = [];
    let pending: Expr[] = [];
    for (const kid of this.named(node)) {
      if (kid.type === "decorator") {
        pending.push(...this.decorator(kid.node));
        continue;
      }
      const stmt = this.classMember(kid, pending);
      pending = [];
      if (stmt) out.push(stmt);
    }
    return out;
  }

  private classMember(kid: Kid, decorators: Expr[]): Stmt | undefined {
    const { node, type } = kid;
    switch (type) {
      case "method_definition":
        return {
          kind: "function",
          fn: this.functionDef(node, type, undefined, decorators),
          ...this.span(node),
        };
      case "field_definition":
      case "public_field_definition":
        return this.classField(node);
      case "class_static_block":
        return { kind: "block", body: this.bodyField(node), ...this.span(node) };
      case "ERROR":
        return { kind: "expr", expr: this.expr(kid), ...this.span(node) };
      default:
        return undefined;
    }
  }

  /** `x = 1` in a class body: a `var` statement assigning `this.x`. */
  private classField(node: Node): VarStmt | undefined {
    const nameKid = this.fieldKid(node, "name") ?? this.fieldKid(node, "property");
    if (!nameKid) return undefined;
    const nameSpan = this.span(nameKid.node);
    const self: Expr = { kind: "name", name: "this", ...nameSpan };
    const key = this.propertyKey(nameKid);
    const expr: Expr =
      key !== undefined
        ? { kind: "member", object: self, property: key, propertySpan: nameSpan, ...nameSpan }
        : { kind: "index", object: self, index: this.computedKeyExpr(nameKid), ...nameSpan };
    const stmt: VarStmt = {
      kind: "var",
      target: { kind: "expr", expr, ...nameSpan },
      op: "=",
      declared: true,
      ...this.span(node),
    };
    const value = this.fieldKid(node, "value");
    if (value) {
      stmt.value = this.namedExpr(value, key !== undefined ? { name: key, span: nameSpan } : undefined);
    }
    return stmt;
  }

  /** A class expression outside a declarator: opaque, keeping decorators, bases, methods and field values. */
  private classExpr(node: Node): Opaque {
    const stmt = this.classStmt(node);
    const children: Expr[] = [...stmt.decorators, ...stmt.bases];
    for (const member of stmt.body) {
      if (member.kind === "function") {
        children.push({ kind: "function", fn: member.fn, start: member.start, end: member.end });
      } else if (member.kind === "var" && member.value) children.push(member.value);
    }
    return this.opaque(node, "class", children);
  }

  // ------------------------------------------------------------ binding targets

  private target(kid: Kid): Target {
    const inner = this.unwrap(kid);
    const span = this.span(inner.node);
    if (inner.type === "identifier" || inner.type === "shorthand_property_identifier_pattern") {
      return { kind: "name", name: this.slice(span), ...span };
    }
    if (inner.type === "object_pattern" || inner.type === "array_pattern") {
      return { kind: "pattern", bindings: this.patternBindings(inner), ...span };
    }
    return { kind: "expr", expr: this.expr(inner), ...span };
  }

  private patternBindings(kid: Kid): PatternBinding[] {
    const out: PatternBinding[] = [];
    this.collectBindings(kid, [], out, undefined);
    return out;
  }

  private collectBindings(
    kid: Kid,
    path: string[],
    out: PatternBinding[],
    defaultValue: Expr | undefined,
  ): void {
    if (this.depth >= MAX_DEPTH) return;
    this.depth++;
    this.collectBindingsOf(kid, path, out, defaultValue);
    this.depth--;
  }

  private collectBindingsOf(
    kid: Kid,
    path: string[],
    out: PatternBinding[],
    defaultValue: Expr | undefined,
  ): void {
    const { node, type } = kid;
    switch (type) {
      case "identifier":
      case "shorthand_property_identifier_pattern": {
        const span = this.span(node);
        const binding: PatternBinding = { path, name: this.slice(span), ...span };
        if (defaultValue) binding.defaultValue = defaultValue;
        out.push(binding);
        return;
      }
      case "object_pattern":
        for (const entry of this.named(node)) this.objectPatternEntry(entry, path, out);
        return;
      case "array_pattern":
        this.arrayPatternEntries(node, path, out);
        return;
      case "assignment_pattern":
      case "object_assignment_pattern": {
        const left = this.fieldKid(node, "left");
        const right = this.fieldKid(node, "right");
        if (left) this.collectBindings(left, path, out, right ? this.expr(right) : undefined);
        return;
      }
      case "rest_pattern": {
        const inner = this.firstNamed(node);
        if (inner) this.collectBindings(inner, path, out, undefined);
        return;
      }
      default:
        return;
    }
  }

  private objectPatternEntry(kid: Kid, path: string[], out: PatternBinding[]): void {
    const { node, type } = kid;
    if (type === "shorthand_property_identifier_pattern") {
      this.collectBindings(kid, [...path, this.leafText(node)], out, undefined);
    } else if (type === "object_assignment_pattern") {
      const left = this.field(node, "left");
      if (left) this.collectBindings(kid, [...path, this.leafText(left)], out, undefined);
    } else if (type === "pair_pattern") {
      const key = this.fieldKid(node, "key");
      const value = this.fieldKid(node, "value");
      const segment = key ? (this.propertyKey(key) ?? "[]") : "[]";
      if (value) this.collectBindings(value, [...path, segment], out, undefined);
    } else if (type === "rest_pattern") {
      this.collectBindings(kid, path, out, undefined);
    }
  }

  private arrayPatternEntries(node: Node, path: string[], out: PatternBinding[]): void {
    let index = 0;
    for (const kid of this.all(node)) {
      if (kid.type === ",") index++;
      else if (kid.type === "rest_pattern") this.collectBindings(kid, path, out, undefined);
      else if (kid.type !== "[" && kid.type !== "]") {
        this.collectBindings(kid, [...path, String(index)], out, undefined);
      }
    }
  }

  // ------------------------------------------------------------ expressions

  /** The expression of a required field; an empty opaque at the parent when the parser lost it. */
  private requiredExpr(kid: Kid | undefined, parent: Node): Expr {
    return kid ? this.expr(kid) : this.emptyOpaqueAt(parent, "missing");
  }

  /** An expression that takes `hint` as its name when it is an anonymous function. */
  private namedExpr(kid: Kid, hint: NameHint | undefined): Expr {
    if (!hint) return this.expr(kid);
    const inner = this.unwrap(kid);
    if (!FUNCTION_TYPES.has(inner.type)) return this.expr(inner);
    return this.functionExpr(inner, hint);
  }

  private expr(kid: Kid): Expr {
    const inner = this.unwrap(kid);
    if (this.depth >= MAX_DEPTH) return this.opaque(inner.node, "too-deep", []);
    this.depth++;
    const result = this.exprOf(inner.node, inner.type);
    this.depth--;
    return result;
  }

  private exprOf(node: Node, type: string): Expr {
    switch (type) {
      case "identifier":
      case "shorthand_property_identifier":
      case "private_property_identifier":
      case "property_identifier":
      case "this":
      case "super":
      case "import":
        return this.nameRef(node);
      case "null":
      case "undefined":
        return { kind: "null", ...this.span(node) };
      case "true":
      case "false":
        return { kind: "bool", value: type === "true", ...this.span(node) };
      case "number":
        return this.numberLit(node);
      case "string":
        return { kind: "string", value: this.stringValue(node), ...this.span(node) };
      case "template_string":
        return this.templateString(node);
      case "member_expression":
        return this.member(node);
      case "subscript_expression":
        return this.subscript(node);
      case "call_expression":
        return this.call(node);
      case "new_expression":
        return this.newCall(node);
      case "object":
        return this.objectLit(node);
      case "array":
        return this.arrayLit(node);
      default:
        return this.operatorExpr(node, type);
    }
  }

  private operatorExpr(node: Node, type: string): Expr {
    switch (type) {
      case "binary_expression":
        return this.binary(node);
      case "unary_expression":
        return this.unary(node);
      case "update_expression":
        return this.update(node);
      case "assignment_expression":
      case "augmented_assignment_expression":
        return this.assign(node, type);
      case "await_expression":
        return { kind: "await", expr: this.requiredExpr(this.firstNamed(node), node), ...this.span(node) };
      case "ternary_expression":
        return this.conditional(node);
      case "class":
        return this.classExpr(node);
      case "sequence_expression":
        return this.opaque(node, type, this.sequence({ node, type }));
      case "jsx_element":
      case "jsx_self_closing_element":
      case "jsx_fragment":
        return this.opaque(node, type, this.jsxExprs(node));
      default:
        if (FUNCTION_TYPES.has(type)) return this.functionExpr({ node, type });
        return this.genericOpaque(node, type);
    }
  }

  private nameRef(node: Node): Expr {
    const span = this.span(node);
    if (span.start === span.end) return { kind: "opaque", what: "missing", children: [], ...span };
    return { kind: "name", name: this.slice(span), ...span };
  }

  private numberLit(node: Node): Expr {
    const span = this.span(node);
    const raw = this.slice(span);
    return { kind: "number", value: parseNumber(raw), raw, ...span };
  }

  private templateString(node: Node): StringLit {
    let value = "";
    const parts: Expr[] = [];
    for (const kid of this.all(node)) {
      if (kid.type === "string_fragment") value += this.leafText(kid.node);
      else if (kid.type === "escape_sequence") value += decodeEscape(this.leafText(kid.node));
      else if (kid.type === "template_substitution") {
        value += "${}";
        const inner = this.firstNamed(kid.node);
        parts.push(inner ? this.expr(inner) : this.emptyOpaqueAt(kid.node, "missing"));
      }
    }
    const lit: StringLit = { kind: "string", value, ...this.span(node) };
    if (parts.length > 0) lit.parts = parts;
    return lit;
  }

  /** `a.b` / `a?.b`: named children are the object, an optional `optional_chain`, the property. */
  private member(node: Node): Expr {
    const kids = this.named(node);
    const object = kids[0];
    const property = kids[kids.length - 1];
    if (!object || !property || kids.length < 2 || !property.type.endsWith("property_identifier")) {
      return this.genericOpaque(node, "member_expression");
    }
    const propertySpan = this.span(property.node);
    if (propertySpan.start === propertySpan.end) {
      return this.opaque(node, "member_expression", [this.expr(object)]);
    }
    return {
      kind: "member",
      object: this.expr(object),
      property: this.slice(propertySpan),
      propertySpan,
      ...this.span(node),
    };
  }

  private subscript(node: Node): Expr {
    const object = this.fieldKid(node, "object");
    const index = this.fieldKid(node, "index");
    if (!object || !index) return this.genericOpaque(node, "subscript_expression");
    const key = this.expr(index);
    const span = this.span(node);
    if (key.kind === "string" && !key.parts) {
      return {
        kind: "member",
        object: this.expr(object),
        property: key.value,
        propertySpan: spanOf(key),
        computed: true,
        ...span,
      };
    }
    return { kind: "index", object: this.expr(object), index: key, ...span };
  }

  /** `f(x)`, `a?.(x)`, and tagged templates (opaque): named children are the callee and the arguments. */
  private call(node: Node): Expr {
    const kids = this.named(node);
    const callee = kids[0];
    const args = kids[kids.length - 1];
    const typeArgsOnly = kids.length === 2 || (kids.length === 3 && kids[1]!.type === "type_arguments");
    if (!callee || !args || !typeArgsOnly) return this.genericOpaque(node, "call_expression");
    if (args.type === "template_string") {
      const template = this.templateString(args.node);
      return this.opaque(node, "tagged_template", [this.expr(callee), ...(template.parts ?? [])]);
    }
    if (args.type !== "arguments") return this.genericOpaque(node, "call_expression");
    if (callee.type === "await_expression" || callee.type === "unary_expression") {
      return this.prefixedGenericCall(node, callee, args);
    }
    return { kind: "call", callee: this.expr(callee), args: this.args(args.node), ...this.span(node) };
  }

  /**
   * tree-sitter-typescript reads `await f<T>(x)` and `!f<T>(x)` as a call of
   * `await f` / `!f`; re-associate them as `await f<T>(x)` / `!(f<T>(x))`.
   */
  private prefixedGenericCall(node: Node, callee: Kid, args: Kid): Expr {
    const prefixes: Kid[] = [];
    let operand: Kid | undefined = callee;
    while (operand && (operand.type === "await_expression" || operand.type === "unary_expression")) {
      prefixes.push(operand);
      const kids = this.named(operand.node);
      operand = kids[kids.length - 1];
    }
    if (!operand) return this.genericOpaque(node, "call_expression");
    const end = this.doc.endOf(node);
    let result: Expr = {
      kind: "call",
      callee: this.expr(operand),
      args: this.args(args.node),
      start: this.doc.startOf(operand.node),
      end,
    };
    for (let i = prefixes.length - 1; i >= 0; i--) {
      const prefix = prefixes[i]!;
      const span = { start: this.doc.startOf(prefix.node), end };
      if (prefix.type === "await_expression") {
        result = { kind: "await", expr: result, ...span };
        continue;
      }
      const op = UNARY_OPS[this.all(prefix.node)[0]?.type ?? ""];
      result = op
        ? { kind: "unary", op, operand: result, ...span }
        : { kind: "opaque", what: prefix.type, children: [result], ...span };
    }
    return result;
  }

  private newCall(node: Node): Expr {
    const callee = this.fieldKid(node, "constructor");
    const args = this.field(node, "arguments");
    if (!callee) return this.genericOpaque(node, "new_expression");
    return {
      kind: "call",
      callee: this.expr(callee),
      args: args ? this.args(args) : [],
      isNew: true,
      ...this.span(node),
    };
  }

  private args(node: Node): Arg[] {
    const out: Arg[] = [];
    for (const kid of this.named(node)) {
      if (kid.type === "spread_element") {
        const inner = this.firstNamed(kid.node);
        const value = inner ? this.expr(inner) : this.emptyOpaqueAt(kid.node, "missing");
        out.push({ value, spread: true, ...this.span(kid.node) });
      } else {
        const value = this.expr(kid);
        out.push({ value, ...this.span(kid.node) });
      }
    }
    return out;
  }

  private objectLit(node: Node): Expr {
    const properties: Property[] = [];
    for (const kid of this.named(node)) properties.push(this.property(kid));
    return { kind: "object", properties, ...this.span(node) };
  }

  private property(kid: Kid): Property {
    const { node, type } = kid;
    const span = this.span(node);
    switch (type) {
      case "pair":
        return this.pair(node, span);
      case "shorthand_property_identifier": {
        const name = this.slice(span);
        return { key: name, keySpan: span, value: { kind: "name", name, ...span }, shorthand: true, ...span };
      }
      case "spread_element": {
        const inner = this.firstNamed(node);
        const value = inner ? this.expr(inner) : this.emptyOpaqueAt(node, "missing");
        return { keySpan: span, value, spread: true, ...span };
      }
      case "method_definition": {
        const fn = this.functionDef(node, type);
        const property: Property = {
          keySpan: fn.nameSpan ?? span,
          value: { kind: "function", fn, ...span },
          ...span,
        };
        if (fn.name !== undefined) property.key = fn.name;
        return property;
      }
      default:
        return { keySpan: span, value: this.expr(kid), ...span };
    }
  }

  private pair(node: Node, span: Span): Property {
    const kids = this.named(node);
    const keyKid = kids[0];
    const valueKid = kids.length === 2 ? kids[1] : undefined;
    if (!keyKid || !valueKid) return { keySpan: span, value: this.genericOpaque(node, "pair"), ...span };
    const key = this.propertyKey(keyKid);
    const keySpan = this.span(keyKid.node);
    const value = this.namedExpr(valueKid, key !== undefined ? { name: key, span: keySpan } : undefined);
    if (key !== undefined) return { key, keySpan, value, ...span };
    // A non-literal computed key: keep its expression visible next to the value.
    const keyExpr = this.computedKeyExpr(keyKid);
    return {
      keySpan,
      value: { kind: "opaque", what: "computed_property", children: [keyExpr, value], ...span },
      ...span,
    };
  }

  /**
   * The static key of a property name: identifiers, strings, numbers (as
   * decimal strings) and computed keys holding one of those; else undefined.
   */
  private propertyKey(kid: Kid): string | undefined {
    const { node, type } = kid;
    switch (type) {
      case "property_identifier":
      case "private_property_identifier":
      case "identifier":
      case "shorthand_property_identifier_pattern":
        return this.leafText(node);
      case "string":
        return this.stringValue(node);
      case "number":
        return String(parseNumber(this.leafText(node)));
      case "computed_property_name": {
        const inner = this.firstNamed(node);
        if (!inner) return undefined;
        if (inner.type === "string" || inner.type === "number") return this.propertyKey(inner);
        if (inner.type !== "template_string") return undefined;
        const template = this.templateString(inner.node);
        return template.parts ? undefined : template.value;
      }
      default:
        return undefined;
    }
  }

  private computedKeyExpr(kid: Kid): Expr {
    const inner = kid.type === "computed_property_name" ? this.firstNamed(kid.node) : kid;
    return inner ? this.expr(inner) : this.emptyOpaqueAt(kid.node, "missing");
  }

  private arrayLit(node: Node): Expr {
    const elements: Expr[] = [];
    for (const kid of this.named(node)) {
      if (kid.type === "spread_element") {
        const inner = this.firstNamed(kid.node);
        elements.push(this.opaque(kid.node, "spread_element", inner ? [this.expr(inner)] : []));
      } else {
        elements.push(this.expr(kid));
      }
    }
    return { kind: "array", elements, ...this.span(node) };
  }

  /** Children are exactly left, operator token, right (comments aside). */
  private binary(node: Node): Expr {
    const kids = this.all(node);
    const [left, operator, right] = kids;
    if (!left || !operator || !right || kids.length !== 3) {
      return this.genericOpaque(node, "binary_expression");
    }
    const op = operator.type;
    const span = this.span(node);
    if (op === "&&" || op === "||") {
      return {
        kind: "logical",
        op: op === "&&" ? "and" : "or",
        left: this.expr(left),
        right: this.expr(right),
        ...span,
      };
    }
    const normalised = op === "===" ? "==" : op === "!==" ? "!=" : op;
    return { kind: "binary", op: normalised, left: this.expr(left), right: this.expr(right), ...span };
  }

  private unary(node: Node): Expr {
    const kids = this.all(node);
    const [operator, argument] = kids;
    const op = operator ? UNARY_OPS[operator.type] : undefined;
    if (!argument || !op || kids.length !== 2) return this.genericOpaque(node, "unary_expression");
    return { kind: "unary", op, operand: this.expr(argument), ...this.span(node) };
  }

  /** `i++` / `--i`: an assignment of 1 with op "++" / "--". */
  private update(node: Node): Expr {
    const kids = this.all(node);
    const operator = kids.find((k) => k.type === "++" || k.type === "--");
    const argument = kids.find((k) => k !== operator);
    if (!operator || !argument || kids.length !== 2) return this.genericOpaque(node, "update_expression");
    const opSpan = this.span(operator.node);
    const value: Expr = { kind: "number", value: 1, raw: "1", ...opSpan };
    return { kind: "assign", op: operator.type, target: this.target(argument), value, ...this.span(node) };
  }

  /** Children are exactly target, operator token, value (comments aside). */
  private assign(node: Node, type: string): Expr {
    const kids = this.all(node);
    const [left, operator, right] = kids;
    if (!left || !operator || !right || kids.length !== 3) return this.genericOpaque(node, type);
    const target = this.target(left);
    const value = this.namedExpr(right, this.hintFromTarget(target));
    return { kind: "assign", op: operator.type, target, value, ...this.span(node) };
  }

  /** `f = () => {}` names the function `f`; `obj.m = function () {}` names it `m`. */
  private hintFromTarget(target: Target): NameHint | undefined {
    if (target.kind === "name") return { name: target.name, span: spanOf(target) };
    if (target.kind === "expr" && target.expr.kind === "member") {
      return { name: target.expr.property, span: target.expr.propertySpan };
    }
    return undefined;
  }

  private conditional(node: Node): Expr {
    const [test, then, otherwise] = this.named(node);
    return {
      kind: "conditional",
      test: this.requiredExpr(test, node),
      then: this.requiredExpr(then, node),
      else: this.requiredExpr(otherwise, node),
      ...this.span(node),
    };
  }

  private functionExpr(kid: Kid, hint?: NameHint): FunctionExpr {
    return { kind: "function", fn: this.functionDef(kid.node, kid.type, hint), ...this.span(kid.node) };
  }

  /** The operands of `a, b, c` (flattening nested sequences), or the one expression. */
  private sequence(kid: Kid): Expr[] {
    const out: Expr[] = [];
    const stack: Kid[] = [kid];
    while (stack.length > 0) {
      const current = this.unwrap(stack.pop()!);
      if (current.type !== "sequence_expression") {
        out.push(this.expr(current));
        continue;
      }
      const items = this.named(current.node);
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]!);
    }
    return out;
  }

  /** The expressions embedded in a JSX tree (attribute values and children), in source order. */
  private jsxExprs(node: Node): Expr[] {
    const out: Expr[] = [];
    const stack: Kid[] = this.named(node).reverse();
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (current.type === "jsx_expression") {
        const inner = this.firstNamed(current.node);
        const value = inner?.type === "spread_element" ? this.firstNamed(inner.node) : inner;
        if (value) out.push(this.expr(value));
      } else if (current.type.startsWith("jsx_")) {
        const items = this.named(current.node);
        for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]!);
      }
    }
    return out;
  }

  /** Anything else (ERROR, regex, yield, meta properties, spreads): opaque with its sub-expressions. */
  private genericOpaque(node: Node, type: string): Opaque {
    const children: Expr[] = [];
    for (const kid of this.named(node)) this.collectExprs(kid, children);
    return this.opaque(node, type, children);
  }

  /**
   * Adds `kid` to `out` if it is an expression; otherwise searches its
   * children for expressions (type annotations are skipped).
   */
  private collectExprs(kid: Kid, out: Expr[]): void {
    if (EXPRESSION_TYPES.has(kid.type)) {
      out.push(this.expr(kid));
      return;
    }
    if (isTypeNode(kid.type) || this.depth >= MAX_DEPTH) return;
    this.depth++;
    for (const child of this.named(kid.node)) this.collectExprs(child, out);
    this.depth--;
  }

  // ------------------------------------------------------------ strings

  /** The value of a string literal; only strings with escapes need their children. */
  private stringValue(node: Node): string {
    const span = this.span(node);
    const raw = this.text.slice(span.start + 1, span.end - 1);
    if (!raw.includes("\\")) return raw;
    let value = "";
    for (const kid of this.all(node)) {
      if (kid.type === "string_fragment") value += this.leafText(kid.node);
      else if (kid.type === "escape_sequence") value += decodeEscape(this.leafText(kid.node));
    }
    return value;
  }
}

/** The numeric value of a JS number literal: separators, hex/octal/binary, BigInt suffix, legacy octal. */
function parseNumber(raw: string): number {
  const value = Number(raw);
  if (!Number.isNaN(value) && !(raw.length > 1 && raw[0] === "0" && raw[1]! >= "0" && raw[1]! <= "9")) {
    return value;
  }
  let digits = raw.split("_").join("");
  if (digits.endsWith("n")) digits = digits.slice(0, -1);
  if (digits.length > 1 && digits[0] === "0" && isOctalDigits(digits.slice(1))) {
    return parseInt(digits.slice(1), 8);
  }
  const plain = Number(digits);
  return Number.isNaN(plain) ? parseFloat(digits) : plain;
}

function isOctalDigits(s: string): boolean {
  for (const ch of s) if (ch < "0" || ch > "7") return false;
  return s.length > 0;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  t: "\t",
  r: "\r",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
};

/** The character(s) an escape sequence such as `\n`, `\x41`, `\u{1F600}` stands for. */
function decodeEscape(raw: string): string {
  const body = raw.slice(1);
  const first = body[0] ?? "";
  if (first === "x" || first === "u") {
    const hex = body[1] === "{" ? body.slice(2, -1) : body.slice(1);
    const code = parseInt(hex, 16);
    return Number.isNaN(code) || code > 0x10ffff ? body : String.fromCodePoint(code);
  }
  if (first === "\n" || first === "\r" || first === "\u2028" || first === "\u2029") return "";
  return SIMPLE_ESCAPES[first] ?? body;
}
