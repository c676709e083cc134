/**
 * Retry helpers that return the retrying function instead of running it:
 * - decorators: `def retrying(fn): def wrapper(*a): while ...: fn(*a)` (`@retrying`);
 * - decorator factories: `def retry(times=3): def deco(fn): def wrapper(*a): for ...: fn(*a)`
 *   (`@retry(times=5)`);
 * - higher-order wrappers: `const withRetry = (fn) => async (...a) => { for (...) await fn(...a) }`
 *   (`const getUser = withRetry(async (id) => fetch(...))`).
 * The loop is in a function nested in the helper and calls a parameter of an enclosing one.
 */

import type { Arg, Expr, FunctionDef, LoopStmt } from "../ir/types";
import { contains, dottedName, stmtExprs, unwrap, walkExpr, walkStmts } from "../ir/walk";
import type { FileContext } from "../analysis/model";

export interface WrappingShape {
  /** The function whose parameter is the attempt: the helper itself, or (factory) the function it returns. */
  receiver: FunctionDef;
  /** The index of that parameter. */
  param: number;
  /**
   * The name the loop calls: the parameter's, or a TypeScript method decorator's alias of the
   * method it is given (`const original = descriptor.value`).
   */
  attempt: string;
  /** The helper takes options and returns the decorator (`@retry(times=5)`). */
  factory: boolean;
  /** The retry loops that call the parameter, each in a function nested in the receiver. */
  loops: LoopStmt[];
}

/** The wrapping shape of a top-level function, when its nested functions loop over one of its parameters. */
export function wrappingShape(fn: FunctionDef, ctx: FileContext): WrappingShape | undefined {
  // Asked of every top-level function of every file: most hold no loop at all.
  if (!ctx.index.loops.some((loop) => contains(fn, loop))) return undefined;
  const inner = ctx.allFunctions.filter((g) => g !== fn && contains(fn, g));
  if (inner.length === 0) return undefined;
  // The functions fn returns or defines directly (not inside another nested function).
  const direct = inner.filter((g) => !inner.some((h) => h !== g && contains(h, g)));
  for (const receiver of [fn, ...direct]) {
    const params = receiver.params.map((p) => (p.rest ? undefined : p.name));
    if (params.every((n) => n === undefined)) continue;
    // The names the attempt goes by: the parameters, then aliases of a descriptor's method.
    const names = [...params];
    const paramOf = params.map((_, i) => i);
    for (const [alias, i] of descriptorAliases(receiver, params)) {
      names.push(alias);
      paramOf.push(i);
    }
    const loops: LoopStmt[] = [];
    let found: number | undefined;
    for (const loop of ctx.index.loops) {
      const owner = ctx.index.owner.get(loop);
      if (!owner || owner === receiver || !contains(receiver, owner)) continue;
      // A nested function with a parameter of the same name shadows it.
      const shadowed = (i: number) =>
        inner.some(
          (g) =>
            g !== receiver &&
            contains(receiver, g) &&
            contains(g, loop) &&
            g.params.some((p) => p.name === names[i]),
        );
      const i = calledParam(loop, names);
      if (i === undefined || shadowed(i) || (found !== undefined && i !== found)) continue;
      found = i;
      loops.push(loop);
    }
    if (found !== undefined)
      return { receiver, param: paramOf[found]!, attempt: names[found]!, factory: receiver !== fn, loops };
  }
  return undefined;
}

/**
 * A legacy TypeScript method decorator `(target, key, descriptor) => { const original =
 * descriptor.value; descriptor.value = async function (...a) { for ... original.apply(this, a) } }`:
 * `original` stands for the method, the parameter `descriptor` holds it.
 */
function descriptorAliases(receiver: FunctionDef, params: (string | undefined)[]): [string, number][] {
  const out: [string, number][] = [];
  for (const st of receiver.body) {
    if (st.kind !== "var" || st.target.kind !== "name" || !st.value) continue;
    const v = unwrap(st.value);
    if (v.kind !== "member" || v.property !== "value" || v.object.kind !== "name") continue;
    const i = params.indexOf(v.object.name);
    if (i >= 0) out.push([st.target.name, i]);
  }
  return out;
}

/** The index of a parameter the loop calls (`await fn()`, `fn(*args)`, `fn.apply(this, args)`), if any. */
export function calledParam(
  loop: Pick<LoopStmt, "body">,
  params: (string | undefined)[],
): number | undefined {
  let found: number | undefined;
  walkStmts(loop.body, (st) => {
    for (const e of stmtExprs(st))
      walkExpr(e, (x) => {
        if (found !== undefined || x.kind !== "call") return;
        const name = dottedName(x.callee);
        let i = name ? params.indexOf(name) : -1;
        if (i < 0 && name && /\.(apply|call)$/.test(name))
          i = params.indexOf(name.slice(0, name.lastIndexOf(".")));
        if (i >= 0) found = i;
      });
    return found === undefined;
  });
  return found;
}

/**
 * A decorator factory's attempts given by one of its parameters (`for attempt in range(times)`,
 * `for (let i = 0; i < times; i++)`): that parameter, and its default when it is a number.
 */
export function attemptsParameter(
  loop: LoopStmt,
  factory: FunctionDef,
): { index: number; name: string; default?: number } | undefined {
  let bound: Expr | undefined;
  if (loop.loop === "for-in" || loop.loop === "for-of") {
    const it = loop.iterates ? unwrap(loop.iterates) : undefined;
    if (it?.kind === "call" && dottedName(it.callee) === "range" && it.args.length === 1)
      bound = it.args[0]!.value;
  } else if (loop.loop === "for" && loop.test) {
    // `for (let i = 0; i < times; i++)`
    const test = unwrap(loop.test);
    const from = loop.init?.find((st) => st.kind === "var" && st.value !== undefined);
    const start = from?.kind === "var" && from.value ? unwrap(from.value) : undefined;
    if (test.kind === "binary" && test.op === "<" && start?.kind === "number" && start.value === 0)
      bound = test.right;
  }
  const x = bound ? unwrap(bound) : undefined;
  if (x?.kind !== "name") return undefined;
  const index = factory.params.findIndex((p) => p.name === x.name && !p.rest);
  if (index < 0) return undefined;
  const d = factory.params[index]!.defaultValue;
  const v = d ? unwrap(d) : undefined;
  return { index, name: x.name, ...(v?.kind === "number" ? { default: v.value } : {}) };
}

/** The number a decorator factory call gives a parameter (`retry(times=5)`, `retry(5)`), else its default. */
export function argumentNumber(
  args: readonly Arg[],
  param: { index: number; name: string; default?: number },
): number | undefined {
  const given = args.find((a) => a.name === param.name) ?? args.filter((a) => !a.name)[param.index];
  if (args.some((a) => a.spread)) return undefined;
  if (!given) return param.default;
  const v = unwrap(given.value);
  return v.kind === "number" ? v.value : undefined;
}
