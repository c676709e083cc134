/** Python statements: the top of the lowering. */

import type { CatchClause, Expr, IfStmt, LoopStmt, Stmt, TryStmt } from "../../../ir/types";
import {
  type Syn,
  fieldOf,
  fieldsOf,
  namedKids,
  firstNamed,
  kidOfType,
  spanOf,
  tokenSpan,
  STATEMENT_TYPES,
  optional,
  unwrapParens,
  nameFunction,
} from "./syntax";
import { MatchLowering } from "./match";

/** The lowering of one document: statements, on top of the expression, definition and match layers. */
export class Lowering extends MatchLowering {
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
  protected body(n: Syn, block: Syn | undefined): Stmt[] {
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
  protected singleStatement(n: Syn): Stmt {
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

  protected expressionStatement(n: Syn, out: Stmt[]): void {
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
  protected assignment(statement: Syn, n: Syn, out: Stmt[]): void {
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

  protected augmentedAssignment(statement: Syn, n: Syn): Stmt {
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
  protected errorStatements(n: Syn, out: Stmt[]): void {
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
  protected ifStatement(n: Syn): IfStmt {
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

  protected forStatement(n: Syn): LoopStmt {
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

  protected whileStatement(n: Syn): LoopStmt {
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

  protected elseBody(n: Syn): Stmt[] | undefined {
    const clause = n.kids.find((k) => k.type === "else_clause");
    return clause && this.body(clause, fieldOf(clause, "body"));
  }

  protected tryStatement(n: Syn): TryStmt {
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
  protected exceptClause(n: Syn): CatchClause {
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

  protected exceptTypes(n: Syn): Expr[] {
    const inner = unwrapParens(n);
    if (inner.type === "tuple" && !inner.truncated) return namedKids(inner).map((k) => this.expr(k));
    return [this.expr(inner)];
  }

  /** `with a() as x, b():` -> a block with one `with` entry per item. */
  protected withStatement(n: Syn): Stmt {
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
}
