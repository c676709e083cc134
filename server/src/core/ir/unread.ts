/**
 * The parts of a file the lowering did not read: the empty opaque nodes it
 * puts where code is nested deeper than its limit or a statement failed.
 * Found once per top-level statement: after an edit, the statements taken over
 * from the previous version (the same objects, shifted in place) keep theirs,
 * so only the edited statement is walked again.
 */

import type { Notice } from "../types";
import type { Module, Opaque, Stmt } from "./types";

/** What the lowering leaves unread, by the `what` of the empty opaque node it puts in its place. */
const UNREAD: Record<string, string> = {
  "too-deep": "not analysed: the code from here on is nested too deeply (more than 500 levels)",
  unlowered: "not analysed: this statement could not be read",
};

const byStatement = new WeakMap<Stmt, Opaque[]>();

/** The first unread part of each kind in a module. */
export function unreadParts(module: Module): Notice[] {
  const found = new Map<string, Notice>();
  // Last statement first, as one walk of the whole module would meet them.
  for (let i = module.body.length - 1; i >= 0; i--) {
    const statement = module.body[i]!;
    let nodes = byStatement.get(statement);
    if (!nodes) {
      nodes = unreadNodes(statement);
      byStatement.set(statement, nodes);
    }
    for (const node of nodes) {
      const previous = found.get(node.what);
      if (!previous || node.start < previous.start)
        found.set(node.what, { message: UNREAD[node.what]!, start: node.start, end: node.end });
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** The unread-part nodes under one statement (an iterative walk over its IR, linear in its size). */
function unreadNodes(statement: Stmt): Opaque[] {
  const out: Opaque[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [statement];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === "object") stack.push(item);
      continue;
    }
    const node = value as Partial<Opaque>;
    if (node.kind === "opaque" && typeof node.what === "string" && node.what in UNREAD)
      out.push(node as Opaque);
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === "object" && child !== null) stack.push(child);
    }
  }
  return out;
}
