/**
 * Interval evaluation of the numeric expressions retry code computes its
 * waits and caps with: literals, names of constants, arithmetic, `Math.min`,
 * `Math.pow`, `2 ** attempt`, `Math.random()`, `random.uniform(a, b)`. A value
 * read from the response's Retry-After is "absent" (the own-backoff case: the
 * server sent none); anything else it cannot see is "unknown".
 */

import type { Expr } from "../ir/types";
import { calleeName, dottedName, unwrap, walkExpr } from "../ir/walk";

export interface Interval {
  lo: number;
  hi: number;
  /** A random component took part (jitter). */
  random: boolean;
}

export type Value = Interval | "unknown" | "absent";

/** How names are resolved: a tracked variable's current value, or undefined to try constants. */
export type Lookup = ((name: string, at: number) => Value | undefined) & {
  /** A same-file function of one `return` a call evaluates through (`clamp(x, 1, 30)`). */
  helper?: (name: string) => { params: (string | undefined)[]; returns: Expr } | undefined;
};

const RETRY_AFTER = /retry[-_]?after|ratelimit[-_]?reset/i;

export function exact(n: number): Interval {
  return { lo: n, hi: n, random: false };
}

export function isInterval(v: Value | undefined): v is Interval {
  return typeof v === "object";
}

/** Whether an expression reads Retry-After (a header, a `retry_after` field). */
export function readsRetryAfter(e: Expr): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (found) return false;
    if (x.kind === "string" && RETRY_AFTER.test(x.value)) found = true;
    else if (x.kind === "member" && RETRY_AFTER.test(x.property)) found = true;
    else if (x.kind === "name" && RETRY_AFTER.test(x.name)) found = true;
    return !found;
  });
  return found;
}

/**
 * @param retryAfter when given, what a Retry-After read evaluates to (to find
 *   the longest wait the code obeys); otherwise such a read is "absent".
 */
export function evaluate(e: Expr, lookup: Lookup, depth = 0, retryAfter?: number): Value {
  if (depth > 24) return "unknown";
  const x = unwrap(e);
  const ev = (y: Expr): Value => evaluate(y, lookup, depth + 1, retryAfter);
  const absent: Value = retryAfter === undefined ? "absent" : exact(retryAfter);
  switch (x.kind) {
    case "number":
      return exact(x.value);
    case "bool":
      return exact(x.value ? 1 : 0);
    case "string":
      // `Number(res.headers.get("Retry-After") ?? "1")`: a numeric default.
      return !x.parts && /^\s*\d+(\.\d+)?\s*$/.test(x.value) ? exact(Number(x.value)) : "unknown";
    case "name": {
      const v = lookup(x.name, x.start);
      if (v !== undefined) return v;
      if (x.name === "Infinity" || x.name === "inf") return exact(Infinity);
      return RETRY_AFTER.test(x.name) ? absent : "unknown";
    }
    case "member": {
      const d = dottedName(x);
      if (d === "Number.POSITIVE_INFINITY" || d === "math.inf") return exact(Infinity);
      if (d === "Number.MAX_SAFE_INTEGER") return exact(Number.MAX_SAFE_INTEGER);
      if (d) {
        const v = lookup(d, x.start);
        if (v !== undefined) return v;
      }
      return readsRetryAfter(x) ? absent : "unknown";
    }
    case "unary": {
      const v = ev(x.operand);
      if (!isInterval(v)) return v;
      if (x.op === "-") return { lo: -v.hi, hi: -v.lo, random: v.random };
      if (x.op === "+") return v;
      return "unknown";
    }
    case "binary":
      return binary(x.op, x.left, x.right, ev);
    case "logical": {
      // `retryAfter || fallback` / `ra or backoff`: without Retry-After, the fallback.
      const left = ev(x.left);
      if (x.op === "or" && left === "absent") return ev(x.right);
      if (left === "absent" || left === "unknown") return left;
      return "unknown";
    }
    case "conditional": {
      // `x if x < 30 else 30`, `x > 30 ? 30 : x`: a ceiling (or floor) spelled as a conditional.
      const bound = boundOf(x);
      if (bound) return foldValues(bound.args.map(ev), bound.fn === "min" ? Math.min : Math.max);
      if (readsRetryAfter(x.test)) return retryAfter === undefined ? ev(x.else) : ev(x.then);
      const t = truth(x.test, lookup, depth + 1);
      if (t === true) return ev(x.then);
      if (t === false) return ev(x.else);
      return hull(ev(x.then), ev(x.else));
    }
    case "call": {
      const helper = depth < 12 ? lookup.helper?.(calleeName(x.callee) ?? "") : undefined;
      if (helper) {
        const args = x.args.filter((a) => !a.spread).map((a) => ev(a.value));
        const bound = new Map<string, Value>();
        helper.params.forEach((p, i) => p && bound.set(p, args[i] ?? "unknown"));
        const inner: Lookup = Object.assign((name: string) => bound.get(name) ?? "unknown", {
          helper: lookup.helper,
        });
        return evaluate(helper.returns, inner, depth + 1, retryAfter);
      }
      return call(x, ev, absent);
    }
    default:
      return readsRetryAfter(x) ? absent : "unknown";
  }
}

