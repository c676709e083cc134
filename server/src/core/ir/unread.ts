/**
 * The parts of a file the lowering did not read: the empty opaque nodes it
 * puts where code is nested deeper than its limit or a statement failed.
 * Found once per top-level statement: the lowering tells what it put under each
 * statement it lowers (`recordUnread`), so the IR is not walked for them; after
 * an edit, the statements taken over from the previous version (the same objects,
 * shifted in place) keep theirs. Statements the lowering did not report are walked.
 */

import type { Notice } from "../types";
import type { Module, Opaque, Stmt } from "./types";

/** What the lowering leaves unread, by the `what` of the empty opaque node it puts in its place. */
const UNREAD: Record<string, string> = {
  "too-deep": "not analysed: the code from here on is nested too deeply (more than 500 levels)",
  unlowered: "not analysed: this statement could not be read",
};

const byStatement = new WeakMap<Stmt, Opaque[]>();

/** Whether an opaque node stands for code the lowering did not read. */
export function isUnread(what: string): boolean {
  return Object.hasOwn(UNREAD, what);
}

/**
 * What the lowering left unread under the statements one top-level node lowered to (`nodes`: every
 * unread-part node it put in them, in any order). They are kept under the first statement: the
 * statements of one node are always in a module together (taken over together after an edit).
 */
export function recordUnread(statements: readonly Stmt[], nodes: Opaque[]): void {
  statements.forEach((statement, i) => byStatement.set(statement, i === 0 ? nodes : []));
}

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
