/** Generic traversal of the IR. Iterative where depth can be large. */

import type { Assign, Call, Expr, FunctionDef, LoopStmt, Module, Stmt, Target } from "./types";

/** The direct sub-expressions of an expression (functions are not entered). */
export function childExprs(e: Expr): Expr[] {
  switch (e.kind) {
    case "member":
      return [e.object];
    case "index":
      return [e.object, e.index];
    case "call":
      return [e.callee, ...e.args.map((a) => a.value)];
    case "object":
      return e.properties.map((p) => p.value);
    case "array":
      return e.elements;
    case "binary":
    case "logical":
      return [e.left, e.right];
    case "unary":
      return [e.operand];
    case "await":
      return [e.expr];
    case "conditional":
      return [e.test, e.then, e.else];
    case "assign":
      return targetExprs(e.target).concat([e.value]);
    case "opaque":
      return e.children;
    case "string":
      return e.parts ?? [];
    default:
      return [];
  }
}

function targetExprs(t: Target): Expr[] {
  if (t.kind === "expr") return [t.expr];
  if (t.kind === "pattern") return t.bindings.flatMap((b) => (b.defaultValue ? [b.defaultValue] : []));
  return [];
}

/**
 * Visits an expression and all its sub-expressions, pre-order. Function
 * bodies are entered only when `intoFunctions` is set. Returning false from
 * `visit` skips that node's children.
 */
export function walkExpr(root: Expr, visit: (e: Expr) => boolean | void, intoFunctions = false): void {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (visit(e) === false) continue;
    if (e.kind === "function") {
      if (intoFunctions) walkStmtsExprs(e.fn.body, visit, true);
      continue;
    }
    const children = childExprs(e);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The expressions a statement holds directly (not those of nested statements). */
export function stmtExprs(s: Stmt): Expr[] {
  switch (s.kind) {
    case "expr":
      return [s.expr];
    case "var":
      return [...(s.value ? [s.value] : []), ...targetExprs(s.target)];
    case "if":
      return [s.test];
    case "switch":
      return [s.subject, ...s.cases.flatMap((c) => [...c.tests, ...(c.guard ? [c.guard] : [])])];
    case "loop":
      return [...(s.test ? [s.test] : []), ...(s.update ?? []), ...(s.iterates ? [s.iterates] : [])];
    case "try":
      return s.handlers.flatMap((h) => h.types);
    case "return":
    case "throw":
      return s.value ? [s.value] : [];
    case "class":
      return [...s.bases, ...s.decorators];
    case "function":
      return s.fn.decorators;
    case "block":
      return (s.with ?? []).map((w) => w.value);
    default:
      return [];
  }
}

/** The nested statement lists of a statement (function bodies excluded). */
export function childBlocks(s: Stmt): Stmt[][] {
  switch (s.kind) {
    case "if":
      return s.else ? [s.then, s.else] : [s.then];
    case "switch":
      return s.cases.map((c) => c.body);
    case "loop":
      return [...(s.init ? [s.init] : []), s.body, ...(s.orelse ? [s.orelse] : [])];
    case "try":
      return [
        s.body,
        ...s.handlers.map((h) => h.body),
        ...(s.orelse ? [s.orelse] : []),
        ...(s.finally ? [s.finally] : []),
      ];
    case "block":
    case "class":
      return [s.body];
    default:
      return [];
  }
}

/**
 * Visits every statement in a list and nested blocks, pre-order. With
 * `intoFunctions`, bodies of function declarations and of function
 * expressions (arrows, lambdas, callbacks) held by statements are entered too.
 */
export function walkStmts(stmts: Stmt[], visit: (s: Stmt) => boolean | void, intoFunctions = false): void {
  const stack: Stmt[] = [...stmts].reverse();
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (visit(s) === false) continue;
    const blocks = childBlocks(s);
    if (intoFunctions) {
      if (s.kind === "function") blocks.push(s.fn.body);
      for (const fn of functionExprsOf(s)) blocks.push(fn.body);
    }
    for (let b = blocks.length - 1; b >= 0; b--) {
      const block = blocks[b]!;
      for (let i = block.length - 1; i >= 0; i--) stack.push(block[i]!);
    }
  }
}

