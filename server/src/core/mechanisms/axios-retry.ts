/**
 * axios-retry (JS): `axiosRetry(axios, options)`.
 *
 * Documented defaults (github.com/softonic/axios-retry): 3 retries, no delay
 * unless `retryDelay` is given (`exponentialDelay` grows with jitter), and
 * `isNetworkOrIdempotentRequestError`: network errors and 5xx of idempotent
 * requests.
 */

import type { Mechanism } from "./mechanism";
import type { FileContext } from "../analysis/model";
import { FAILURES } from "../analysis/knowledge";
import { isBlind } from "../analysis/retries";
import type { Simulator } from "../analysis/simulate";
import type { Failure, RetrySite, StatusRef } from "../analysis/types";
import { exprFeatures, mergeFeatures, noFeatures } from "../analysis/waits";
import { ConditionEvaluator } from "../analysis/conditions";
import type { Span } from "../types";
import type { Call, FunctionDef } from "../ir/types";
import { dottedName, unwrap, walkStmts } from "../ir/walk";
import { importedAs, prop, functionOf, isInfinite, span, configSite } from "./configuration";
import type { ObjectLit } from "../ir/types";
import type { Lookup } from "../analysis/evaluate";
import { option, fixed, type LibraryNumbers, type Amount, type WaitRange } from "./timing";

// ---------------------------------------------------------------- axios-retry

function axiosRetryCall(call: Call, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (call.callee.kind !== "name" || !importedAs(ctx, call.callee.name, /^axios-retry$/, "default"))
    return undefined;
  const local = call.callee.name;
  const options = call.args[1]?.value.kind === "object" ? call.args[1].value : undefined;
  const condition = prop(options, "retryCondition")?.value;
  const conditionFn = functionOf(condition, ctx);
  const { retried, refs, unchecked } = retriedBy(conditionFn, sim.cond);
  const delay = prop(options, "retryDelay")?.value;
  const retriesValue = prop(options, "retries")?.value;
  const site = configSite(
    {
      anchor: span(call.callee),
      label: "This axios-retry configuration",
      start: call.start,
      end: call.end,
      library: "axios-retry",
      mechanism: "config",
    },
    retried,
    [...refs.values()].filter((r) => retried.has(r.status) || r.via === "range"),
  );
  site.bounded = !isInfinite(retriesValue);
  site.blind = isBlind(retried, unchecked);
  if (
    retriesValue &&
    unwrap(retriesValue).kind === "number" &&
    (unwrap(retriesValue) as { value: number }).value === 0
  )
    return undefined;
  if (!delay) {
    site.waitsNothing = true;
  } else {
    const dotted = dottedName(unwrap(delay)) ?? "";
    if (dotted === `${local}.exponentialDelay` || dotted === "exponentialDelay") {
      site.waits = [
        {
          kind: "wait",
          start: delay.start,
          end: delay.end,
          grows: true,
          exponential: true,
          jitter: true,
          readsRetryAfter: false,
        },
      ];
    } else {
      const fn = functionOf(delay, ctx);
      if (fn) {
        const counter = fn.params[0]?.name;
        let features = noFeatures();
        const scope = { counters: new Set(counter ? [counter] : []), growing: new Set<string>() };
        walkStmts(fn.body, (s) => {
          if (s.kind === "return" && s.value)
            features = mergeFeatures(features, exprFeatures(s.value, ctx, scope, 0));
        });
        site.waits = [
          {
            kind: "wait",
            start: delay.start,
            end: delay.end,
            grows: features.grows || features.opaque,
            exponential: features.exponential,
            jitter: features.jitter || features.opaque,
            readsRetryAfter: features.readsRetryAfter,
          },
        ];
      }
    }
  }
  return site;
}

/** The failures an axios-retry `retryCondition` retries (the default: network errors and 5xx). */
function retriedBy(conditionFn: FunctionDef | undefined, cond: ConditionEvaluator) {
  const retried = new Set<Failure>();
  const refs = new Map<number, StatusRef>();
  const unchecked = new Set<Failure>();
  for (const f of FAILURES) {
    if (!conditionFn) {
      if (f === "network" || (typeof f === "number" && f >= 500)) retried.add(f);
      continue;
    }
    const r = cond.evalFunction(conditionFn, f);
    if (r.value === false) continue;
    retried.add(f);
    for (const ref of r.refs) refs.set(ref.start, ref);
    if (!r.decided && !r.refs.some((x) => x.status === f || x.via === "range")) unchecked.add(f);
  }
  return { retried, refs, unchecked };
}

