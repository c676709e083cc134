/**
 * backoff (Python): `@backoff.on_exception(wait_gen, exception, ...)`.
 *
 * Documented defaults (github.com/litl/backoff): retries while the listed
 * exception is raised, forever unless `max_tries` / `max_time` is given,
 * waiting by the given generator (`expo` grows exponentially) with full jitter.
 */

import type { Mechanism } from "./mechanism";
import type { FileContext } from "../analysis/model";
import { makeRetrySite } from "../analysis/retries";
import type { Simulator } from "../analysis/simulate";
import type { RetrySite, WaitSite } from "../analysis/types";
import { exprFeatures } from "../analysis/waits";
import type { Expr, FunctionDef } from "../ir/types";
import { calleeName, dottedName, unwrap } from "../ir/walk";
import {
  NO_SCOPE,
  importedAs,
  kwarg,
  functionOf,
  span,
  attemptEvaluation,
  applyLibraryWait,
} from "./configuration";
import type { Call } from "../ir/types";
import type { Lookup } from "../analysis/evaluate";
import { option, fixed, fmtS, type LibraryNumbers, type Num, type Amount } from "./timing";

// ---------------------------------------------------------------- backoff

function backoffDecorator(d: Expr, fn: FunctionDef, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (d.kind !== "call") return undefined;
  const dotted = dottedName(d.callee) ?? "";
  const isBackoff =
    dotted === "backoff.on_exception" ||
    (dotted === "on_exception" && importedAs(ctx, "on_exception", /^backoff$/));
  if (!isBackoff) return undefined;
  const positional = d.args.filter((a) => !a.name).map((a) => a.value);
  const gen = positional[0] ?? kwarg(d, "wait_gen");
  const exc = positional[1] ?? kwarg(d, "exception");
  const giveupArg = kwarg(d, "giveup");
  const given = giveupArg !== undefined && unwrap(giveupArg).kind !== "null" ? giveupArg : undefined;
  const giveup = functionOf(given, ctx);
  const ev = attemptEvaluation(fn, sim, (s) => {
    const match = exc ? sim.cond.classTest([exc], s) : { value: true, refs: [], decided: false };
    if (match.value === false || !giveup) return match;
    const g = sim.cond.evalFunction(giveup, s);
    if (g.value === true) return { value: false, refs: [], decided: true };
    // Not giving up on a status the predicate names is retrying it.
    return { value: match.value, refs: [...match.refs, ...(g.falseRefs ?? [])], decided: true };
  });
  if (!ev) return undefined;
  const maxTries = kwarg(d, "max_tries");
  const maxTime = kwarg(d, "max_time");
  const isNone = (e: Expr | undefined): boolean => e === undefined || unwrap(e).kind === "null";
  const site = makeRetrySite(
    {
      mechanism: "decorator",
      library: "backoff",
      anchor: span(d),
      label: backoffLabel(exc),
      bounded: !(isNone(maxTries) && isNone(maxTime)),
      start: fn.start,
      end: fn.end,
      calls: new Set(fn.name ? [fn.name] : []),
    },
    { ...ev, waits: [], rateLimitWaits: [], waitsNothing: false },
    ctx,
    NO_SCOPE,
    sim.requestsIn(fn.body),
  );
  // A giveup predicate decides which failures stop the retry: one it cannot see (imported) is not blind either.
  site.blind = ev.blind && !given;
  site.retriesOn = {
    text: `${exceptionsText(
      exc,
      [...ev.retried].some((r) => typeof r === "number"),
    )}${given ? `, unless ${giveupText(given)} gives up` : ""}`,
    statusesKnown: !given || giveup !== undefined,
  };
  if (gen) {
    const genName = calleeName(unwrap(gen)) ?? "";
    const jitterArg = d.args.find((a) => a.name === "jitter");
    const jitter = jitterArg ? unwrap(jitterArg.value).kind !== "null" : true;
    const runtime = genName === "runtime";
    const value = kwarg(d, "value");
    const waitSite: WaitSite = {
      kind: "wait",
      start: gen.start,
      end: gen.end,
      exponential: genName === "expo",
      grows: genName === "expo" || genName === "fibo" || runtime,
      jitter,
      readsRetryAfter:
        runtime && value !== undefined && exprFeatures(value, ctx, NO_SCOPE, 0).readsRetryAfter,
    };
    applyLibraryWait(site, waitSite, false);
  }
  return site;
}

/**
 * The decorator as its finding names it: the exception classes the code gives.
 * `Exception` / `BaseException` is every exception; a narrower class is only
 * reported as blind when it covers the HTTP errors of 4xx responses, so the
 * label says so (`RequestException` is `HTTPError`'s base class).
 */
function backoffLabel(exc: Expr | undefined): string {
  const head = "`@backoff.on_exception`";
  if (!exc) return `${head} with no exception class`;
  return `${head} on ${exceptionsText(exc, true)}`;
}

