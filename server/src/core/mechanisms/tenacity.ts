// Over 400 lines: tenacity is one mechanism with three entry points (decorator, Retrying loop, policy numbers) that read the same stop/wait/retry vocabulary.
/**
 * tenacity (Python): `@retry(...)` decorators and `Retrying` / `AsyncRetrying` loops.
 *
 * Documented defaults (tenacity.readthedocs.io): retries on any exception
 * (`retry_if_exception_type()`), forever (`stop_never`), with no wait
 * (`wait_none()`); `retry_if_result` retries returned values too.
 */

import type { CondResult, Scenario } from "../analysis/conditions";
import type { FileContext } from "../analysis/model";
import { makeRetrySite } from "../analysis/retries";
import type { Simulator } from "../analysis/simulate";
import type { RetrySite, WaitSite } from "../analysis/types";
import { exprFeatures, mergeFeatures, noFeatures } from "../analysis/waits";
import type { Mechanism } from "./mechanism";
import type { Call, Expr, FunctionDef } from "../ir/types";
import { calleeName, dottedName, stmtExprs, unwrap, walkExpr, walkStmts } from "../ir/walk";
import {
  NO_SCOPE,
  importedAs,
  kwarg,
  functionOf,
  span,
  attemptEvaluation,
  applyLibraryWait,
} from "./configuration";
import type { Lookup } from "../analysis/evaluate";
import { option, fixed, fmtS, type LibraryNumbers, type Num, type Amount, type WaitRange } from "./timing";

// ---------------------------------------------------------------- tenacity

function tenacityDecorator(
  d: Expr,
  fn: FunctionDef,
  ctx: FileContext,
  sim: Simulator,
): RetrySite | undefined {
  const call = d.kind === "call" ? d : undefined;
  const callee = call ? call.callee : d;
  const dotted = dottedName(callee);
  if (!dotted) return undefined;
  const isTenacity =
    dotted === "tenacity.retry" || (dotted === "retry" && importedAs(ctx, "retry", /^tenacity$/));
  if (!isTenacity) return undefined;
  return tenacitySite(call, d, fn, "`@retry` with no `retry=` condition", ctx, sim);
}

/**
 * `for attempt in Retrying(...): with attempt: ...` (also `AsyncRetrying`, and a
 * `Retrying` object kept in a variable): the loop body is the attempt.
 */
function tenacityRetryingLoops(ctx: FileContext, sim: Simulator): RetrySite[] {
  const out: RetrySite[] = [];
  for (const loop of ctx.index.loops) {
    if (loop.loop !== "for-in" || !loop.iterates) continue;
    let it = unwrap(loop.iterates);
    if (it.kind === "name") it = unwrap(ctx.values.get(it.name) ?? it);
    if (it.kind !== "call") continue;
    const name = dottedName(it.callee) ?? "";
    const local = name.split(".").pop()!;
    const isRetrying =
      (local === "Retrying" || local === "AsyncRetrying") &&
      (name.startsWith("tenacity.") || importedAs(ctx, local, /^tenacity$/));
    if (!isRetrying) continue;
    const attempt: FunctionDef = {
      start: loop.start,
      end: loop.end,
      params: [],
      body: loop.body,
      isAsync: false,
      decorators: [],
      head: loop.keyword,
    };
    const site = tenacitySite(
      it,
      it,
      attempt,
      "This tenacity `Retrying` loop with no `retry=` condition",
      ctx,
      sim,
    );
    if (site) out.push(site);
  }
  return out;
}

/** A tenacity retry (decorator or `Retrying` object) configured by `call`'s keywords. */
function tenacitySite(
  call: Call | undefined,
  anchor: Expr,
  fn: FunctionDef,
  label: string,
  ctx: FileContext,
  sim: Simulator,
): RetrySite | undefined {
  const d = anchor;
  const retryCond = call ? kwarg(call, "retry") : undefined;
  const resultPredicate = retryCond ? resultPredicateOf(retryCond, ctx) : undefined;
  const ev = attemptEvaluation(
    fn,
    sim,
    (s) => (retryCond ? tenacityCondition(retryCond, s, ctx, sim) : undefined),
    undefined,
    resultPredicate ? (s) => sim.cond.evalFunction(resultPredicate, s) : undefined,
  );
  if (!ev) return undefined;
  const stop = call ? kwarg(call, "stop") : undefined;
  const wait = call ? kwarg(call, "wait") : undefined;
  const waitSite = wait ? tenacityWait(wait, ctx) : undefined;
  const site = makeRetrySite(
    {
      mechanism: "decorator",
      library: "tenacity",
      anchor: span(d),
      label,
      bounded:
        stop !== undefined && !(unwrap(stop).kind === "name" && dottedName(stop)?.endsWith("stop_never")),
      start: fn.start,
      end: fn.end,
      calls: new Set(fn.name ? [fn.name] : []),
    },
    { ...ev, waits: [], rateLimitWaits: [], waitsNothing: false },
    ctx,
    NO_SCOPE,
    sim.requestsIn(fn.body),
  );
  const everyException = retryCond !== undefined && retriesEveryException(retryCond);
  site.blind = ev.blind && (retryCond === undefined || everyException);
  if (everyException) site.label = label.replace("with no `retry=` condition", "on every exception");
  applyLibraryWait(site, waitSite, wait === undefined || isNamed(wait, "wait_none"));
  return site;
}

