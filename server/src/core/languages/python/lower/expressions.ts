/** Python expressions. */

import type { Span } from "../../../types";
import type { Arg, ArrayLit, Expr, FunctionDef, Property, Stmt, StringLit } from "../../../ir/types";
import {
  MAX_COMPARISON_CHAIN,
  type Syn,
  fieldOf,
  fieldsOf,
  namedKids,
  firstNamed,
  kidOfType,
  spanOf,
  tokenSpan,
  optional,
  decodeEscapes,
} from "./syntax";
import { LoweringBase } from "./base";

/** Lowers expressions, literals, calls and comparisons. */
export abstract class ExpressionLowering extends LoweringBase {
  protected lambda(n: Syn): Expr {
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

  // ------------------------------------------------------------ expressions

  protected optionalExpr(n: Syn | undefined): Expr | undefined {
    return n && this.expr(n);
  }

  /** Lowers `n`, or an empty opaque at `parent` when the parser left it out. */
  protected requiredExpr(n: Syn | undefined, parent: Syn): Expr {
    return n
      ? this.expr(n)
      : { kind: "opaque", what: "missing", children: [], start: parent.end, end: parent.end };
  }

  protected expr(n: Syn): Expr {
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

  protected number(n: Syn): Expr {
    const raw = this.textOf(n);
    const clean = raw.replace(/_/g, "").replace(/[lL]$/, "");
    // An imaginary literal (`3j`) is not a number the analysis can use.
    const value = /[jJ]$/.test(clean) ? NaN : Number(clean);
    if (Number.isNaN(value)) return this.opaque(n);
    return { kind: "number", value, raw, ...spanOf(n) };
  }

  protected string(n: Syn): StringLit {
    const pieces = n.type === "concatenated_string" ? n.kids.filter((k) => k.type === "string") : [n];
    let value = "";
    const parts: Expr[] = [];
    for (const piece of pieces) value += this.stringPiece(piece, parts);
    return parts.length > 0
      ? { kind: "string", value, parts, ...spanOf(n) }
      : { kind: "string", value, ...spanOf(n) };
  }

  /** The value of one string token; f-string interpolations add `${}` to it and their expression to `parts`. */
  protected stringPiece(n: Syn, parts: Expr[]): string {
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

  protected attribute(n: Syn): Expr {
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
  protected subscript(n: Syn): Expr {
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

  protected call(n: Syn): Expr {
    const argsNode = fieldOf(n, "arguments");
    let args: Arg[] = [];
    if (argsNode?.type === "argument_list") args = namedKids(argsNode).map((k) => this.arg(k));
    else if (argsNode) args = [{ value: this.expr(argsNode), ...spanOf(argsNode) }];
    return { kind: "call", callee: this.requiredExpr(fieldOf(n, "function"), n), args, ...spanOf(n) };
  }

  protected arg(n: Syn): Arg {
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

  protected dictionary(n: Syn): Expr {
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
  protected staticKey(n: Syn): string | undefined {
    if (n.type !== "string" && n.type !== "concatenated_string" && n.type !== "integer" && n.type !== "float")
      return undefined;
    const key = this.expr(n);
    if (key.kind === "string" && !key.parts) return key.value;
    if (key.kind === "number") return String(key.value);
    return undefined;
  }

  /** `a < b`, and chains `a < b <= c` as an `and` of pairwise comparisons. */
  protected comparison(n: Syn): Expr {
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

  protected logical(n: Syn): Expr {
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

  protected unary(n: Syn): Expr {
    const op = fieldOf(n, "operator")?.type;
    if (op !== "-" && op !== "+" && op !== "~") return this.opaque(n);
    return { kind: "unary", op, operand: this.requiredExpr(fieldOf(n, "argument"), n), ...spanOf(n) };
  }

  protected binary(n: Syn): Expr {
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
  protected conditional(n: Syn): Expr {
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
  protected walrus(n: Syn): Expr {
    const name = fieldOf(n, "name");
    const value = fieldOf(n, "value");
    if (!name || !value) return this.opaque(n);
    return { kind: "assign", op: "=", target: this.target(name), value: this.expr(value), ...spanOf(n) };
  }

  protected arrayOf(nodes: Syn[], span: Span): ArrayLit {
    return { kind: "array", elements: nodes.map((k) => this.expr(k)), ...spanOf(span) };
  }
}
