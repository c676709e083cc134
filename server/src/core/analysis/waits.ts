/**
 * Classifies a wait: does its delay grow between attempts, is it exponential,
 * does it have a random component, does it come from Retry-After?
 */

import type { CatchClause, Expr, FunctionDef, Stmt } from "../ir/types";
import { calleeName, dottedName, stmtExprs, unwrap, walkExpr, walkStmts } from "../ir/walk";
import { assignmentsAt, memberConstant } from "./context";
import type { FileContext } from "./model";
import { RETRY_AFTER_NAME, RETRY_AFTER_TEXT } from "./knowledge";
import type { WaitEvent } from "./simulate";
import type { WaitSite, WaitVariant } from "./types";
import { ceilingOf, enclosingFunction } from "./wait-ceiling";

export interface WaitFeatures {
  grows: boolean;
  exponential: boolean;
  jitter: boolean;
  readsRetryAfter: boolean;
  /** Something we cannot see into (a call of an unknown function, a parameter): not judged constant. */
  opaque: boolean;
}

const JITTER_NAME = /jitter|random/i;
/** Calls that keep a delay what it is (rounding, clamping, parsing). */
const NEUTRAL_CALLS = new Set([
  "min",
  "max",
  "int",
  "float",
  "round",
  "Number",
  "parseInt",
  "parseFloat",
  "floor",
  "ceil",
  "trunc",
  "abs",
  "toFixed",
  "timedelta",
  "total_seconds",
  "Duration",
]);

/** Loop-scoped knowledge: counters (attempt numbers) and variables that grow across attempts. */
export interface GrowthScope {
  counters: ReadonlySet<string>;
  growing: ReadonlySet<string>;
}

export function classifyWait(wait: WaitEvent, ctx: FileContext, scope: GrowthScope): WaitSite {
  const delay = wait.delay;
  // The value that reaches the wait on each path through it (a Retry-After branch and its fallback).
  const variants =
    wait.helper || !delay
      ? []
      : pathValues(wait, ctx).map((values) => judged(exprFeatures(delay, ctx, scope, 0, values)));
  // One variant per distinct judgement, in the order the paths give them.
  const byKey = new Map<string, WaitVariant>();
  for (const v of variants) {
    const key = `${+v.grows}${+v.exponential}${+v.jitter}${+v.readsRetryAfter}`;
    if (!byKey.has(key)) byKey.set(key, v);
  }
  const distinct = [...byKey.values()];
  const features =
    distinct.length > 0
      ? distinct.reduce(mergeVariants)
      : judged(
          wait.helper
            ? helperFeatures(wait, ctx, scope)
            : delay
              ? exprFeatures(delay, ctx, scope, 0)
              : opaqueFeatures(),
        );
  return {
    kind: "wait",
    event: wait,
    start: wait.expr.start,
    end: wait.expr.end,
    ...features,
    ...(distinct.length > 1 ? { variants: distinct } : {}),
    ...ceilingOf(wait, ctx),
  };
}

/** What a wait's features say about it: something it cannot see into is neither constant nor jitter-free. */
function judged(f: WaitFeatures): WaitVariant {
  return {
    grows: f.grows || f.opaque,
    exponential: f.exponential,
    jitter: f.jitter || f.opaque,
    readsRetryAfter: f.readsRetryAfter,
  };
}

function mergeVariants(a: WaitVariant, b: WaitVariant): WaitVariant {
  return {
    grows: a.grows || b.grows,
    exponential: a.exponential || b.exponential,
    jitter: a.jitter || b.jitter,
    readsRetryAfter: a.readsRetryAfter || b.readsRetryAfter,
  };
}

/**
 * For each path through the wait, the last value it gave each name, keeping the assignments
 * made in the function of the wait (a helper's locals are its own). Empty when no path
 * assigned anything the wait could read.
 */
function pathValues(wait: WaitEvent, ctx: FileContext): ReadonlyMap<string, Expr | null>[] {
  const paths = wait.paths ?? (wait.reaching ? [wait.reaching] : []);
  if (!paths.some((p) => p.length > 0)) return [];
  const home = enclosingFunction(ctx, wait.expr);
  const delay = wait.delay ? unwrap(wait.delay) : undefined;
  const out: ReadonlyMap<string, Expr | null>[] = [];
  for (const p of paths) {
    const values = new Map<string, Expr | null>();
    for (const [name, value] of p)
      if (!value || enclosingFunction(ctx, value) === home) values.set(name, value);
    // A path on which the delay is still None/null (`delay = None` before `if delay is None:`)
    // never reaches the wait with it: the test the simulation could not read sets it first.
    const own = delay?.kind === "name" ? values.get(delay.name) : undefined;
    if (own && unwrap(own).kind === "null") continue;
    out.push(values);
  }
  return out;
}

/** Nothing seen yet. */
export function noFeatures(): WaitFeatures {
  return { grows: false, exponential: false, jitter: false, readsRetryAfter: false, opaque: false };
}

function opaqueFeatures(): WaitFeatures {
  return { grows: false, exponential: false, jitter: false, readsRetryAfter: false, opaque: true };
}

