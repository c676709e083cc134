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

// ---------------------------------------------------------------- backoff

function backoffDecorator(d: Expr, fn: FunctionDef, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (d.kind !== "call") return undefined;
  const dotted = dottedName(d.callee) ?? "";
  const isBackoff =
    dotted === "backoff.on_exception" ||
    (dotted === "on_exception" && importedAs(ctx, "on_exception", /^backoff$/));
  if (!isBackoff) return undefined;
  const positional = d.args.filter((a) => !a.name).map((a) => a.value);
  const gen = positional[0];
  const exc = positional[1];
  const giveup = functionOf(kwarg(d, "giveup"), ctx);
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
      label: "`@backoff.on_exception` on every exception",
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
  site.blind = ev.blind && !giveup;
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

export const backoff: Mechanism = { library: "backoff", languages: ["python"], decorator: backoffDecorator };