/** The predicate of `retry_if_result(pred)` (alone or inside `|`), when it is a lambda or a function of the file. */
function resultPredicateOf(e: Expr, ctx: FileContext): FunctionDef | undefined {
  const x = unwrap(e);
  if (x.kind === "binary" && x.op === "|")
    return resultPredicateOf(x.left, ctx) ?? resultPredicateOf(x.right, ctx);
  if (x.kind === "call" && calleeName(x.callee) === "retry_if_result")
    return functionOf(x.args[0]?.value, ctx);
  return undefined;
}

/**
 * A `retry=` condition that retries every exception: `retry_if_exception_type()` (its default is
 * `Exception`), `retry_if_exception_type(Exception)`, `retry_always`, or an `|` holding one.
 */
function retriesEveryException(e: Expr): boolean {
  const x = unwrap(e);
  if (x.kind === "binary" && x.op === "|")
    return retriesEveryException(x.left) || retriesEveryException(x.right);
  if (isNamed(x, "retry_always")) return true;
  if (x.kind !== "call" || !isNamed(x, "retry_if_exception_type")) return false;
  const types = x.args.filter((a) => !a.name || a.name === "exception_types").map((a) => unwrap(a.value));
  if (types.length === 0) return true;
  const listed = types.flatMap((t) => (t.kind === "array" ? t.elements.map(unwrap) : [t]));
  return listed.some((t) => {
    const name = dottedName(t);
    return name === "Exception" || name === "BaseException" || name === "builtins.Exception";
  });
}

function isNamed(e: Expr, name: string): boolean {
  const x = unwrap(e);
  const d = dottedName(x.kind === "call" ? x.callee : x);
  return d === name || (d?.endsWith("." + name) ?? false);
}

function tenacityCondition(e: Expr, s: Scenario, ctx: FileContext, sim: Simulator): CondResult {
  const x = unwrap(e);
  if (x.kind === "binary" && (x.op === "|" || x.op === "&")) {
    const a = tenacityCondition(x.left, s, ctx, sim);
    const b = tenacityCondition(x.right, s, ctx, sim);
    const or = x.op === "|";
    const value = or
      ? a.value === true || b.value === true
        ? true
        : a.value === false && b.value === false
          ? false
          : undefined
      : a.value === false || b.value === false
        ? false
        : a.value === true && b.value === true
          ? true
          : undefined;
    return { value, refs: [...a.refs, ...b.refs], decided: a.decided || b.decided };
  }
  if (x.kind !== "call") return { value: true, refs: [], decided: true };
  const name = calleeName(x.callee) ?? "";
  // `exception_types=` is the keyword of the exception-type conditions; without it they default to `Exception`.
  const args = x.args.filter((a) => !a.name || a.name === "exception_types").map((a) => a.value);
  switch (name) {
    case "retry_if_exception_type":
      return args.length === 0 ? { value: true, refs: [], decided: false } : sim.cond.classTest(args, s);
    case "retry_if_not_exception_type": {
      const r = sim.cond.classTest(args, s);
      return { value: r.value === undefined ? undefined : !r.value, refs: [], decided: r.decided };
    }
    case "retry_if_exception": {
      const pred = functionOf(args[0], ctx);
      return pred ? sim.cond.evalFunction(pred, s) : { value: true, refs: [], decided: true };
    }
    case "retry_any":
    case "retry_all": {
      const parts = args.map((a) => tenacityCondition(a, s, ctx, sim));
      const any = name === "retry_any";
      const value = any
        ? parts.some((p) => p.value === true)
          ? true
          : parts.every((p) => p.value === false)
            ? false
            : undefined
        : parts.some((p) => p.value === false)
          ? false
          : parts.every((p) => p.value === true)
            ? true
            : undefined;
      return { value, refs: parts.flatMap((p) => p.refs), decided: parts.some((p) => p.decided) };
    }
    case "retry_if_result":
    case "retry_never":
      return { value: false, refs: [], decided: true };
    case "retry_always":
      return { value: true, refs: [], decided: false };
    default:
      return { value: true, refs: [], decided: true };
  }
}

