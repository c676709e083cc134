/** What JavaScript, TypeScript and their JSX dialects answer for the analysis. */

import { NETWORK_FAILURE } from "../../analysis/knowledge";
import type { LanguageProfile, SleepCall } from "../../analysis/model";
import { jsClientFrom } from "./clients";
import { jsRequest } from "./requests";

export const javascriptProfile: LanguageProfile = {
  family: "javascript",
  clientFrom: jsClientFrom,
  requestOf: jsRequest,
  // `fetch` fails on the network with a `TypeError`; an aborted request is an `AbortError`.
  exceptionClass: (name) =>
    name === "TypeError" || name === "AbortError" ? { match: NETWORK_FAILURE } : undefined,
  sleep: jsSleep,
  casesFallThrough: true,
  casesTestClasses: false,
  catchClausesNameClasses: false,
  promiseChains: true,
};

/** `await sleep(ms)`, `await setTimeout(ms)` from `timers/promises`, `delay(ms)` ... (a bare callback `setTimeout` is not an awaited wait). */
function jsSleep(dotted: string, importedFrom: string | undefined): SleepCall | undefined {
  const last = dotted.slice(dotted.lastIndexOf(".") + 1);
  if (dotted === "setTimeout")
    return importedFrom?.includes("timers/promises") ? { delayArg: 0, unit: "ms", certain: true } : undefined;
  if (last === "setTimeout") return dotted.endsWith("timers.setTimeout") ? { delayArg: 1 } : undefined;
  // (`timeout` is not here: `AbortSignal.timeout(ms)` bounds a request, it does not wait.)
  if (/^(sleep|delay|wait|pause|waitFor|backoffDelay)$/.test(last) && !dotted.startsWith("page."))
    return { delayArg: 0 };
  return undefined;
}