/** A key for the simple expressions a min/max conditional repeats (a name, a member, a number). */
function simpleKey(e: Expr): string | undefined {
  const x = unwrap(e);
  if (x.kind === "number") return `#${x.value}`;
  if (x.kind === "name") return `n:${x.name}`;
  if (x.kind === "member") {
    const d = dottedName(x);
    return d ? `m:${d}` : undefined;
  }
  return undefined;
}

/**
 * `a if a < b else b` / `a < b ? a : b` is `min(a, b)`, `a if a > b else b` is `max(a, b)` (and the
 * mirrored spellings); undefined for any other conditional.
 */
function boundOf(x: Expr & { kind: "conditional" }): { fn: "min" | "max"; args: Expr[] } | undefined {
  const test = unwrap(x.test);
  if (test.kind !== "binary" || !["<", "<=", ">", ">="].includes(test.op)) return undefined;
  const [l, r, t, f] = [test.left, test.right, x.then, x.else].map(simpleKey);
  if (!l || !r || !t || !f || l === r) return undefined;
  const less = test.op === "<" || test.op === "<=";
  if (t === l && f === r) return { fn: less ? "min" : "max", args: [test.left, test.right] };
  if (t === r && f === l) return { fn: less ? "max" : "min", args: [test.left, test.right] };
  return undefined;
}

function binary(op: string, l: Expr, r: Expr, ev: (e: Expr) => Value): Value {
  const a = ev(l);
  if (op === "??") return a === "absent" ? ev(r) : a;
  return arithmetic(op, a, ev(r));
}

/**
 * `a op b` over intervals (`+`, `-`, `*`, `/`, `**`, `<<`, `%`): the one place values are combined,
 * for expressions here and for the compound assignments (`delay *= 2`) a simulated run applies.
 */
export function arithmetic(op: string, a: Value, b: Value): Value {
  if (a === "absent" || b === "absent") return "absent";
  if (!isInterval(a) || !isInterval(b)) return "unknown";
  const random = a.random || b.random;
  const corners = (f: (p: number, q: number) => number): Value => {
    const vs = [f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)].map((v) =>
      Number.isNaN(v) ? 0 : v,
    );
    return { lo: Math.min(...vs), hi: Math.max(...vs), random };
  };
  switch (op) {
    case "+":
      return { lo: a.lo + b.lo, hi: a.hi + b.hi, random };
    case "-":
      return { lo: a.lo - b.hi, hi: a.hi - b.lo, random };
    case "*":
      return corners((p, q) => p * q);
    case "/":
      if (b.lo <= 0 && b.hi >= 0) return "unknown";
      return corners((p, q) => p / q);
    case "**":
      if (a.lo < 0) return "unknown";
      return corners((p, q) => p ** q);
    case "<<":
      return corners((p, q) => p * 2 ** q);
    case "%":
      return a.lo === a.hi && b.lo === b.hi && b.lo !== 0 ? { ...exact(a.lo % b.lo), random } : "unknown";
    default:
      return "unknown";
  }
}

