/** Tree access shared by every part of the JavaScript lowering. */

import type { Node } from "web-tree-sitter";
import type { ParsedDocument } from "../../../parse/parser";
import type { Span } from "../../../types";
import type { Expr, FunctionDef, Opaque, Stmt } from "../../../ir/types";
import { isUnread } from "../../../ir/unread";
import { type Kid, type NameHint, TRANSPARENT_TYPES, isComment } from "./syntax";

/** The lowering of one document; holds the document and the current nesting depth. */
export abstract class LoweringBase {
  // ------------------------------------------------------------ defined by the layers above

  protected abstract bodyField(node: Node): Stmt[];
  protected abstract classExpr(node: Node): Opaque;
  protected abstract expr(kid: Kid): Expr;
  protected abstract functionDef(node: Node, type: string, hint?: NameHint, decorators?: Expr[]): FunctionDef;
  protected abstract genericOpaque(node: Node, type: string): Opaque;
  protected abstract namedExpr(kid: Kid, hint: NameHint | undefined): Expr;
  protected abstract propertyKey(kid: Kid): string | undefined;
  protected abstract statement(kid: Kid): Stmt[];
  protected abstract statements(container: Node): Stmt[];

  protected depth = 0;
  /** The unread-part nodes (`isUnread`) made since the current top-level statement began. */
  unread: Opaque[] = [];
  protected readonly text: string;
  /**
   * The generator functions handed to TypeScript's `__awaiter` helper (compiled `async` code),
   * by node id, and whether the function being lowered is one (its `yield` is an `await`).
   */
  protected readonly awaiterBodies = new Set<number>();
  protected yieldIsAwait = false;

  constructor(protected readonly doc: ParsedDocument) {
    this.text = doc.text;
  }

  // ------------------------------------------------------------ tree access

  protected span(node: Node): Span {
    return { start: this.doc.startOf(node), end: this.doc.endOf(node) };
  }

  protected slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** Source text of a leaf node (names, literals). */
  protected leafText(node: Node): string {
    return this.text.slice(this.doc.startOf(node), this.doc.endOf(node));
  }

  /** The span of a keyword that starts `node` (`if`, `for`, `catch` ...): no tree access needed. */
  protected leadingKeyword(node: Node, keyword: string): Span {
    const start = this.doc.startOf(node);
    return { start, end: start + keyword.length };
  }

  protected field(node: Node, name: string): Node | null {
    return node.childForFieldName(name);
  }

  protected fieldKid(node: Node, name: string): Kid | undefined {
    const child = node.childForFieldName(name);
    return child ? { node: child, type: child.type } : undefined;
  }

  /** Named children without comments, with their types. */
  protected named(node: Node): Kid[] {
    const out: Kid[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      const type = child.type;
      if (!isComment(type)) out.push({ node: child, type });
    }
    return out;
  }

  /** All children (tokens included) without comments, with their types. */
  protected all(node: Node): Kid[] {
    const out: Kid[] = [];
    for (const child of node.children) {
      if (!child) continue;
      const type = child.type;
      if (!isComment(type)) out.push({ node: child, type });
    }
    return out;
  }

  protected firstNamed(node: Node): Kid | undefined {
    for (const child of node.namedChildren) {
      if (!child) continue;
      const type = child.type;
      if (!isComment(type)) return { node: child, type };
    }
    return undefined;
  }

  protected opaque(node: Node, what: string, children: Expr[]): Opaque {
    const made: Opaque = { kind: "opaque", what, children, ...this.span(node) };
    if (isUnread(what)) this.unread.push(made);
    return made;
  }

  protected emptyOpaqueAt(node: Node, what: string): Opaque {
    const at = this.doc.startOf(node);
    return { kind: "opaque", what, children: [], start: at, end: at };
  }

  /** Skips parentheses and TypeScript-only wrappers, iteratively. */
  protected unwrap(kid: Kid): Kid {
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

  protected kid(node: Node): Kid {
    return { node, type: node.type };
  }
}
