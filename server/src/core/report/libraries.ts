// Over 400 lines: the timing defaults of every library the report computes; they belong beside each mechanism in core/mechanisms/.
/**
 * The documented retry numbers of the libraries and clients the analysis
 * recognises: how many attempts, the wait before each retry, jitter and
 * Retry-After. Defaults are the libraries' own (cited per entry); options
 * the code sets replace them; an option whose value cannot be computed makes
 * that number "unknown".
 */

import type { Call, Expr, ObjectLit } from "../ir/types";
import { calleeName, dottedName, unwrap } from "../ir/walk";
import { evaluate, isInterval, type Lookup } from "./evaluate";
import type { Amount, RetryAfterModel, WaitRange } from "./model";

/** The numbers of one library-driven layer; waits are given by retry number n = 1, 2, ... */
export interface LibraryNumbers {
  attempts: Amount;
  /** The wait after the n-th failed attempt (ms), or "unknown". */
  wait: ((n: number) => WaitRange) | "unknown";
  formula: string;
  kind: "none" | "fixed" | "linear" | "exponential" | "random" | "unknown";
  jitter: boolean | "unknown";
  retryAfter: RetryAfterModel;
  source: "library-default" | "library-config";
  unknowns: string[];
}

type Num = number | "unknown";

/** A keyword argument (Python) or an option property (JS), evaluated; `fallback` when absent. */
function option(
  call: Call | undefined,
  obj: ObjectLit | undefined,
  names: string[],
  fallback: Num,
  constant: Lookup,
  positional?: number,
): { value: Num; given: boolean; expr?: Expr } {
  let expr: Expr | undefined;
  if (call) {
    expr = call.args.find((a) => a.name && names.includes(a.name))?.value;
    if (!expr && positional !== undefined) expr = call.args.filter((a) => !a.name)[positional]?.value;
  }
  if (!expr && obj) expr = obj.properties.find((p) => p.key && names.includes(p.key))?.value;
  if (!expr) return { value: fallback, given: false };
  const x = unwrap(expr);
  if (x.kind === "null") return { value: Infinity, given: true, expr };
  const v = evaluate(x, constant);
  return { value: isInterval(v) && v.lo === v.hi ? v.lo : "unknown", given: true, expr };
}

const fixed = (ms: number): WaitRange => ({ minMs: ms, maxMs: ms });

// ---------------------------------------------------------------- tenacity