function call(x: Expr & { kind: "call" }, ev: (e: Expr) => Value, absent: Value): Value {
  const name = dottedName(x.callee) ?? calleeName(x.callee) ?? "";
  const args = x.args.filter((a) => !a.spread).map((a) => a.value);
  const vals = (): Value[] => args.map(ev);
  const fold = (f: (p: number, q: number) => number): Value => foldValues(vals(), f);
  // `headers.get("Retry-After", "1")`: without the header, the default.
  if (/(^|\.)get$/.test(name) && args.length >= 2 && readsRetryAfter(args[0]!))
    return absent === "absent" ? ev(args[1]!) : absent;
  switch (name) {
    case "Math.min":
    case "min":
      return fold(Math.min);
    case "Math.max":
    case "max":
      return fold(Math.max);
    case "Math.pow":
    case "pow":
    case "math.pow":
      return args.length === 2 ? binary("**", args[0]!, args[1]!, ev) : "unknown";
    case "Math.random":
    case "random.random":
    case "random":
      return args.length === 0 ? { lo: 0, hi: 1, random: true } : "unknown";
    case "random.uniform":
    case "uniform":
    case "random.randint":
    case "randint": {
      const [a, b] = vals();
      if (a === "absent" || b === "absent") return "absent";
      if (!isInterval(a) || !isInterval(b)) return "unknown";
      return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), random: true };
    }
    case "Math.floor":
    case "Math.ceil":
    case "Math.round":
    case "Math.trunc":
    case "Math.abs":
    case "math.floor":
    case "math.ceil":
    case "round":
    case "int":
    case "float":
    case "Number":
    case "parseInt":
    case "parseFloat":
    case "abs": {
      const v = args[0] ? ev(args[0]) : "unknown";
      if (!isInterval(v)) return v;
      const f = roundFn(name);
      return { lo: f(v.lo), hi: f(v.hi), random: v.random };
    }
    default:
      return readsRetryAfter(x) ? absent : "unknown";
  }
}

/** `min`/`max` over values: absent when one is absent, unknown when one is unknown. */
function foldValues(vs: Value[], f: (p: number, q: number) => number): Value {
  if (vs.length === 0) return "unknown";
  if (vs.includes("absent")) return "absent";
  if (!vs.every(isInterval)) return "unknown";
  const is = vs as Interval[];
  return {
    lo: is.map((v) => v.lo).reduce((p, q) => f(p, q)),
    hi: is.map((v) => v.hi).reduce((p, q) => f(p, q)),
    random: is.some((v) => v.random),
  };
}

function roundFn(name: string): (n: number) => number {
  if (/floor|int|parseInt|trunc/.test(name)) return Math.floor;
  if (/ceil/.test(name)) return Math.ceil;
  if (/round/.test(name)) return Math.round;
  if (/abs/.test(name)) return Math.abs;
  return (n) => n;
}

function hull(a: Value, b: Value): Value {
  if (a === "absent") return b;
  if (b === "absent") return a;
  if (!isInterval(a) || !isInterval(b)) return "unknown";
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), random: a.random || b.random };
}

/**
 * Three-valued truth of a condition over known numbers: true, false, or
 * undefined when it depends on something the evaluation cannot see.
 */
export function truth(e: Expr, lookup: Lookup, depth = 0): boolean | undefined {
  const x = unwrap(e);
  if (x.kind === "bool") return x.value;
  if (x.kind === "logical") {
    const a = truth(x.left, lookup, depth + 1);
    const b = truth(x.right, lookup, depth + 1);
    if (x.op === "and") return a === false || b === false ? false : a && b ? true : undefined;
    return a === true || b === true ? true : a === false && b === false ? false : undefined;
  }
  if (x.kind === "unary" && x.op === "not") {
    const t = truth(x.operand, lookup, depth + 1);
    return t === undefined ? undefined : !t;
  }
  if (x.kind === "binary" && ["<", "<=", ">", ">=", "==", "!="].includes(x.op)) {
    const a = evaluate(x.left, lookup, depth + 1);
    const b = evaluate(x.right, lookup, depth + 1);
    if (!isInterval(a) || !isInterval(b) || a.random || b.random) return undefined;
    const cmp = (p: number, q: number): boolean => {
      switch (x.op) {
        case "<":
          return p < q;
        case "<=":
          return p <= q;
        case ">":
          return p > q;
        case ">=":
          return p >= q;
        case "==":
          return p === q;
        default:
          return p !== q;
      }
    };
    const all = [cmp(a.lo, b.lo), cmp(a.lo, b.hi), cmp(a.hi, b.lo), cmp(a.hi, b.hi)];
    if (a.lo === a.hi && b.lo === b.hi) return all[0];
    return all.every(Boolean) ? true : all.every((v) => !v) ? false : undefined;
  }
  const v = evaluate(x, lookup, depth + 1);
  if (isInterval(v) && v.lo === v.hi && !v.random) return v.lo !== 0;
  // A Retry-After the worst case does not send (`if (retryAfter)`, `if retry_after:`) tests false.
  if (v === "absent") return false;
  return undefined;
}
