/**
 * async-retry (JS): `retry(async (bail) => ..., options)`.
 *
 * Documented defaults (github.com/vercel/async-retry): 10 retries, exponential
 * backoff (`factor` 2) with randomisation; any thrown error is retried unless
 * the attempt calls `bail(err)`.
 */

import type { Mechanism } from "./mechanism";
import type { FileContext } from "../analysis/model";
import type { Simulator } from "../analysis/simulate";
import type { RetrySite } from "../analysis/types";
import type { Call } from "../ir/types";
import {
  calleeImportedAs,
  optionsObject,
  functionOf,
  attemptEvaluation,
  librarySite,
  prop,
} from "./configuration";

function asyncRetryCall(call: Call, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (!calleeImportedAs(ctx, call.callee, /^async-retry$/, "default")) return undefined;
  const fn = functionOf(call.args[0]?.value, ctx);
  if (!fn) return undefined;
  const bail = fn.params[0]?.name;
  const options = optionsObject(call.args[1]?.value, ctx);
  const onRetry = functionOf(prop(options, "onRetry")?.value, ctx);
  const ev = attemptEvaluation(fn, sim, () => undefined, bail ? new Set([bail]) : undefined);
  if (!ev) return undefined;
  return librarySite(
    "async-retry",
    "This async-retry call",
    call,
    ev,
    options,
    ctx,
    sim,
    fn,
    onRetry ? [onRetry] : [],
  );
}

export const asyncRetry: Mechanism = {
  library: "async-retry",
  languages: ["javascript"],
  call: asyncRetryCall,
};
