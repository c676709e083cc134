/** The module index: everything in a module the analysis looks up more than once. */

import type { Assign, Call, Expr, FunctionDef, LoopStmt, Module, Stmt, StringLit } from "./types";
import { childBlocks, stmtExprs, walkExpr } from "./walk";

/** Everything in a module the analysis looks up more than once, gathered in one pass. */
export interface ModuleIndex {
  /** Every statement, including those in function bodies, pre-order. */
  stmts: Stmt[];
  /** Every statement list: the module body, nested blocks, function bodies. */
  blocks: Stmt[][];
  functions: FunctionDef[];
  calls: Call[];
  loops: LoopStmt[];
  /** Assignments used as expressions (`x = y` inside an expression, `i++`, walrus). */
  assigns: Assign[];
  /** Every string literal (the file's literal URLs are read from them). */
  strings: StringLit[];
  /** The innermost function each statement belongs to (absent: module level). */
  owner: Map<Stmt, FunctionDef>;
}

/**
 * The index of a module. Built per top-level statement and cached on it: after an edit, the
 * statements taken over from the previous version (the same objects) keep their part, and
 * the parts are joined in the order one walk of the whole module would give (each statement's
 * own code in order, then the function bodies, last found first).
 */
export function indexModule(module: Module): ModuleIndex {
  const index: ModuleIndex = { ...emptyIndex(), blocks: [module.body] };
  const parts = module.body.map(indexPartsOf);
  for (const part of parts) append(index, part.own);
  for (let i = parts.length - 1; i >= 0; i--) append(index, parts[i]!.bodies);
  return index;
}

/** What one top-level statement adds to the index: its own code, and the function bodies under it. */
interface StatementParts {
  own: ModuleIndex;
  bodies: ModuleIndex;
}

const partsByStatement = new WeakMap<Stmt, StatementParts>();

function indexPartsOf(statement: Stmt): StatementParts {
  let parts = partsByStatement.get(statement);
  if (!parts) {
    const pending: [Stmt[], FunctionDef | undefined][] = [];
    const own = emptyIndex();
    indexBlock(own, [statement], undefined, pending);
    const bodies = emptyIndex();
    while (pending.length > 0) {
      const [block, fn] = pending.pop()!;
      indexBlock(bodies, block, fn, pending);
    }
    parts = { own, bodies };
    partsByStatement.set(statement, parts);
  }
  return parts;
}

function emptyIndex(): ModuleIndex {
  return {
    stmts: [],
    blocks: [],
    functions: [],
    calls: [],
    loops: [],
    assigns: [],
    strings: [],
    owner: new Map(),
  };
}

function append(index: ModuleIndex, part: ModuleIndex): void {
  for (const x of part.stmts) index.stmts.push(x);
  for (const x of part.blocks) index.blocks.push(x);
  for (const x of part.functions) index.functions.push(x);
  for (const x of part.calls) index.calls.push(x);
  for (const x of part.loops) index.loops.push(x);
  for (const x of part.assigns) index.assigns.push(x);
  for (const x of part.strings) index.strings.push(x);
  for (const [st, fn] of part.owner) index.owner.set(st, fn);
}

/** Indexes the statements of one block (owned by `current`), queueing the function bodies met in `pending`. */
function indexBlock(
  index: ModuleIndex,
  block: Stmt[],
  current: FunctionDef | undefined,
  pending: [Stmt[], FunctionDef | undefined][],
): void {
  const onExpr = (x: Expr): void => {
    if (x.kind === "call") index.calls.push(x);
    else if (x.kind === "assign") index.assigns.push(x);
    else if (x.kind === "string") index.strings.push(x);
    else if (x.kind === "function") {
      index.functions.push(x.fn);
      index.blocks.push(x.fn.body);
      pending.push([x.fn.body, x.fn]);
    }
  };
  for (const s of block) {
    const stack: Stmt[] = [s];
    while (stack.length > 0) {
      const st = stack.pop()!;
      index.stmts.push(st);
      if (current) index.owner.set(st, current);
      if (st.kind === "loop") index.loops.push(st);
      if (st.kind === "function") {
        index.functions.push(st.fn);
        index.blocks.push(st.fn.body);
        pending.push([st.fn.body, st.fn]);
      }
      for (const e of stmtExprs(st)) walkExpr(e, onExpr);
      const blocks = childBlocks(st);
      for (let b = blocks.length - 1; b >= 0; b--) {
        index.blocks.push(blocks[b]!);
        for (let i = blocks[b]!.length - 1; i >= 0; i--) stack.push(blocks[b]![i]!);
      }
    }
  }
}