/**
 * The exception classes a decorator is given, in words (`` `RequestException` (HTTP errors
 * included) `` when `http`: they cover the errors of HTTP responses).
 */
function exceptionsText(exc: Expr | undefined, http: boolean): string {
  if (!exc) return "no exception class";
  const e = unwrap(exc);
  const types = e.kind === "array" ? e.elements : [e];
  const names = types.map((t) => {
    const dotted = dottedName(unwrap(t));
    return dotted ? dotted.slice(dotted.lastIndexOf(".") + 1) : undefined;
  });
  if (names.some((n) => n === "Exception" || n === "BaseException")) return "every exception";
  const listed = names.filter((n) => n !== undefined).map((n) => `\`${n}\``);
  if (listed.length === 0) return "the exception classes it is given";
  const classes = listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(", ")} or ${listed.at(-1)}`;
  return http ? `${classes} (HTTP errors included)` : `${classes}`;
}

/** A giveup predicate as the code names it: `` `is_fatal` ``, or "a lambda". */
function giveupText(g: Expr): string {
  const x = unwrap(g);
  if (x.kind === "function") return "a lambda";
  const name = dottedName(x);
  return name ? `\`${name}\`` : "a predicate";
}

export const backoff: Mechanism = { library: "backoff", languages: ["python"], decorator: backoffDecorator };

// ---------------------------------------------------------------- timing, for the report

/** backoff `@on_exception(wait_gen, exc, max_tries=, max_time=, jitter=full_jitter, **gen_kwargs)`. Seconds. */
export function backoffNumbers(call: Call, constant: Lookup): LibraryNumbers {
  const unknowns: string[] = [];
  const tries = option(call, undefined, ["max_tries"], Infinity, constant).value;
  const maxTime = call.args.some((a) => a.name === "max_time" && unwrap(a.value).kind !== "null");
  let attempts: Amount = tries === Infinity ? (maxTime ? "unknown" : "unbounded") : tries;
  if (attempts === "unknown") {
    unknowns.push(maxTime ? "a `max_time` deadline, not an attempt count" : "`max_tries` it cannot compute");
    attempts = "unknown";
  }
  const gen =
    call.args.filter((a) => !a.name)[0]?.value ?? call.args.find((a) => a.name === "wait_gen")?.value;
  const genName = gen ? (calleeName(unwrap(gen)) ?? "") : "";
  const jitterArg = call.args.find((a) => a.name === "jitter")?.value;
  const jitterName = jitterArg
    ? unwrap(jitterArg).kind === "null"
      ? "none"
      : (calleeName(unwrap(jitterArg)) ?? "unknown")
    : "full_jitter";
  const kw = (names: string[], fallback: number): Num =>
    option(call, undefined, names, fallback, constant).value;
  let base: ((n: number) => number) | undefined;
  let formula = "unknown";
  let kind: LibraryNumbers["kind"] = "unknown";
  if (genName === "expo") {
    const b = kw(["base"], 2);
    const f = kw(["factor"], 1);
    const mx = kw(["max_value"], Infinity);
    if (typeof b === "number" && typeof f === "number" && typeof mx === "number") {
      base = (n) => Math.min(mx, f * b ** (n - 1));
      formula = `${mx === Infinity ? "" : `min(${fmtS(mx)}, `}${f === 1 ? "" : `${f} × `}${b}^(n − 1) s${mx === Infinity ? "" : ")"}`;
      kind = "exponential";
    }
  } else if (genName === "constant") {
    const i = kw(["interval"], 1);
    if (typeof i === "number") {
      base = () => i;
      formula = `${i} s`;
      kind = "fixed";
    }
  } else if (genName === "fibo") {
    const mx = kw(["max_value"], Infinity);
    if (typeof mx === "number") {
      base = (n) => Math.min(mx, fib(n));
      formula = `fibonacci(n) s${mx === Infinity ? "" : `, at most ${fmtS(mx)}`}`;
      kind = "linear";
    }
  }
  if (!base) unknowns.push("a wait generator it cannot compute");
  const full = jitterName === "full_jitter";
  const randomJitter = jitterName === "random_jitter";
  const knownJitter = full || randomJitter || jitterName === "none";
  if (!knownJitter) unknowns.push("a custom jitter function");
  const b = base;
  return {
    attempts,
    wait:
      b && knownJitter
        ? (n) => {
            const v = b(n) * 1000;
            return full ? { minMs: 0, maxMs: v } : randomJitter ? { minMs: v, maxMs: v + 1000 } : fixed(v);
          }
        : "unknown",
    formula: full ? `random[0, ${formula}]` : randomJitter ? `${formula} + random[0, 1] s` : formula,
    kind,
    jitter: knownJitter ? full || randomJitter : "unknown",
    retryAfter: { honoured: false },
    source: "library-config",
    unknowns,
  };
}

function fib(n: number): number {
  let a = 1;
  let b = 1;
  for (let i = 1; i < n; i++) [a, b] = [b, a + b];
  return a;
}
