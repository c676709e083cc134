/** Functions, classes, imports and assignment targets. */

import type {
  ClassStmt,
  Expr,
  FunctionDef,
  ImportStmt,
  Param,
  PatternBinding,
  Stmt,
  Target,
} from "../../../ir/types";
import {
  type Syn,
  fieldOf,
  fieldsOf,
  namedKids,
  firstNamed,
  kidOfType,
  spanOf,
  tokenSpan,
  optional,
  unwrapParens,
} from "./syntax";
import { ExpressionLowering } from "./expressions";

/** Lowers function and class definitions, imports and targets. */
export abstract class DefinitionLowering extends ExpressionLowering {
  /** `HTTPStatus.TOO_MANY_REQUESTS` in a pattern -> a member chain; `Foo` -> a name. */
  protected dottedName(n: Syn): Expr {
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

  protected decoratedDefinition(n: Syn, out: Stmt[]): void {
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
  protected functionDef(n: Syn, outer: Syn, decorators: Expr[]): FunctionDef {
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

  protected params(n: Syn | undefined): Param[] {
    const out: Param[] = [];
    for (const kid of n ? namedKids(n) : []) {
      const param = this.param(kid);
      if (param) out.push(param);
    }
    return out;
  }

  protected param(n: Syn): Param | undefined {
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

  protected classDef(n: Syn, outer: Syn, decorators: Expr[]): ClassStmt {
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
  protected importStatement(n: Syn, out: Stmt[]): void {
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
  protected importFromStatement(n: Syn): ImportStmt {
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

  protected moduleText(n: Syn): string {
    if (n.type !== "relative_import") return this.dottedText(n);
    const prefix = kidOfType(n, "import_prefix");
    const dotted = kidOfType(n, "dotted_name");
    return (prefix ? this.textOf(prefix) : "") + (dotted ? this.dottedText(dotted) : "");
  }

  /** `a.b.c` with any whitespace or comments between the parts removed. */
  protected dottedText(n: Syn): string {
    if (n.type !== "dotted_name") return this.textOf(n);
    return namedKids(n)
      .map((k) => this.textOf(k))
      .join(".");
  }

  // ------------------------------------------------------------ binding targets

  protected target(n: Syn): Target {
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

  protected opaqueTarget(n: Syn): Target {
    return { kind: "expr", expr: this.emptyOpaque(n), ...spanOf(n) };
  }

  /** Names bound by a tuple/list unpacking, with their index paths (`a, (b, c)` -> 0, 1.0, 1.1). */
  protected collectBindings(n: Syn, prefix: string[], out: PatternBinding[]): void {
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
}
