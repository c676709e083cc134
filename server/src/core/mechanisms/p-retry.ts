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
import { importedAs, prop, functionOf, attemptEvaluation, attemptBody, librarySite } from "./configuration";

function pRetryCall(call: Call, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (call.callee.kind !== "name") return undefined;
  const local = call.callee.name;
  if (!importedAs(ctx, local, /^p-retry$/, "default") && !(local === "pRetry" && !ctx.imports.has(local)))
    return undefined;
  const given = functionOf(call.args[0]?.value, ctx);
  if (!given) return undefined;
  const fn = attemptBody(given, ctx);
  const options = call.args[1]?.value.kind === "object" ? call.args[1].value : undefined;
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
