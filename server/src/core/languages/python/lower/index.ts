/**
 * Lowers a tree-sitter-python tree into the language-neutral IR (`core/ir/types.ts`).
 *
 * The tree is first copied into plain objects (`Syn`) in one iterative cursor
 * walk: the lowering then never calls back into the parser, reads field names
 * for free, and cannot overflow the stack on deeply nested input because the
 * copy stops descending at `MAX_DEPTH` (deeper nodes become empty `Opaque`s).
 *
 * Choices where Python has no direct IR counterpart:
 * - `a = b = e` gives one `VarStmt` per target; the first carries `e`, the
 *   later ones read the first target back (`b = a`), so `e` is lowered once.
 * - Starred unpacking (`first, *rest = xs`) binds `rest` with the path segment
 *   `"*1"`: the elements from index 1 on.
 * - `pass`, `global`, `nonlocal` and `type X = ...` are dropped; `del` and
 *   `assert` become an `ExprStmt` of an `Opaque` holding their expressions, so
 *   calls inside stay visible while an assert never reads as a branch.
 * - Docstrings stay as `ExprStmt`s of a string.
 * - In `match`, a bare capture pattern (`case other:`) matches anything and is
 *   a default case, like `case _:`; sequence, mapping and keyword patterns
 *   lower to one `Opaque` test.
 * - `import os.path` binds `os`: module "os.path", namespace "os".
 *   `from m import *` lowers to the name `{ imported: "*", local: "*" }`.
 * - Dict keys that are neither string nor number literals are not kept (the
 *   IR `Property` has no key expression).
 * - Syntax errors: an `ERROR` among statements lowers its statement children
 *   as statements and the loose expressions between them as opaque `ERROR`
 *   expression statements; an `ERROR` inside a compound statement's header
 *   (a line being edited) is lowered at the start of that statement's body.
 */

import type { ReusePlan, Segment } from "../../../ir/reuse";
import type { ParsedDocument } from "../../../parse/parser";
import type { Module, Stmt } from "../../../ir/types";
import { snapshot } from "./syntax";
import { recordUnread } from "../../../ir/unread";
import { Lowering } from "./statements";

/**
 * Lowers a parsed Python document into the IR. Never throws on syntax errors:
 * `ERROR` nodes become `Opaque` nodes holding whatever could be lowered inside.
 */
export function lowerPython(doc: ParsedDocument, reuse?: ReusePlan, segments?: Segment[]): Module {
  const root = snapshot(doc, reuse);
  const lowering = new Lowering(doc.text);
  const body: Stmt[] = [];
  for (const kid of root.kids) {
    if (!kid.named) continue;
    const before = body.length;
    if (kid.reused) body.push(...kid.reused);
    else {
      lowering.unread = [];
      lowering.statement(kid, body);
      recordUnread(body.slice(before), lowering.unread);
    }
    segments?.push({ start: kid.start, end: kid.end, type: kid.type, stmts: body.slice(before) });
  }
  return { body, start: root.start, end: root.end };
}
