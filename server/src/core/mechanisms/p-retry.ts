/**
 * p-retry (JS): `pRetry(attempt, options)`.
 *
 * Documented defaults (github.com/sindresorhus/p-retry): 10 retries, backing
 * off exponentially (`factor` 2) without randomness unless `randomize: true`;
 * any thrown error is retried except an `AbortError`; `shouldRetry` and
 * `onFailedAttempt` decide.
 */

import type { Mechanism } from "./mechanism";
import type { FileContext } from "../analysis/model";
import type { Simulator } from "../analysis/simulate";
import type { RetrySite } from "../analysis/types";
import type { Call } from "../ir/types";
import {
  calleeImportedAs,
  optionsObject,
  prop,
  functionOf,
  attemptEvaluation,
  attemptBody,
  librarySite,
} from "./configuration";
import type { ObjectLit } from "../ir/types";
import { unwrap } from "../ir/walk";
import type { Lookup } from "../analysis/evaluate";
import { option, fixed, fmtMs, type LibraryNumbers, type Num, type Amount } from "./timing";

function pRetryCall(call: Call, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  const local = call.callee.kind === "name" ? call.callee.name : undefined;
  if (
    !calleeImportedAs(ctx, call.callee, /^p-retry$/, "default") &&
    !(local === "pRetry" && !ctx.imports.has(local))
  )
    return undefined;
  const given = functionOf(call.args[0]?.value, ctx);
  if (!given) return undefined;
  const fn = attemptBody(given, ctx);
  const options = optionsObject(call.args[1]?.value, ctx);
  const shouldRetry = functionOf(prop(options, "shouldRetry")?.value, ctx);
  const onFailed = functionOf(prop(options, "onFailedAttempt")?.value, ctx);
  const ev = attemptEvaluation(fn, sim, (s) => {
    if (shouldRetry) {
      const r = sim.cond.evalFunction(shouldRetry, s);
      if (r.value === false) return r;
      if (onFailed && sim.run(onFailed.body, s).every((o) => o.kind === "throw" || o.kind === "abort"))
        return { value: false, refs: [], decided: true };
      return { ...r, decided: true };
    }
    if (onFailed) {
      const outs = sim.run(onFailed.body, s);
      if (outs.every((o) => o.kind === "throw" || o.kind === "abort"))
        return { value: false, refs: [], decided: true };
      const decided = outs.some((o) => o.facts.decided);
      return { value: true, refs: outs.flatMap((o) => o.facts.refs), decided };
    }
    return undefined;
  });
  if (!ev) return undefined;
  const hooks = [shouldRetry, onFailed].filter((h): h is NonNullable<typeof h> => h !== undefined);
  return librarySite("p-retry", "This p-retry call", call, ev, options, ctx, sim, fn, hooks);
}

export const pRetry: Mechanism = { library: "p-retry", languages: ["javascript"], call: pRetryCall };

// ---------------------------------------------------------------- timing, for the report

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
