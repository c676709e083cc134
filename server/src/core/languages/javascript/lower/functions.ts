/** Functions, parameters and classes. */

import type { Node } from "web-tree-sitter";
import type { Span } from "../../../types";
import type { ClassStmt, Expr, FunctionDef, Opaque, Param, Stmt, VarStmt } from "../../../ir/types";
import { type Kid, type NameHint, isTypeNode } from "./syntax";
import { ExpressionLowering } from "./expressions";

/** Lowers functions, parameters, decorators and classes. */
export abstract class FunctionLowering extends ExpressionLowering {
  // ------------------------------------------------------------ functions and classes

  protected functionDef(node: Node, type: string, hint?: NameHint, decorators: Expr[] = []): FunctionDef {
    const span = this.span(node);
    const fn: FunctionDef = { decorators, params: [], body: [], isAsync: false, head: span, ...span };
    if (type.startsWith("generator_function")) fn.isGenerator = true;
    const outerYieldIsAwait = this.yieldIsAwait;
    this.yieldIsAwait = this.awaiterBodies.has(node.id);
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
    this.yieldIsAwait = outerYieldIsAwait;
    this.nameFunction(fn, nameKid, hint);
    if (type === "method_definition") fn.head = fn.nameSpan ?? span;
    else if (keyword) fn.head = keyword;
    const compiled = awaiterGenerator(fn);
    if (compiled) {
      // TypeScript's compiled `async` function: `return __awaiter(this, ..., function* () { body })` runs body.
      fn.body = compiled.body;
      fn.isAsync = true;
    }
    return fn;
  }

  protected nameFunction(fn: FunctionDef, nameKid: Kid | undefined, hint: NameHint | undefined): void {
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
  protected arrowHead(params: Node | undefined, arrow: Node): Span {
    const arrowSpan = this.span(arrow);
    if (!params) return arrowSpan;
    const start = this.doc.startOf(params);
    const oneLine = params.startPosition.row === arrow.startPosition.row;
    return oneLine ? { start, end: arrowSpan.end } : { start, end: start + 1 };
  }

  protected expressionBody(kid: Kid): Stmt[] {
    const value = this.expr(kid);
    return [{ kind: "return", value, start: value.start, end: value.end }];
  }

  protected params(list: Node): Param[] {
    const out: Param[] = [];
    for (const kid of this.named(list)) {
      const param = this.param(kid);
      if (param) out.push(param);
    }
    return out;
  }

  protected param(kid: Kid): Param | undefined {
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
  protected bindingParam(kid: Kid, span: Span): Param {
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

  protected decorator(node: Node): Expr[] {
    const inner = this.firstNamed(node);
    return inner ? [this.expr(inner)] : [];
  }

  protected classStmt(node: Node, hint?: NameHint, outerDecorators: Expr[] = [], span?: Span): ClassStmt {
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
  protected heritage(node: Node): Expr[] {
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

  protected classBody(node: Node): Stmt[] {
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

  protected classMember(kid: Kid, decorators: Expr[]): Stmt | undefined {
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
  protected classField(node: Node): VarStmt | undefined {
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
  protected classExpr(node: Node): Opaque {
    const stmt = this.classStmt(node);
    const children: Expr[] = [...stmt.decorators, ...stmt.bases];
    for (const member of stmt.body) {
      if (member.kind === "function") {
        children.push({ kind: "function", fn: member.fn, start: member.start, end: member.end });
      } else if (member.kind === "var" && member.value) children.push(member.value);
    }
    return this.opaque(node, "class", children);
  }
}

/** The generator a function hands to `__awaiter` as its whole body (`return __awaiter(this, void 0, void 0, function* () {...})`). */
function awaiterGenerator(fn: FunctionDef): FunctionDef | undefined {
  if (fn.body.length !== 1) return undefined;
  const only = fn.body[0]!;
  if (only.kind !== "return" || only.value?.kind !== "call") return undefined;
  const call = only.value;
  if (call.callee.kind !== "name" || call.callee.name !== "__awaiter") return undefined;
  const last = call.args.at(-1)?.value;
  return last?.kind === "function" && last.fn.isGenerator ? last.fn : undefined;
}