/**
 * axios-retry applied to the axios instance held in `receiver` (`axiosRetry(http, { retries: 3 })`):
 * the failures it retries, its attempts and the call; undefined without one, with `retries: 0`,
 * or with a count it cannot read.
 */
export function axiosRetryOn(receiver: string, ctx: FileContext): InstanceRetry | undefined {
  // Asked for each request through the instance (handlers, nesting): found once per file.
  let known = instanceRetries.get(ctx);
  if (!known) instanceRetries.set(ctx, (known = new Map()));
  if (!known.has(receiver)) known.set(receiver, findAxiosRetryOn(receiver, ctx));
  return known.get(receiver);
}

export interface InstanceRetry {
  retried: Set<Failure>;
  attempts: number;
  at: Span;
}

const instanceRetries = new WeakMap<FileContext, Map<string, InstanceRetry | undefined>>();

function findAxiosRetryOn(receiver: string, ctx: FileContext): InstanceRetry | undefined {
  for (const call of ctx.index.calls) {
    if (!isAxiosRetryCall(call, ctx)) continue;
    const target = call.args[0]?.value;
    if (!target || dottedName(unwrap(target)) !== receiver) continue;
    const policy = axiosRetryPolicy(call, ctx);
    return policy.attempts > 1 ? policy : undefined;
  }
  return undefined;
}

function isAxiosRetryCall(call: Call, ctx: FileContext): boolean {
  return call.callee.kind === "name" && importedAs(ctx, call.callee.name, /^axios-retry$/, "default");
}

/**
 * What an `axiosRetry(target, options)` call makes of each request: attempts (1 + `retries`;
 * 1 with `retries: 0`, 0 when it cannot read the count), the failures it retries, the call.
 */
export function axiosRetryPolicy(call: Call, ctx: FileContext): InstanceRetry {
  const options = call.args[1]?.value.kind === "object" ? call.args[1].value : undefined;
  let count = prop(options, "retries")?.value;
  if (count && unwrap(count).kind === "name")
    count = ctx.values.get((unwrap(count) as { name: string }).name);
  const n = count ? unwrap(count) : undefined;
  const retries = n === undefined ? 3 : n.kind === "number" ? n.value : undefined;
  const condition = functionOf(prop(options, "retryCondition")?.value, ctx);
  const { retried } = retriedBy(condition, new ConditionEvaluator(ctx));
  return { retried, attempts: retries === undefined ? 0 : Math.max(retries, 0) + 1, at: span(call) };
}

/** `axios` as the module's default export (`import axios from "axios"`, `require("axios")`), not an instance. */
export function isGlobalAxios(name: string, ctx: FileContext): boolean {
  const imp = ctx.imports.get(name);
  return imp !== undefined && imp.module === "axios" && (imp.imported === "default" || imp.imported === "*");
}

/**
 * axios-retry applied to the global `axios` by a statement at the top of the file
 * (`axiosRetry(axios, { retries: 3 })`): every request through `axios` of the process retries
 * once the module has run. Its policy even when its retries are off or unreadable (attempts 1 or 0).
 */
export function globalAxiosRetry(ctx: FileContext): InstanceRetry | undefined {
  let known = globalRetries.get(ctx);
  if (known === undefined) {
    known = null;
    for (const st of ctx.module.body) {
      if (st.kind !== "expr") continue;
      const call = unwrap(st.expr);
      if (call.kind !== "call" || !isAxiosRetryCall(call, ctx)) continue;
      const target = call.args[0]?.value ? unwrap(call.args[0].value) : undefined;
      if (target?.kind !== "name" || !isGlobalAxios(target.name, ctx)) continue;
      known = axiosRetryPolicy(call, ctx);
      break;
    }
    globalRetries.set(ctx, known);
  }
  return known ?? undefined;
}

const globalRetries = new WeakMap<FileContext, InstanceRetry | null>();

export const axiosRetry: Mechanism = {
  library: "axios-retry",
  languages: ["javascript"],
  call: axiosRetryCall,
};

// ---------------------------------------------------------------- timing, for the report

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
