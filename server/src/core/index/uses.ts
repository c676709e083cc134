/**
 * What a file asks of the files it imports, for the workspace index: the calls of imported
 * functions handed a function that sends a request, the functions decorated by an imported
 * decorator, and the calls of imported functions and clients a retry may re-send.
 */

import type { Call, Expr, FunctionDef } from "../ir/types";
import { contains, dottedName, unwrap } from "../ir/walk";
import type { FileContext } from "../analysis/model";
import type { Simulator } from "../analysis/simulate";
import type { HelperUse } from "./types";

/**
 * Calls of imported functions handed a function that sends a request (`withRetry(() => api.post(...))`),
 * and calls of imported functions where a retry may re-send them: in a loop, a decorated
 * function or a callback.
 */
export function helperUses(ctx: FileContext, sim: Simulator): HelperUse[] {
  const out: HelperUse[] = [];
  const maybeRetried = new Set<string>();
  for (const call of ctx.index.calls) {
    // `retry(5)(fn)`: a decorator factory called in an expression, as `@retry(5)` on `fn`.
    if (call.callee.kind === "call") {
      out.push(...factoryUses(call, call.callee, ctx, sim));
      continue;
    }
    // The root name first: most calls are of names no import brings.
    let root: Expr = call.callee;
    while (root.kind === "member") root = root.object;
    if (root.kind !== "name" || !mayBeImported(root.name, ctx)) continue;
    const callee = dottedName(call.callee);
    if (!callee) continue;
    let handed = false;
    call.args.forEach((a, i) => {
      const fn = passedFunction(a.value, ctx);
      if (!fn) return;
      const info = sim.helperSummary(fn, 0);
      if (info.requests) out.push({ callee, arg: i, throws: info.throws });
      handed ||= info.requests;
    });
    if (!handed && !maybeRetried.has(callee) && (mayBeRetried(call, ctx) || clientMethod(callee)))
      maybeRetried.add(callee);
  }
  for (const callee of [...maybeRetried].sort()) out.push({ callee, arg: -1, throws: false });
  // `@retrying` / `@retry(times=5)` / `@http.retrying` on a function that sends a request.
  for (const fn of ctx.allFunctions) {
    if (fn.decorators.length === 0) continue;
    for (const d of fn.decorators) {
      const x = unwrap(d);
      const callee = dottedName(x.kind === "call" ? x.callee : x);
      if (!callee || !mayBeImported(callee.split(".")[0]!, ctx)) continue;
      const info = sim.helperSummary(fn, 0);
      if (info.requests) out.push({ callee, arg: 0, throws: info.throws, decorator: true });
    }
  }
  return out;
}

/** `retry(5)(fn)`, `with_retries(times=3)(send)`: `fn` handed to what an imported factory returns. */
function factoryUses(call: Call, factory: Call, ctx: FileContext, sim: Simulator): HelperUse[] {
  const callee = dottedName(factory.callee);
  if (!callee || !mayBeImported(callee.split(".")[0]!, ctx)) return [];
  const out: HelperUse[] = [];
  call.args.forEach((a, i) => {
    const fn = a.name ? undefined : passedFunction(a.value, ctx);
    const info = fn ? sim.helperSummary(fn, 0) : undefined;
    if (info?.requests) out.push({ callee, arg: i, throws: info.throws, decorator: true });
  });
  return out;
}

/** An imported name, or one a star import (`from m import *`, `export * from`) may bring. */
function mayBeImported(name: string, ctx: FileContext): boolean {
  if (ctx.imports.has(name)) return true;
  // `export * from` brings nothing into the scope of its own file.
  return (
    ctx.language.family === "python" &&
    ctx.imports.has("*") &&
    !ctx.functions.has(name) &&
    !ctx.assignments.has(name) &&
    !ctx.patternPaths.has(name)
  );
}

/** `http.get`, `session.post`: a request through a client another file may configure to retry (its handlers are covered). */
function clientMethod(callee: string): boolean {
  const parts = callee.split(".");
  return parts.length === 2 && CLIENT_METHODS.has(parts[1]!.toLowerCase());
}
const CLIENT_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options", "request"]);

function mayBeRetried(call: Call, ctx: FileContext): boolean {
  if (ctx.index.loops.some((l) => contains(l, call))) return true;
  return ctx.allFunctions.some((f) => contains(f, call) && (f.decorators.length > 0 || !f.name));
}

/** The function an argument hands over: an arrow or lambda, or a function of this file by name. */
export function passedFunction(value: Expr, ctx: FileContext): FunctionDef | undefined {
  const x = unwrap(value);
  if (x.kind === "function") return x.fn;
  if (x.kind !== "name") return undefined;
  const fns = ctx.functions.get(x.name);
  return fns && fns.length === 1 ? fns[0] : undefined;
}
