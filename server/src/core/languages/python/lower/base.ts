/** State and small helpers shared by every part of the Python lowering. */

import type { Span } from "../../../types";
import type { Expr, Opaque, Param, Stmt, Target } from "../../../ir/types";
import { isUnread } from "../../../ir/unread";
import { type Syn, namedKids, spanOf } from "./syntax";

/** The lowering of one document: the text and which functions being lowered yield. */
export abstract class LoweringBase {
  // ------------------------------------------------------------ defined by the layers above

  protected abstract body(n: Syn, block: Syn | undefined): Stmt[];
  protected abstract expr(n: Syn): Expr;
  protected abstract params(n: Syn | undefined): Param[];
  protected abstract target(n: Syn): Target;

  /** One entry per function being lowered: whether a `yield` was seen directly in it. */
  protected readonly yields: boolean[] = [];

  /** The unread-part nodes (`isUnread`) made since the current top-level statement began. */
  unread: Opaque[] = [];

  constructor(protected readonly text: string) {}

  /** An opaque node holding its named children's lowerings. */
  protected opaque(n: Syn): Opaque {
    return this.opaqueOf(
      n.type,
      [n],
      namedKids(n).map((k) => this.expr(k)),
    );
  }

  protected opaqueOf(what: string, nodes: Syn[], children: Expr[]): Opaque {
    const first = nodes[0]!;
    const last = nodes[nodes.length - 1]!;
    return { kind: "opaque", what, children, start: first.start, end: last.end };
  }

  protected emptyOpaque(n: Syn): Opaque {
    const made: Opaque = {
      kind: "opaque",
      what: n.truncated ? "too-deep" : n.type,
      children: [],
      ...spanOf(n),
    };
    if (isUnread(made.what)) this.unread.push(made);
    return made;
  }

  /** Source text of a leaf node. */
  protected textOf(n: Span): string {
    return this.text.slice(n.start, n.end);
  }
}
