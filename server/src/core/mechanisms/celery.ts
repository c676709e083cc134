/**
 * Celery (Python): a bound task that calls `self.retry(...)` on failure.
 *
 * Documented defaults (docs.celeryq.dev, Task.retry): `max_retries` 3
 * (`None` retries forever), `default_retry_delay` 180 s unless
 * `countdown` / `retry_backoff` is given.
 */

import type { FileContext } from "../analysis/model";
import type { Mechanism } from "./mechanism";
import { firstRecursedCall } from "../analysis/recursion";
import { evaluateRetry, makeRetrySite } from "../analysis/retries";
import { Simulator, type SimulationOptions } from "../analysis/simulate";
import type { RetrySite } from "../analysis/types";
import type { FunctionDef } from "../ir/types";
import { dottedName, unwrap } from "../ir/walk";

/**
 * A bound Celery task (`@shared_task(bind=True)`, `@app.task(bind=True)`) that calls
 * `self.retry(...)` runs again: a retry, capped by `max_retries` (3 unless set to None).
 */
function celeryTask(fn: FunctionDef, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  const decorator = fn.decorators.find((d) => {
    if (d.kind !== "call") return false;
    const name = dottedName(d.callee) ?? "";
    return (
      /(^|\.)(shared_)?task$/.test(name) &&
      d.args.some(
        (a) =>
          a.name === "bind" &&
          unwrap(a.value).kind === "bool" &&
          (unwrap(a.value) as { value: boolean }).value,
      )
    );
  });
  const self = fn.params[0]?.name;
  if (!decorator || decorator.kind !== "call" || !self) return undefined;
  const options: SimulationOptions = { selfNames: new Set([`${self}.retry`]) };
  if (!sim.containsRequest(fn.body, options)) return undefined;
  const ev = evaluateRetry(
    (s) => sim.run(fn.body, s, options),
    (o) => o.facts.recursed !== undefined,
  );
  if (!ev) return undefined;
  const anchor = firstRecursedCall(fn, sim, options, ev.retried);
  if (!anchor) return undefined;
  const maxRetries = decorator.args.find((a) => a.name === "max_retries")?.value;
  return makeRetrySite(
    {
      mechanism: "recursion",
      library: "celery",
      anchor: { start: anchor.start, end: anchor.end },
      label: "This Celery retry",
      bounded: !(maxRetries && unwrap(maxRetries).kind === "null"),
      start: fn.start,
      end: fn.end,
      calls: new Set(fn.name ? [fn.name] : []),
    },
    ev,
    ctx,
    { counters: new Set(), growing: new Set() },
    sim.requestsIn(fn.body),
  );
}

export const celery: Mechanism = {
  library: "celery",
  languages: ["python"],
  file: (ctx, sim) => ctx.allFunctions.flatMap((fn) => celeryTask(fn, ctx, sim) ?? []),
};
