// Over 400 lines: every JavaScript/TypeScript expression form lowers here, and the forms recurse into each other.
/** Expressions: names, members, calls, operators. */

import type { Node } from "web-tree-sitter";
import type { Arg, Expr, FunctionExpr, Opaque, Target } from "../../../ir/types";
import {
  MAX_DEPTH,
  type Kid,
  type NameHint,
  FUNCTION_TYPES,
  EXPRESSION_TYPES,
  UNARY_OPS,
  isTypeNode,
  spanOf,
} from "./syntax";
import { LiteralLowering } from "./literals";

/** Lowers expressions. */
export abstract class ExpressionLowering extends LiteralLowering {
  // ------------------------------------------------------------ expressions

  /** The expression of a required field; an empty opaque at the parent when the parser lost it. */
  protected requiredExpr(kid: Kid | undefined, parent: Node): Expr {
    return kid ? this.expr(kid) : this.emptyOpaqueAt(parent, "missing");
  }

  /** An expression that takes `hint` as its name when it is an anonymous function. */
  protected namedExpr(kid: Kid, hint: NameHint | undefined): Expr {
    if (!hint) return this.expr(kid);
    const inner = this.unwrap(kid);
    if (!FUNCTION_TYPES.has(inner.type)) return this.expr(inner);
    return this.functionExpr(inner, hint);
  }

  protected expr(kid: Kid): Expr {
    const inner = this.unwrap(kid);
    if (this.depth >= MAX_DEPTH) return this.opaque(inner.node, "too-deep", []);
    this.depth++;
    const result = this.exprOf(inner.node, inner.type);
    this.depth--;
    return result;
  }