/** Everything either side shows. */
export function mergeFeatures(a: WaitFeatures, b: WaitFeatures): WaitFeatures {
  return {
    grows: a.grows || b.grows,
    exponential: a.exponential || b.exponential,
    jitter: a.jitter || b.jitter,
    readsRetryAfter: a.readsRetryAfter || b.readsRetryAfter,
    opaque: a.opaque || b.opaque,
  };
}

/**
 * Features of a delay expression, following local variables it reads: to the value `values`
 * (one path's) holds for a name, else to every value the file assigns it.
 */
export function exprFeatures(
  delay: Expr,
  ctx: FileContext,
  scope: GrowthScope,
  depth: number,
  values?: ReadonlyMap<string, Expr | null>,
  resolving?: ReadonlySet<string>,
): WaitFeatures {
  let f: WaitFeatures = noFeatures();
  if (depth > 6) return opaqueFeatures();
  walkExpr(delay, (e) => {
    switch (e.kind) {
      case "string":
        if (RETRY_AFTER_TEXT.test(e.value)) f.readsRetryAfter = true;
        return;
      case "member":
        if (RETRY_AFTER_NAME.test(e.property) || RETRY_AFTER_TEXT.test(e.property)) f.readsRetryAfter = true;
        else if (carriedByCaughtError(e, ctx)) f.readsRetryAfter = true;
        if (JITTER_NAME.test(e.property) && e.property !== "random") f.jitter = true;
        if (scope.counters.has(dottedName(e) ?? "")) f.grows = true;
        return;
      case "name": {
        if (RETRY_AFTER_NAME.test(e.name)) f.readsRetryAfter = true;
        if (/jitter/i.test(e.name)) f.jitter = true;
        if (scope.counters.has(e.name)) {
          f.grows = true;
          return;
        }
        if (scope.growing.has(e.name)) {
          f.grows = true;
          f.exponential = true;
        }
        const onPath = values?.get(e.name);
        if (onPath) {
          // The value this path gave it; the names in that value were given theirs earlier on the path.
          const rest = new Map(values);
          rest.delete(e.name);
          f = mergeFeatures(f, exprFeatures(onPath, ctx, scope, depth + 1, rest, resolving));
          return;
        }
        // A variable assigned in several places (a Retry-After branch and a backoff branch): all of them.
        // Within them the name itself (`wait = min(wait * 2, 60) + random()`) is growth the scope knows.
        if (resolving?.has(e.name)) return;
        const inner = new Set(resolving ?? []).add(e.name);
        for (const value of assignmentsAt(ctx, e.name, e).slice(0, 8)) {
          if (value !== e) f = mergeFeatures(f, exprFeatures(value, ctx, scope, depth + 1, values, inner));
        }
        return;
      }
      case "binary":
        // `2 ** attempt` grows; `2 ** 3` is just 8.
        if ((e.op === "**" || e.op === "<<") && e.right.kind !== "number") {
          f.exponential = true;
          f.grows = true;
        }
        return;
      case "call": {
        const name = calleeName(e.callee) ?? "";
        const dotted = dottedName(e.callee) ?? "";
        if (
          name === "random" ||
          name === "uniform" ||
          name === "randint" ||
          name === "randrange" ||
          name === "randbelow" ||
          name === "triangular" ||
          name === "gauss" ||
          /random/i.test(dotted)
        ) {
          f.jitter = true;
          return;
        }
        if (name === "pow" || dotted === "Math.pow") f.exponential = true;
        if (
          NEUTRAL_CALLS.has(name) ||
          /^(Math|math|Number|Date|JSON|String|Object|Array|datetime|time)\./.test(dotted) ||
          /^(isFinite|isNaN|str|len|abs|bool)$/.test(dotted)
        ) {
          return;
        }
        if (/get|header/i.test(name) && e.args.some((a) => namesRetryAfterHeader(a.value, ctx))) {
          f.readsRetryAfter = true;
          // `headers.get("Retry-After", 2 ** attempt)`: the default is the wait when the header is absent.
          for (const a of e.args.slice(1)) {
            const d = exprFeatures(a.value, ctx, scope, depth + 1, values, resolving);
            f = mergeFeatures(f, { ...d, opaque: false });
          }
          return false;
        }
        const fns = ctx.functions.get(name);
        if (fns && fns.length === 1) {
          f = mergeFeatures(
            f,
            functionFeatures(
              fns[0]!,
              ctx,
              scope,
              depth + 1,
              e.args.map((a) => a.value),
            ),
          );
          // What the arguments carry flows into the result: `clamp(float(retry_after), 1, 30)` reads
          // Retry-After, `cap(2 ** attempt)` grows exponentially.
          for (const a of e.args)
            f = mergeFeatures(f, exprFeatures(a.value, ctx, scope, depth + 1, values, resolving));
          return false;
        }
        if (/retry_?after|retryafter|parse_?retry|reset/i.test(name)) {
          f.readsRetryAfter = true;
          return false;
        }
        if (/backoff|delay|jitter/i.test(name)) {
          // A delay computed by something we cannot see: judge it neither constant nor jitter-free.
          f.opaque = true;
          if (/jitter/i.test(name)) f.jitter = true;
          return false;
        }
        f.opaque = true;
        return false;
      }
      default:
        return;
    }
  });
  // A name that is a parameter of the enclosing function and not a counter is opaque.
  return f;
}

