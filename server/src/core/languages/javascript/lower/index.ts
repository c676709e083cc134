/**
 * Lowers a tree-sitter JavaScript / TypeScript / TSX tree into the
 * language-neutral IR of `core/ir/types.ts`.
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

import type { ReusePlan, Segment } from "../../../ir/reuse";
import type { ParsedDocument } from "../../../parse/parser";
import type { Module, Stmt } from "../../../ir/types";
import { recordUnread } from "../../../ir/unread";
import { Lowering } from "./statements";

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
    let stmts = reuse && !child.hasError ? reuse.take(start, end, type) : undefined;
    if (!stmts) {
      lowering.unread = [];
      stmts = lowering.topLevelStatement(child);
      recordUnread(stmts, lowering.unread);
    }
    segments?.push({ start, end, type, stmts });
    body.push(...stmts);
  }
  return { start: 0, end: doc.text.length, body };
}