  protected exprOf(node: Node, type: string): Expr {
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

  protected operatorExpr(node: Node, type: string): Expr {
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
      case "yield_expression":
        // Compiled `async` code: `yield p` in the generator given to `__awaiter` awaits p.
        if (!this.yieldIsAwait || !this.firstNamed(node)) return this.genericOpaque(node, type);
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

  protected nameRef(node: Node): Expr {
    const span = this.span(node);
    if (span.start === span.end) return { kind: "opaque", what: "missing", children: [], ...span };
    return { kind: "name", name: this.slice(span), ...span };
  }

  /** `a.b` / `a?.b`: named children are the object, an optional `optional_chain`, the property. */
  protected member(node: Node): Expr {
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

  protected subscript(node: Node): Expr {
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
  protected call(node: Node): Expr {
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
    const awaited = this.awaitedParenCall(node, callee, args);
    if (awaited) return awaited;
    if (callee.type === "identifier" && this.leafText(callee.node) === "__awaiter") {
      const body = this.named(args.node).at(-1);
      if (body && FUNCTION_TYPES.has(body.type)) this.awaiterBodies.add(body.node.id);
    }
    return { kind: "call", callee: this.callee(callee), args: this.args(args.node), ...this.span(node) };
  }

  /**
   * The JavaScript grammar reads `await (0, mod.fn)(x)` as a call of a function named `await`
   * with the arguments `0, mod.fn`; re-associate it as `await mod.fn(x)`.
   */
  protected awaitedParenCall(node: Node, callee: Kid, args: Kid): Expr | undefined {
    if (callee.type !== "call_expression") return undefined;
    const [fn, inner] = this.named(callee.node);
    if (fn?.type !== "identifier" || this.leafText(fn.node) !== "await" || inner?.type !== "arguments")
      return undefined;
    const operands = this.named(inner.node);
    const target =
      operands.length === 2 && operands[0]!.type === "number"
        ? operands[1]
        : operands.length === 1
          ? operands[0]
          : undefined;
    if (!target || (target.type !== "member_expression" && target.type !== "identifier")) return undefined;
    const span = this.span(node);
    const call: Expr = {
      kind: "call",
      callee: this.expr(target),
      args: this.args(args.node),
      start: this.doc.startOf(inner.node),
      end: span.end,
    };
    return { kind: "await", expr: call, ...span };
  }

  /** `(0, mod.fn)(x)`: how compilers (tsc, Babel, esbuild) call an import without a `this`; it calls `mod.fn`. */
  protected callee(kid: Kid): Expr {
    const fn = this.expr(kid);
    if (fn.kind !== "opaque" || fn.what !== "sequence_expression" || fn.children.length !== 2) return fn;
    const [first, second] = fn.children;
    return first?.kind === "number" &&
      first.value === 0 &&
      (second?.kind === "member" || second?.kind === "name")
      ? second
      : fn;
  }

  /**
   * tree-sitter-typescript reads `await f<T>(x)` and `!f<T>(x)` as a call of
   * `await f` / `!f`; re-associate them as `await f<T>(x)` / `!(f<T>(x))`.
   */
  protected prefixedGenericCall(node: Node, callee: Kid, args: Kid): Expr {
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
      callee: this.callee(operand),
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

  protected newCall(node: Node): Expr {
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

  protected args(node: Node): Arg[] {
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

  /** Children are exactly left, operator token, right (comments aside). */
  protected binary(node: Node): Expr {
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

  protected unary(node: Node): Expr {
    const kids = this.all(node);
    const [operator, argument] = kids;
    const op = operator ? UNARY_OPS[operator.type] : undefined;
    if (!argument || !op || kids.length !== 2) return this.genericOpaque(node, "unary_expression");
    return { kind: "unary", op, operand: this.expr(argument), ...this.span(node) };
  }

  /** `i++` / `--i`: an assignment of 1 with op "++" / "--". */
  protected update(node: Node): Expr {
    const kids = this.all(node);
    const operator = kids.find((k) => k.type === "++" || k.type === "--");
    const argument = kids.find((k) => k !== operator);
    if (!operator || !argument || kids.length !== 2) return this.genericOpaque(node, "update_expression");
    const opSpan = this.span(operator.node);
    const value: Expr = { kind: "number", value: 1, raw: "1", ...opSpan };
    return { kind: "assign", op: operator.type, target: this.target(argument), value, ...this.span(node) };
  }

  /** Children are exactly target, operator token, value (comments aside). */
  protected assign(node: Node, type: string): Expr {
    const kids = this.all(node);
    const [left, operator, right] = kids;
    if (!left || !operator || !right || kids.length !== 3) return this.genericOpaque(node, type);
    const target = this.target(left);
    const value = this.namedExpr(right, this.hintFromTarget(target));
    return { kind: "assign", op: operator.type, target, value, ...this.span(node) };
  }

  /** `f = () => {}` names the function `f`; `obj.m = function () {}` names it `m`. */
  protected hintFromTarget(target: Target): NameHint | undefined {
    if (target.kind === "name") return { name: target.name, span: spanOf(target) };
    if (target.kind === "expr" && target.expr.kind === "member") {
      return { name: target.expr.property, span: target.expr.propertySpan };
    }
    return undefined;
  }

  protected conditional(node: Node): Expr {
    const [test, then, otherwise] = this.named(node);
    return {
      kind: "conditional",
      test: this.requiredExpr(test, node),
      then: this.requiredExpr(then, node),
      else: this.requiredExpr(otherwise, node),
      ...this.span(node),
    };
  }

  protected functionExpr(kid: Kid, hint?: NameHint): FunctionExpr {
    return { kind: "function", fn: this.functionDef(kid.node, kid.type, hint), ...this.span(kid.node) };
  }

  /** The operands of `a, b, c` (flattening nested sequences), or the one expression. */
  protected sequence(kid: Kid): Expr[] {
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
  protected jsxExprs(node: Node): Expr[] {
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
  protected genericOpaque(node: Node, type: string): Opaque {
    const children: Expr[] = [];
    for (const kid of this.named(node)) this.collectExprs(kid, children);
    return this.opaque(node, type, children);
  }

  /**
   * Adds `kid` to `out` if it is an expression; otherwise searches its
   * children for expressions (type annotations are skipped).
   */
  protected collectExprs(kid: Kid, out: Expr[]): void {
    if (EXPRESSION_TYPES.has(kid.type)) {
      out.push(this.expr(kid));
      return;
    }
    if (isTypeNode(kid.type) || this.depth >= MAX_DEPTH) return;
    this.depth++;
    for (const child of this.named(kid.node)) this.collectExprs(child, out);
    this.depth--;
  }
}