function isSameFileFunction(e: Expr, ctx: FileContext): boolean {
  return functionOf(e, ctx) !== undefined;
}

/** What a wait function of this file computes: everything it returns or assigns. */
function bodyFeatures(fn: FunctionDef, ctx: FileContext): ReturnType<typeof exprFeatures> {
  let f = noFeatures();
  walkStmts(fn.body, (s) => {
    for (const e of stmtExprs(s)) f = mergeFeatures(f, exprFeatures(e, ctx, NO_SCOPE, 1));
  });
  return f;
}

function tenacityWait(e: Expr, ctx: FileContext): WaitSite {
  const names: string[] = [];
  walkExpr(e, (x) => {
    if (x.kind === "call") names.push(calleeName(x.callee) ?? "");
    if (x.kind === "name" || x.kind === "member") names.push(calleeName(x) ?? "");
  });
  const has = (re: RegExp): boolean => names.some((n) => re.test(n));
  const custom = !has(/^wait_/) || isSameFileFunction(e, ctx);
  const own = functionOf(e, ctx);
  const customFeatures = own
    ? bodyFeatures(own, ctx)
    : custom
      ? exprFeatures(e, ctx, NO_SCOPE, 0)
      : undefined;
  return {
    kind: "wait",
    start: e.start,
    end: e.end,
    exponential: has(/^wait_(exponential|random_exponential|exponential_jitter)$/),
    grows:
      custom ||
      has(/^wait_(exponential|random_exponential|exponential_jitter|incrementing|chain|random|full_jitter)$/),
    jitter: custom || has(/^wait_(random|random_exponential|exponential_jitter|full_jitter)$/),
    readsRetryAfter: customFeatures?.readsRetryAfter ?? false,
  };
}

export const tenacity: Mechanism = {
  library: "tenacity",
  languages: ["python"],
  decorator: tenacityDecorator,
  file: tenacityRetryingLoops,
};

// ---------------------------------------------------------------- timing, for the report

/** tenacity: `stop=` (no stop: retries forever), `wait=` (no wait: none). Waits are seconds. */
export function tenacityNumbers(call: Call | undefined, constant: Lookup): LibraryNumbers {
  const unknowns: string[] = [];
  const stop = call?.args.find((a) => a.name === "stop")?.value;
  const attempts = stop ? tenacityStopCount(stop, constant) : "unbounded";
  if (attempts === "unknown") unknowns.push("a `stop=` condition it cannot count");
  const waitExpr = call?.args.find((a) => a.name === "wait")?.value;
  const wait = waitExpr ? tenacityWaitNumbers(waitExpr, constant) : undefined;
  if (waitExpr && !wait) unknowns.push("a `wait=` strategy it cannot compute");
  return {
    attempts,
    wait: !waitExpr ? () => fixed(0) : wait ? wait.at : "unknown",
    formula: !waitExpr ? "no wait (tenacity's default)" : (wait?.formula ?? "unknown"),
    kind: !waitExpr ? "none" : (wait?.kind ?? "unknown"),
    jitter: wait ? wait.jitter : waitExpr ? "unknown" : false,
    retryAfter: { honoured: false },
    source: call ? "library-config" : "library-default",
    unknowns,
  };
}

function tenacityStopCount(e: Expr, constant: Lookup): Amount {
  const x = unwrap(e);
  if (x.kind === "binary" && x.op === "|") {
    // Either stops: at most the smaller count.
    const a = tenacityStopCount(x.left, constant);
    const b = tenacityStopCount(x.right, constant);
    if (typeof a === "number" && typeof b === "number") return Math.min(a, b);
    if (typeof a === "number") return a;
    if (typeof b === "number") return b;
    return a === "unbounded" && b === "unbounded" ? "unbounded" : "unknown";
  }
  const name = x.kind === "call" ? calleeName(x.callee) : calleeName(x);
  if (name === "stop_never") return "unbounded";
  if (name === "stop_after_attempt" && x.kind === "call") {
    const v = option(x, undefined, ["max_attempt_number"], "unknown", constant, 0).value;
    return v;
  }
  return "unknown";
}

