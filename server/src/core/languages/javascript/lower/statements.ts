/** Statements: the top of the JavaScript lowering. */

import type { Node } from "web-tree-sitter";
import type {
  BlockStmt,
  CatchClause,
  Expr,
  IfStmt,
  LoopStmt,
  ObjectLit,
  Property,
  Stmt,
  SwitchCase,
  SwitchStmt,
  Target,
  TryStmt,
  VarStmt,
} from "../../../ir/types";
import {
  MAX_DEPTH,
  type Kid,
  DROPPED_STATEMENTS,
  STATEMENT_TYPES,
  isComment,
  isTypeNode,
  spanOf,
} from "./syntax";
import { ModuleLowering } from "./modules";

/** The lowering of one document: statements, on top of the expression, function and module layers. */
export class Lowering extends ModuleLowering {
  // ------------------------------------------------------------ statements

  /** A top-level statement; a failure in one statement cannot lose the others. */
  topLevelStatement(node: Node): Stmt[] {
    const depth = this.depth;
    try {
      return this.statement(this.kid(node));
    } catch {
      this.depth = depth;
      // What the failed lowering made is dropped with it.
      this.unread = [];
      return [{ kind: "expr", expr: this.opaque(node, "unlowered", []), ...this.span(node) }];
    }
  }

  protected statements(container: Node): Stmt[] {
    const out: Stmt[] = [];
    for (const kid of this.named(container)) out.push(...this.statement(kid));
    return out;
  }

  /** A loop / if / function body: the statements of a block, or one statement. */
  protected body(kid: Kid | undefined): Stmt[] {
    if (!kid) return [];
    return kid.type === "statement_block" ? this.statements(kid.node) : this.statement(kid);
  }

  protected bodyField(node: Node): Stmt[] {
    return this.body(this.fieldKid(node, "body"));
  }

  protected statement(kid: Kid): Stmt[] {
    if (this.depth >= MAX_DEPTH) {
      return [{ kind: "expr", expr: this.opaque(kid.node, "too-deep", []), ...this.span(kid.node) }];
    }
    this.depth++;
    const result = this.statementOf(kid.node, kid.type);
    this.depth--;
    return result;
  }

  protected statementOf(node: Node, type: string): Stmt[] {
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

  protected otherStatement(node: Node, type: string): Stmt[] {
    if (type === "enum_declaration") return this.enumDeclaration(node);
    if (DROPPED_STATEMENTS.has(type) || isTypeNode(type)) return [];
    if (type === "internal_module") return [this.namespaceBlock(node)];
    return [{ kind: "expr", expr: this.expr({ node, type }), ...this.span(node) }];
  }

  /**
   * `enum HttpCodes { ServiceUnavailable = 503, GatewayTimeout }` runs as an
   * object of its members, so it lowers to `const HttpCodes = { ... }` (members
   * without an initialiser count on from the previous number).
   */
  protected enumDeclaration(node: Node): Stmt[] {
    const nameKid = this.fieldKid(node, "name");
    const body = this.field(node, "body");
    if (!nameKid || !body) return [];
    const properties: Property[] = [];
    let next: number | undefined = 0;
    for (const member of this.named(body)) {
      const keyKid = member.type === "enum_assignment" ? this.fieldKid(member.node, "name") : member;
      const key = keyKid ? this.propertyKey(keyKid) : undefined;
      if (!keyKid || key === undefined) continue;
      const span = this.span(member.node);
      const valueKid = member.type === "enum_assignment" ? this.fieldKid(member.node, "value") : undefined;
      let value: Expr;
      if (valueKid) {
        value = this.expr(this.unwrap(valueKid));
        next = value.kind === "number" ? value.value + 1 : undefined;
      } else if (next !== undefined) {
        value = { kind: "number", value: next, raw: String(next), ...span };
        next++;
      } else {
        value = this.opaque(member.node, "enum_member", []);
      }
      properties.push({ key, keySpan: this.span(keyKid.node), value, ...span });
    }
    const target: Target = { kind: "name", name: this.leafText(nameKid.node), ...this.span(nameKid.node) };
    const value: ObjectLit = { kind: "object", properties, ...this.span(body) };
    return [{ kind: "var", target, value, op: "=", declared: true, ...this.span(node) }];
  }

  protected expressionStatement(node: Node): Stmt[] {
    const inner = this.firstNamed(node);
    if (!inner) return [];
    if (inner.type === "internal_module") return [this.namespaceBlock(inner.node)];
    return [this.exprAsStatement(this.expr(inner), node)];
  }

  /** An expression in statement position; assignments and updates become `var` statements. */
  protected exprAsStatement(expr: Expr, node: Node): Stmt {
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
  protected namespaceBlock(node: Node): BlockStmt {
    const body = this.field(node, "body");
    return { kind: "block", body: body ? this.statements(body) : [], ...this.span(node) };
  }

  protected declaration(node: Node): Stmt[] {
    const out: Stmt[] = [];
    for (const kid of this.named(node)) {
      if (kid.type === "variable_declarator") out.push(this.declarator(kid.node));
    }
    return out;
  }

  protected declarator(node: Node): Stmt {
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

  protected ifStatement(node: Node): IfStmt {
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

  protected switchStatement(node: Node): SwitchStmt {
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

  protected switchCase(node: Node, type: string): SwitchCase {
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

  protected forStatement(node: Node): LoopStmt {
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

  protected forInit(kid: Kid): Stmt[] {
    if (kid.type === "empty_statement") return [];
    if (STATEMENT_TYPES.has(kid.type)) return this.statement(kid);
    return [this.exprAsStatement(this.expr(kid), kid.node)];
  }

  /** The `condition` field is repeated (the expression and its `;`); take the expression. */
  protected forCondition(node: Node): Kid | undefined {
    for (const child of node.childrenForFieldName("condition")) {
      if (!child) continue;
      const type = child.type;
      if (type === "expression_statement") return this.firstNamed(child);
      if (type !== ";" && type !== "empty_statement" && !isComment(type)) return { node: child, type };
    }
    return undefined;
  }

  protected forInStatement(node: Node): LoopStmt {
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

  protected whileStatement(node: Node, loop: "while" | "do"): LoopStmt {
    return {
      kind: "loop",
      loop,
      keyword: this.leadingKeyword(node, loop),
      test: this.requiredExpr(this.fieldKid(node, "condition"), node),
      body: this.bodyField(node),
      ...this.span(node),
    };
  }

  protected tryStatement(node: Node): TryStmt {
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

  protected catchClause(node: Node): CatchClause {
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

  protected exit(node: Node, kind: "return" | "throw"): Stmt {
    const value = this.firstNamed(node);
    return value ? { kind, value: this.expr(value), ...this.span(node) } : { kind, ...this.span(node) };
  }

  protected jump(node: Node, kind: "break" | "continue"): Stmt {
    const label = this.field(node, "label");
    return label ? { kind, label: this.leafText(label), ...this.span(node) } : { kind, ...this.span(node) };
  }

  protected labeledStatement(node: Node): BlockStmt {
    const label = this.field(node, "label");
    const block: BlockStmt = { kind: "block", body: this.bodyField(node), ...this.span(node) };
    if (label) block.label = this.leafText(label);
    return block;
  }

  protected withStatement(node: Node): BlockStmt {
    const object = this.fieldKid(node, "object");
    const block: BlockStmt = { kind: "block", body: this.bodyField(node), ...this.span(node) };
    if (object) block.with = [{ value: this.expr(object) }];
    return block;
  }

  /** An ERROR node in statement position: the statements inside it, the rest as one opaque. */
  protected errorStatements(node: Node): Stmt[] {
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
}
