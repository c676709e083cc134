/** Generic traversal of the IR. Iterative where depth can be large. */

import type { Expr, FunctionDef, Stmt, Target } from "./types";

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
    pushChildExprs(e, stack);
  }
}

/**
 * Pushes the children `childExprs` gives, last first (so they pop in order), without
 * building the list: the walks are the analysis' innermost loop.
 */
function pushChildExprs(e: Expr, stack: Expr[]): void {
  switch (e.kind) {
    case "member":
      stack.push(e.object);
      return;
    case "index":
      stack.push(e.index, e.object);
      return;
    case "call":
      for (let i = e.args.length - 1; i >= 0; i--) stack.push(e.args[i]!.value);
      stack.push(e.callee);
      return;
    case "object":
      for (let i = e.properties.length - 1; i >= 0; i--) stack.push(e.properties[i]!.value);
      return;
    case "array":
      for (let i = e.elements.length - 1; i >= 0; i--) stack.push(e.elements[i]!);
      return;
    case "binary":
    case "logical":
      stack.push(e.right, e.left);
      return;
    case "unary":
      stack.push(e.operand);
      return;
    case "await":
      stack.push(e.expr);
      return;
    case "conditional":
      stack.push(e.else, e.then, e.test);
      return;
    case "assign": {
      stack.push(e.value);
      const t = e.target;
      if (t.kind === "expr") stack.push(t.expr);
      else if (t.kind === "pattern")
        for (let i = t.bindings.length - 1; i >= 0; i--) {
          const d = t.bindings[i]!.defaultValue;
          if (d) stack.push(d);
        }
      return;
    }
    case "opaque":
      for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
      return;
    case "string":
      if (e.parts) for (let i = e.parts.length - 1; i >= 0; i--) stack.push(e.parts[i]!);
      return;
    default:
      return;
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
  const stack: Stmt[] = [];
  for (let i = stmts.length - 1; i >= 0; i--) stack.push(stmts[i]!);
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (visit(s) === false) continue;
    if (intoFunctions) {
      const fns = functionExprsOf(s);
      for (let f = fns.length - 1; f >= 0; f--) pushAll(fns[f]!.body, stack);
      if (s.kind === "function") pushAll(s.fn.body, stack);
    }
    pushChildBlocks(s, stack);
  }
}

/** Pushes a statement list last first. */
function pushAll(block: Stmt[], stack: Stmt[]): void {
  for (let i = block.length - 1; i >= 0; i--) stack.push(block[i]!);
}

/** Pushes the statements of `childBlocks(s)`, last first, without building the list. */
function pushChildBlocks(s: Stmt, stack: Stmt[]): void {
  switch (s.kind) {
    case "if":
      if (s.else) pushAll(s.else, stack);
      pushAll(s.then, stack);
      return;
    case "switch":
      for (let i = s.cases.length - 1; i >= 0; i--) pushAll(s.cases[i]!.body, stack);
      return;
    case "loop":
      if (s.orelse) pushAll(s.orelse, stack);
      pushAll(s.body, stack);
      if (s.init) pushAll(s.init, stack);
      return;
    case "try":
      if (s.finally) pushAll(s.finally, stack);
      if (s.orelse) pushAll(s.orelse, stack);
      for (let i = s.handlers.length - 1; i >= 0; i--) pushAll(s.handlers[i]!.body, stack);
      pushAll(s.body, stack);
      return;
    case "block":
    case "class":
      pushAll(s.body, stack);
      return;
    default:
      return;
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
