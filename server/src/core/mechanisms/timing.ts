/**
 * What the mechanisms tell the resilience report about a library's timing: the
 * documented numbers of one retry layer (attempts, the wait before each retry,
 * jitter, Retry-After), read from the options the code sets over the library's
 * defaults. Each mechanism file gives its library's numbers beside its
 * recognition (`tenacityNumbers` in tenacity.ts, ...); an option whose value
 * cannot be computed makes that number "unknown".
 */

import type { Call, Expr, ObjectLit } from "../ir/types";
import { unwrap } from "../ir/walk";
import { evaluate, isInterval, type Lookup } from "../analysis/evaluate";

/** A count or a duration: known, unknown (the analysis cannot see it), or without any bound. */
export type Amount = number | "unknown" | "unbounded";

/** One wait between two attempts, in milliseconds (min = max without jitter). */
export interface WaitRange {
  minMs: number;
  maxMs: number;
}

export interface RetryAfterModel {
  honoured: boolean | "unknown";
  /** The longest Retry-After it obeys; "unbounded" when it obeys any value. Absent when not honoured. */
  ceilingMs?: Amount;
}

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

export type Num = number | "unknown";

/** A keyword argument (Python) or an option property (JS), evaluated; `fallback` when absent. */
export function option(
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

export const fixed = (ms: number): WaitRange => ({ minMs: ms, maxMs: ms });

export function fmtS(s: number): string {
  return s === Infinity ? "∞" : `${s} s`;
}

export function fmtMs(ms: number): string {
  return ms === Infinity ? "∞" : ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