/** The function expressions a statement holds directly (not those nested in them). */
export function functionExprsOf(s: Stmt): FunctionDef[] {
  const out: FunctionDef[] = [];
  for (const e of stmtExprs(s)) {
    walkExpr(e, (x) => {
      if (x.kind === "function") out.push(x.fn);
    });
  }
  return out;
}

/** Visits every expression held by the statements (and nested statements). */
export function walkStmtsExprs(
  stmts: Stmt[],
  visit: (e: Expr) => boolean | void,
  intoFunctions = false,
): void {
  walkStmts(
    stmts,
    (s) => {
      for (const e of stmtExprs(s)) walkExpr(e, visit, intoFunctions);
    },
    intoFunctions,
  );
}

/** `a.b.c` -> "a.b.c"; `this.client.post` -> "this.client.post"; undefined for anything not a plain path. */
export function dottedName(e: Expr): string | undefined {
  const parts: string[] = [];
  let cur: Expr = e;
  for (let depth = 0; depth < 32; depth++) {
    if (cur.kind === "name") {
      parts.unshift(cur.name);
      return parts.join(".");
    }
    if (cur.kind === "member") {
      parts.unshift(cur.property);
      cur = cur.object;
      continue;
    }
    if (cur.kind === "call" && !cur.isNew) {
      // `axios.create().post` style chains: keep the path readable.
      parts.unshift("()");
      cur = cur.callee;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** The last property name of a callee: `axios.post` -> "post", `fetch` -> "fetch". */
export function calleeName(e: Expr): string | undefined {
  if (e.kind === "name") return e.name;
  if (e.kind === "member") return e.property;
  return undefined;
}

/** The root identifier of a member chain: `this.client.cases.create` -> "this". */
export function rootName(e: Expr): string | undefined {
  let cur: Expr = e;
  for (let depth = 0; depth < 32; depth++) {
    if (cur.kind === "name") return cur.name;
    if (cur.kind === "member" || cur.kind === "index") cur = cur.object;
    else if (cur.kind === "call") cur = cur.callee;
    else return undefined;
  }
  return undefined;
}

/** Strips `await` and parentheses-like wrappers. */
export function unwrap(e: Expr): Expr {
  let cur = e;
  while (cur.kind === "await") cur = cur.expr;
  return cur;
}

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
  /** The innermost function each statement belongs to (absent: module level). */
  owner: Map<Stmt, FunctionDef>;
}

export function indexModule(module: Module): ModuleIndex {
  const index: ModuleIndex = {
    stmts: [],
    blocks: [module.body],
    functions: [],
    calls: [],
    loops: [],
    assigns: [],
    owner: new Map(),
  };
  const pending: [Stmt[], FunctionDef | undefined][] = [[module.body, undefined]];
  let current: FunctionDef | undefined;
  const onExpr = (x: Expr): void => {
    if (x.kind === "call") index.calls.push(x);
    else if (x.kind === "assign") index.assigns.push(x);
    else if (x.kind === "function") {
      index.functions.push(x.fn);
      index.blocks.push(x.fn.body);
      pending.push([x.fn.body, x.fn]);
    }
  };
  while (pending.length > 0) {
    const [block, fn] = pending.pop()!;
    current = fn;
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
  return index;
}

/** `inner` lies within `outer`. */
export function contains(
  outer: { start: number; end: number },
  inner: { start: number; end: number },
): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The strings of a literal list, upper-cased (`["get", "put"]` -> GET, PUT); undefined when it is not a literal list of strings. */
export function upperStrings(e: Expr): string[] | undefined {
  const x = unwrap(e);
  if (x.kind !== "array") return undefined;
  const out: string[] = [];
  for (const el of x.elements) {
    if (el.kind !== "string") return undefined;
    out.push(el.value.toUpperCase());
  }
  return out;
}
