/** Imports, `require` and exports. */

import type { Node } from "web-tree-sitter";
import type { Span } from "../../../types";
import type { Expr, ImportStmt, Stmt } from "../../../ir/types";
import { type Kid, FUNCTION_TYPES, STATEMENT_TYPES } from "./syntax";
import { FunctionLowering } from "./functions";

/** Lowers imports, `require` bindings and exports. */
export abstract class ModuleLowering extends FunctionLowering {
  // ------------------------------------------------------------ imports and exports

  protected importStatement(node: Node): ImportStmt {
    const stmt: ImportStmt = { kind: "import", module: "", names: [], ...this.span(node) };
    for (const kid of this.named(node)) {
      if (kid.type === "string") stmt.module = this.stringValue(kid.node);
      else if (kid.type === "import_clause") this.importClause(kid.node, stmt);
      else if (kid.type === "import_require_clause") this.importRequireClause(kid.node, stmt);
    }
    return stmt;
  }

  /** TypeScript `import fs = require("fs")`. */
  protected importRequireClause(node: Node, stmt: ImportStmt): void {
    for (const kid of this.named(node)) {
      if (kid.type === "identifier") stmt.namespace = this.leafText(kid.node);
      else if (kid.type === "string") stmt.module = this.stringValue(kid.node);
    }
  }

  protected importClause(node: Node, stmt: ImportStmt): void {
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

  protected importSpecifier(node: Node, stmt: ImportStmt): void {
    const name = this.fieldKid(node, "name");
    const alias = this.field(node, "alias");
    if (!name) return;
    const imported = name.type === "string" ? this.stringValue(name.node) : this.leafText(name.node);
    stmt.names.push({ imported, local: alias ? this.leafText(alias) : imported });
  }

  /** The module of `require("m")`, else undefined. */
  protected requiredModule(value: Kid): string | undefined {
    if (value.type !== "call_expression") return undefined;
    const [callee, args, extra] = this.named(value.node);
    if (extra || callee?.type !== "identifier" || args?.type !== "arguments") return undefined;
    const name = this.leafText(callee.node);
    const [only, extraArg] = this.named(args.node);
    if (!only || extraArg) return undefined;
    // What compilers wrap a require in: tsc's `__importStar` / `__importDefault`, Babel's
    // `_interopRequireWildcard` / `_interopRequireDefault`, esbuild's `__toESM`.
    if (INTEROP_HELPERS.has(name)) return this.requiredModule(this.unwrap(only));
    if (name !== "require") return undefined;
    if (only.type === "string") return this.stringValue(only.node);
    if (only.type !== "template_string") return undefined;
    const template = this.templateString(only.node);
    return template.parts ? undefined : template.value;
  }

  protected requireImport(name: Kid, module: string, span: Span): ImportStmt {
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

  protected exportStatement(node: Node): Stmt[] {
    const reexport = this.reexport(node);
    if (reexport) return [reexport];
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
    const isDefault = this.all(node).some((k) => k.type === "default" || k.type === "=");
    if (declaration) {
      const type = declaration.type;
      if (type === "class_declaration" || type === "abstract_class_declaration") {
        return [this.classStmt(declaration.node, undefined, decorators)];
      }
      const stmts = this.statement(declaration);
      return isDefault
        ? stmts.map((s) => (s.kind === "function" ? { ...s, exportDefault: true } : s))
        : stmts;
    }
    if (!value) return [];
    const stmt = this.exportedValue(value, decorators);
    return [
      isDefault && (stmt.kind === "function" || stmt.kind === "expr")
        ? { ...stmt, exportDefault: true }
        : stmt,
    ];
  }

  /**
   * `export { a, b as c } from "./m"`: an import of `a` and `b` (as `c`) from "./m", so that an
   * index can follow a name through the file that re-exports it; `export * from "./m"`: the
   * name `*` (as Python's `from m import *`). Undefined for other exports.
   */
  protected reexport(node: Node): ImportStmt | undefined {
    const kids = this.named(node);
    const source = kids.find((k) => k.type === "string");
    const clause = kids.find((k) => k.type === "export_clause");
    if (!source) return undefined;
    const stmt: ImportStmt = {
      kind: "import",
      module: this.stringValue(source.node),
      names: [],
      ...this.span(node),
    };
    if (!clause) {
      if (kids.some((k) => k.type === "namespace_export")) return undefined;
      stmt.names.push({ imported: "*", local: "*" });
      return stmt;
    }
    for (const specifier of this.named(clause.node)) {
      if (specifier.type !== "export_specifier") continue;
      const name = this.fieldKid(specifier.node, "name");
      const alias = this.field(specifier.node, "alias");
      if (!name) continue;
      const imported = name.type === "string" ? this.stringValue(name.node) : this.leafText(name.node);
      stmt.names.push({ imported, local: alias ? this.leafText(alias) : imported });
    }
    return stmt;
  }

  /** `export default <expr>` / `export = <expr>`. */
  protected exportedValue(kid: Kid, decorators: Expr[]): Stmt {
    const inner = this.unwrap(kid);
    if (inner.type === "class") return this.classStmt(inner.node, undefined, decorators);
    if (FUNCTION_TYPES.has(inner.type)) {
      return { kind: "function", fn: this.functionDef(inner.node, inner.type), ...this.span(inner.node) };
    }
    return { kind: "expr", expr: this.expr(kid), ...this.span(kid.node) };
  }
}

const INTEROP_HELPERS = new Set([
  "__importStar",
  "__importDefault",
  "_interopRequireWildcard",
  "_interopRequireDefault",
  "__toESM",
]);