interface WaitFn {
  at: (n: number) => WaitRange;
  formula: string;
  kind: LibraryNumbers["kind"];
  jitter: boolean;
}

function tenacityWaitNumbers(e: Expr, constant: Lookup): WaitFn | undefined {
  const x = unwrap(e);
  if (x.kind === "binary" && x.op === "+") {
    const a = tenacityWaitNumbers(x.left, constant);
    const b = tenacityWaitNumbers(x.right, constant);
    if (!a || !b) return undefined;
    return {
      at: (n) => {
        const p = a.at(n);
        const q = b.at(n);
        return { minMs: p.minMs + q.minMs, maxMs: p.maxMs + q.maxMs };
      },
      formula: `${a.formula} + ${b.formula}`,
      kind: a.kind === "exponential" || b.kind === "exponential" ? "exponential" : a.kind,
      jitter: a.jitter || b.jitter,
    };
  }
  if (x.kind !== "call") return undefined;
  const name = calleeName(x.callee) ?? "";
  const arg = (names: string[], fallback: number, pos?: number): Num =>
    option(x, undefined, names, fallback, constant, pos).value;
  const s = (v: number): number => v * 1000;
  switch (name) {
    case "wait_none":
      return { at: () => fixed(0), formula: "0", kind: "none", jitter: false };
    case "wait_fixed": {
      const w = arg(["wait"], Number.NaN, 0);
      if (typeof w !== "number" || Number.isNaN(w)) return undefined;
      return { at: () => fixed(s(w)), formula: `${w} s`, kind: "fixed", jitter: false };
    }
    case "wait_random": {
      const lo = arg(["min"], 0, 0);
      const hi = arg(["max"], 1, 1);
      if (typeof lo !== "number" || typeof hi !== "number") return undefined;
      return {
        at: () => ({ minMs: s(lo), maxMs: s(hi) }),
        formula: `random[${lo}, ${hi}] s`,
        kind: "random",
        jitter: true,
      };
    }
    case "wait_incrementing": {
      const start = arg(["start"], 0, 0);
      const inc = arg(["increment"], 100, 1);
      const max = arg(["max"], Infinity, 2);
      if (typeof start !== "number" || typeof inc !== "number" || typeof max !== "number") return undefined;
      return {
        at: (n) => fixed(s(Math.max(0, Math.min(max, start + inc * (n - 1))))),
        formula: `min(${fmtS(max)}, ${start} s + ${inc} s × (n − 1))`,
        kind: "linear",
        jitter: false,
      };
    }
    case "wait_exponential":
    case "wait_random_exponential":
    case "wait_full_jitter": {
      // tenacity: multiplier × exp_base^(attempt_number − 1), clamped to [min, max].
      const mult = arg(["multiplier"], 1, 0);
      const max = arg(["max"], Infinity, 1);
      const base = arg(["exp_base"], 2, 2);
      const min = arg(["min"], 0, 3);
      if ([mult, max, base, min].some((v) => typeof v !== "number")) return undefined;
      const [m, mx, b, mn] = [mult, max, base, min] as number[];
      const value = (n: number): number => Math.max(Math.max(0, mn!), Math.min(m! * b! ** (n - 1), mx!));
      const random = name !== "wait_exponential";
      const core = `${m === 1 ? "" : `${m} × `}${b}^(n − 1) s`;
      const clamped = mx === Infinity ? core : `min(${fmtS(mx!)}, ${core})`;
      return {
        at: (n) => (random ? { minMs: s(mn!), maxMs: s(value(n)) } : fixed(s(value(n)))),
        formula: random ? `random[${mn}, ${clamped}]` : mn ? `max(${mn} s, ${clamped})` : clamped,
        kind: "exponential",
        jitter: random,
      };
    }
    case "wait_exponential_jitter": {
      const initial = arg(["initial"], 1, 0);
      const max = arg(["max"], Infinity, 1);
      const base = arg(["exp_base"], 2, 2);
      const jitter = arg(["jitter"], 1, 3);
      if ([initial, max, base, jitter].some((v) => typeof v !== "number")) return undefined;
      const [i, mx, b, j] = [initial, max, base, jitter] as number[];
      return {
        at: (n) => ({
          minMs: s(Math.min(mx!, i! * b! ** (n - 1))),
          maxMs: s(Math.min(mx!, i! * b! ** (n - 1) + j!)),
        }),
        formula: `min(${fmtS(mx!)}, ${i} s × ${b}^(n − 1) + random[0, ${j}] s)`,
        kind: "exponential",
        jitter: true,
      };
    }
    default:
      return undefined;
  }
}
