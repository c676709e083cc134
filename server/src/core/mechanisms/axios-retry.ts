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
import type { Call } from "../ir/types";
import { dottedName, unwrap, walkStmts } from "../ir/walk";
import { importedAs, prop, functionOf, isInfinite, span, configSite } from "./configuration";

// ---------------------------------------------------------------- axios-retry

function axiosRetryCall(call: Call, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (call.callee.kind !== "name" || !importedAs(ctx, call.callee.name, /^axios-retry$/, "default"))
    return undefined;
  const local = call.callee.name;
  const options = call.args[1]?.value.kind === "object" ? call.args[1].value : undefined;
  const condition = prop(options, "retryCondition")?.value;
  const conditionFn = functionOf(condition, ctx);
  const retried = new Set<Failure>();
  const refs = new Map<number, StatusRef>();
  const unchecked = new Set<Failure>();
  for (const f of FAILURES) {
    if (!conditionFn) {
      if (f === "network" || (typeof f === "number" && f >= 500)) retried.add(f);
      continue;
    }
    const r = sim.cond.evalFunction(conditionFn, f);
    if (r.value === false) continue;
    retried.add(f);
    for (const ref of r.refs) refs.set(ref.start, ref);
    if (!r.decided && !r.refs.some((x) => x.status === f || x.via === "range")) unchecked.add(f);
  }
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

export const axiosRetry: Mechanism = {
  library: "axios-retry",
  languages: ["javascript"],
  call: axiosRetryCall,
};