const catchClauses = new WeakMap<FileContext, CatchClause[]>();

/**
 * A value the error a handler caught carries (`except RateLimitError as e: sleep(e.backoff)`):
 * the client built that error from the response, and the wait it holds is the server's answer
 * as far as the analyser can tell (dropbox's `RateLimitError.backoff` is the Retry-After value).
 * It is judged like a Retry-After read: neither a fixed delay nor one that ignores the server.
 */
function carriedByCaughtError(e: Expr & { kind: "member" }, ctx: FileContext): boolean {
  const object = unwrap(e.object);
  if (object.kind !== "name") return false;
  let clauses = catchClauses.get(ctx);
  if (!clauses) {
    clauses = [];
    for (const st of ctx.index.stmts) if (st.kind === "try") clauses.push(...st.handlers);
    catchClauses.set(ctx, clauses);
  }
  return clauses.some((c) => c.binding === object.name && c.start <= e.start && e.end <= c.end);
}

/** A header name that is Retry-After (or a reset time): the literal, or a constant holding it (`Headers.RetryAfter`). */
function namesRetryAfterHeader(arg: Expr, ctx: FileContext): boolean {
  const x = unwrap(arg);
  if (x.kind === "string") return !x.parts && RETRY_AFTER_TEXT.test(x.value);
  if (x.kind === "name") {
    const value = ctx.values.get(x.name);
    return value?.kind === "string" && !value.parts && RETRY_AFTER_TEXT.test(value.value);
  }
  if (x.kind !== "member") return false;
  const value = memberConstant(ctx, x);
  return value?.kind === "string" && !value.parts && RETRY_AFTER_TEXT.test(value.value);
}

/** Features of what a same-file function returns, with counters passed in as arguments treated as counters. */
function functionFeatures(
  fn: FunctionDef,
  ctx: FileContext,
  scope: GrowthScope,
  depth: number,
  args: Expr[],
): WaitFeatures {
  const counters = new Set(scope.counters);
  fn.params.forEach((p, i) => {
    const arg = args[i];
    if (!p.name || !arg) return;
    let mentionsCounter = false;
    walkExpr(arg, (x) => {
      if (x.kind === "name" && (scope.counters.has(x.name) || scope.growing.has(x.name)))
        mentionsCounter = true;
    });
    if (mentionsCounter) counters.add(p.name);
  });
  const inner: GrowthScope = { counters, growing: scope.growing };
  let f: WaitFeatures = noFeatures();
  let sawReturn = false;
  walkStmts(fn.body, (s: Stmt) => {
    if (s.kind === "return" && s.value) {
      sawReturn = true;
      f = mergeFeatures(f, exprFeatures(s.value, ctx, inner, depth));
    } else if (s.kind === "var" && s.value) {
      const v = exprFeatures(s.value, ctx, inner, depth);
      f = mergeFeatures(f, { ...v, opaque: false });
    }
  });
  if (!sawReturn) f.opaque = true;
  return f;
}

/** A helper that waits (`await backoff(attempt)`): the features of the waits inside it. */
function helperFeatures(wait: WaitEvent, ctx: FileContext, scope: GrowthScope): WaitFeatures {
  const fn = wait.helper!;
  const args = wait.helperArgs?.args.map((a) => a.value) ?? [];
  const counters = new Set(scope.counters);
  fn.params.forEach((p, i) => {
    const arg = args[i];
    if (!p.name || !arg) return;
    walkExpr(arg, (x) => {
      if (x.kind === "name" && (scope.counters.has(x.name) || scope.growing.has(x.name)))
        counters.add(p.name!);
      if (x.kind === "name" && RETRY_AFTER_NAME.test(x.name)) counters.add(p.name!);
    });
  });
  let f: WaitFeatures = noFeatures();
  let sawDelay = false;
  walkStmts(fn.body, (s) => {
    for (const e of stmtExprs(s)) {
      walkExpr(
        e,
        (x) => {
          if (x.kind === "call" && /sleep|setTimeout|wait|delay/i.test(calleeName(x.callee) ?? "")) {
            const arg = calleeName(x.callee) === "setTimeout" ? x.args[1]?.value : x.args[0]?.value;
            if (arg) {
              sawDelay = true;
              f = mergeFeatures(f, exprFeatures(arg, ctx, { counters, growing: scope.growing }, 1));
            }
          }
        },
        true,
      );
    }
  });
  for (const arg of args) {
    walkExpr(arg, (x) => {
      if (x.kind === "name" && RETRY_AFTER_NAME.test(x.name)) f.readsRetryAfter = true;
    });
  }
  if (!sawDelay) f.opaque = true;
  return f;
}