/** tenacity: `stop=` (no stop: retries forever), `wait=` (no wait: none). Waits are seconds. */
export function tenacityNumbers(call: Call | undefined, constant: Lookup): LibraryNumbers {
  const unknowns: string[] = [];
  const stop = call?.args.find((a) => a.name === "stop")?.value;
  const attempts = stop ? tenacityStop(stop, constant) : "unbounded";
  if (attempts === "unknown") unknowns.push("a `stop=` condition it cannot count");
  const waitExpr = call?.args.find((a) => a.name === "wait")?.value;
  const wait = waitExpr ? tenacityWait(waitExpr, constant) : undefined;
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

function tenacityStop(e: Expr, constant: Lookup): Amount {
  const x = unwrap(e);
  if (x.kind === "binary" && x.op === "|") {
    // Either stops: at most the smaller count.
    const a = tenacityStop(x.left, constant);
    const b = tenacityStop(x.right, constant);
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

function tenacityWait(e: Expr, constant: Lookup): WaitFn | undefined {
  const x = unwrap(e);
  if (x.kind === "binary" && x.op === "+") {
    const a = tenacityWait(x.left, constant);
    const b = tenacityWait(x.right, constant);
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

// ---------------------------------------------------------------- backoff

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
  const gen = call.args.filter((a) => !a.name)[0]?.value;
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

// ---------------------------------------------------------------- p-retry, async-retry

/**
 * p-retry and async-retry (both on the `retry` package): retries 10, factor 2,
 * minTimeout 1000 ms, maxTimeout Infinity; randomize multiplies by 1..2
 * (false in p-retry, true in async-retry).
 */
export function promiseRetryNumbers(
  library: "p-retry" | "async-retry",
  options: ObjectLit | undefined,
  constant: Lookup,
): LibraryNumbers {
  const unknowns: string[] = [];
  const opt = (names: string[], fallback: number): Num =>
    option(undefined, options, names, fallback, constant).value;
  const forever = options?.properties.find((p) => p.key === "forever")?.value;
  const retries = opt(["retries"], 10);
  const attempts: Amount =
    forever && unwrap(forever).kind === "bool" && (unwrap(forever) as { value: boolean }).value
      ? "unbounded"
      : retries === Infinity
        ? "unbounded"
        : typeof retries === "number"
          ? retries + 1
          : "unknown";
  if (attempts === "unknown") unknowns.push("`retries` it cannot compute");
  const factor = opt(["factor"], 2);
  const min = opt(["minTimeout"], 1000);
  const max = opt(["maxTimeout"], Infinity);
  const randomizeExpr = options?.properties.find((p) => p.key === "randomize")?.value;
  const randomize = randomizeExpr
    ? unwrap(randomizeExpr).kind === "bool"
      ? (unwrap(randomizeExpr) as { value: boolean }).value
      : "unknown"
    : library === "async-retry";
  const known = [factor, min, max].every((v) => typeof v === "number") && randomize !== "unknown";
  if (!known) unknowns.push("backoff options it cannot compute");
  const [f, mn, mx] = [factor, min, max] as number[];
  const core = `${mn} ms × ${f}^(n − 1)`;
  return {
    attempts,
    wait: known
      ? (n) => {
          const v = Math.min(mn! * f! ** (n - 1), mx!);
          return randomize ? { minMs: Math.min(v, mx!), maxMs: Math.min(2 * v, mx!) } : fixed(v);
        }
      : "unknown",
    formula: known
      ? `${mx === Infinity ? core : `min(${fmtMs(mx!)}, ${core})`}${randomize ? " × random[1, 2]" : ""}`
      : "unknown",
    kind: f === 1 ? "fixed" : "exponential",
    jitter: randomize,
    retryAfter: { honoured: false },
    source: options ? "library-config" : "library-default",
    unknowns,
  };
}

// ---------------------------------------------------------------- axios-retry

/** axios-retry: retries 3; retryDelay: none by default, `exponentialDelay` = 2^n × 100 ms + up to 20 %. */
export function axiosRetryNumbers(
  options: ObjectLit | undefined,
  constant: Lookup,
  customDelay?: (n: number) => WaitRange | undefined,
): LibraryNumbers {
  const unknowns: string[] = [];
  const retries = option(undefined, options, ["retries"], 3, constant).value;
  const attempts: Amount =
    retries === Infinity ? "unbounded" : typeof retries === "number" ? retries + 1 : "unknown";
  if (attempts === "unknown") unknowns.push("`retries` it cannot compute");
  const delay = options?.properties.find((p) => p.key === "retryDelay")?.value;
  const delayName = delay ? (dottedName(unwrap(delay)) ?? "") : "";
  let wait: LibraryNumbers["wait"] = () => fixed(0);
  let formula = "no wait (axios-retry's default)";
  let kind: LibraryNumbers["kind"] = "none";
  let jitter: boolean | "unknown" = false;
  if (delay && /(^|\.)exponentialDelay$/.test(delayName)) {
    wait = (n) => ({ minMs: 2 ** n * 100, maxMs: 2 ** n * 100 * 1.2 });
    formula = "2^n × 100 ms + random[0, 20 %]";
    kind = "exponential";
    jitter = true;
  } else if (delay && /(^|\.)linearDelay$/.test(delayName)) {
    wait = (n) => fixed(n * 100);
    formula = "n × 100 ms";
    kind = "linear";
  } else if (delay) {
    const probe = customDelay?.(1);
    if (customDelay && probe) {
      wait = (n) => customDelay(n) ?? { minMs: Number.NaN, maxMs: Number.NaN };
      formula = "the code's `retryDelay`";
      const two = customDelay(2)!;
      kind = two.maxMs > probe.maxMs ? "exponential" : "fixed";
      jitter = probe.minMs !== probe.maxMs;
    } else {
      wait = "unknown";
      formula = "unknown";
      kind = "unknown";
      jitter = "unknown";
      unknowns.push("a `retryDelay` it cannot compute");
    }
  }
  return {
    attempts,
    wait,
    formula,
    kind,
    jitter,
    retryAfter: { honoured: true, ceilingMs: "unknown" },
    source: options ? "library-config" : "library-default",
    unknowns,
  };
}

// ---------------------------------------------------------------- urllib3

/**
 * urllib3 `Retry`: total 10; before the k-th retry it sleeps 0 when k = 1,
 * else backoff_factor × 2^(k − 1) s, at most backoff_max (120 s), plus
 * random[0, backoff_jitter]; Retry-After on 413/429/503 is obeyed up to
 * retry_after_max (21600 s).
 */
export function urllib3Numbers(call: Call, constant: Lookup): LibraryNumbers {
  const unknowns: string[] = [];
  const total = option(call, undefined, ["total"], 10, constant, 0);
  const attempts: Amount =
    total.value === Infinity ? "unknown" : typeof total.value === "number" ? total.value + 1 : "unknown";
  if (attempts === "unknown") unknowns.push("a `total` it cannot compute");
  const factor = option(call, undefined, ["backoff_factor"], 0, constant).value;
  const max = option(call, undefined, ["backoff_max"], 120, constant).value;
  const jitter = option(call, undefined, ["backoff_jitter"], 0, constant).value;
  const ceiling = option(call, undefined, ["retry_after_max"], 21600, constant).value;
  const respect = call.args.find((a) => a.name === "respect_retry_after_header")?.value;
  const honoured = !(
    respect &&
    unwrap(respect).kind === "bool" &&
    !(unwrap(respect) as { value: boolean }).value
  );
  const known = [factor, max, jitter].every((v) => typeof v === "number");
  if (!known) unknowns.push("backoff options it cannot compute");
  const [f, mx, j] = [factor, max, jitter] as number[];
  return {
    attempts,
    wait: known
      ? (k) => {
          if (k <= 1) return fixed(0);
          const v = f! * 2 ** (k - 1);
          return { minMs: Math.min(mx!, v) * 1000, maxMs: Math.min(mx!, v + j!) * 1000 };
        }
      : "unknown",
    formula: known
      ? f === 0
        ? "no wait (backoff_factor 0)"
        : `0 before the 1st retry, then min(${fmtS(mx!)}, ${f} s × 2^(k − 1))${j ? ` + random[0, ${j}] s` : ""}`
      : "unknown",
    kind: known ? (f === 0 ? "none" : "exponential") : "unknown",
    jitter: known ? j! > 0 : "unknown",
    retryAfter: honoured
      ? { honoured: true, ceilingMs: typeof ceiling === "number" ? ceiling * 1000 : "unknown" }
      : { honoured: false },
    source: "library-config",
    unknowns,
  };
}

// ---------------------------------------------------------------- got, ky

/** got: limit 2, 1000 ms × 2^(n − 1) + random[0, 100] ms; ky: limit 2, 300 ms × 2^(n − 1). Both obey Retry-After. */
export function gotKyNumbers(
  library: "got" | "ky",
  retry: Expr | undefined,
  constant: Lookup,
): LibraryNumbers {
  const unknowns: string[] = [];
  let limit: Num = 2;
  const r = retry ? unwrap(retry) : undefined;
  if (r?.kind === "number") limit = r.value;
  else if (r?.kind === "object") limit = option(undefined, r, ["limit"], 2, constant).value;
  else if (r) limit = "unknown";
  const attempts: Amount =
    limit === Infinity ? "unbounded" : typeof limit === "number" ? limit + 1 : "unknown";
  if (attempts === "unknown") unknowns.push("a retry `limit` it cannot compute");
  const got = library === "got";
  return {
    attempts,
    wait: got
      ? (n) => ({ minMs: 1000 * 2 ** (n - 1), maxMs: 1000 * 2 ** (n - 1) + 100 })
      : (n) => fixed(300 * 2 ** (n - 1)),
    formula: got ? "1000 ms × 2^(n − 1) + random[0, 100] ms" : "300 ms × 2^(n − 1)",
    kind: "exponential",
    jitter: got,
    retryAfter: { honoured: true, ceilingMs: "unknown" },
    source: retry ? "library-config" : "library-default",
    unknowns,
  };
}

// ---------------------------------------------------------------- SDK clients

/**
 * The openai and anthropic SDKs (Node and Python): maxRetries 2; the wait
 * before retry n is min(0.5 s × 2^(n − 1), 8 s) × random[0.75, 1]; a
 * Retry-After of up to 60 s is obeyed instead.
 */
export function sdkNumbers(sdk: string, maxRetries: Expr | undefined, constant: Lookup): LibraryNumbers {
  const unknowns: string[] = [];
  const known = sdk === "openai" || sdk === "anthropic";
  let retries: Num = known ? 2 : "unknown";
  if (maxRetries) {
    const v = evaluate(maxRetries, constant);
    retries = isInterval(v) && v.lo === v.hi ? v.lo : "unknown";
  }
  const attempts: Amount = typeof retries === "number" ? retries + 1 : "unknown";
  if (attempts === "unknown") unknowns.push(`the ${sdk} client's retry count`);
  if (!known) unknowns.push(`the ${sdk} client's backoff`);
  return {
    attempts,
    wait: known
      ? (n) => ({
          minMs: 0.75 * Math.min(500 * 2 ** (n - 1), 8000),
          maxMs: Math.min(500 * 2 ** (n - 1), 8000),
        })
      : "unknown",
    formula: known ? "min(8 s, 0.5 s × 2^(n − 1)) × random[0.75, 1]" : "unknown",
    kind: known ? "exponential" : "unknown",
    jitter: known ? true : "unknown",
    retryAfter: known ? { honoured: true, ceilingMs: 60_000 } : { honoured: "unknown" },
    source: maxRetries ? "library-config" : "library-default",
    unknowns,
  };
}

export function fmtS(s: number): string {
  return s === Infinity ? "∞" : `${s} s`;
}

export function fmtMs(ms: number): string {
  return ms === Infinity ? "∞" : ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
