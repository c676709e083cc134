/** What Python answers for the analysis. */

import { NETWORK_FAILURE } from "../../analysis/knowledge";
import type { LanguageProfile, SleepCall } from "../../analysis/model";
import { pythonClientFrom } from "./clients";
import { pythonRequest } from "./requests";
import { selfRetriesBeforeRaising } from "../../mechanisms/sdk-clients";

/** Builtins whose names collide with SDK classes: only the SDK's, when imported, mean HTTP. */
const BUILTIN_NETWORK_ERRORS = new Set(["ConnectionError", "TimeoutError"]);

export const pythonProfile: LanguageProfile = {
  family: "python",
  clientFrom: pythonClientFrom,
  requestOf: pythonRequest,
  exceptionClass(name, dotted, importedFromSdk) {
    if (dotted.includes(".") || importedFromSdk) return undefined;
    // The builtin `PermissionError` is a file-system error, not a 403.
    if (name === "PermissionError") return "none";
    // Builtin `ConnectionError` / `TimeoutError`: OS-level network failures, still network.
    if (BUILTIN_NETWORK_ERRORS.has(name)) return { match: NETWORK_FAILURE };
    return undefined;
  },
  sleep: pythonSleep,
  casesFallThrough: false,
  casesTestClasses: true,
  catchClausesNameClasses: true,
  selfRetriesBeforeRaising,
  promiseChains: false,
};

const SLEEPS = ["time.sleep", "asyncio.sleep", "anyio.sleep", "trio.sleep", "gevent.sleep", "eventlet.sleep"];
const SLEEP_MODULES = new Set(["time", "asyncio", "anyio", "trio"]);

/** `time.sleep(s)`, `await asyncio.sleep(s)`, `sleep(s)` imported from them, `self._sleep(...)` ... */
function pythonSleep(dotted: string, importedFrom: string | undefined): SleepCall | undefined {
  const isSleep =
    SLEEPS.includes(dotted) ||
    (dotted === "sleep" && importedFrom !== undefined && SLEEP_MODULES.has(importedFrom)) ||
    /^(self\.)?_?(sleep|wait|backoff_sleep|delay)$/.test(dotted);
  if (!isSleep) return undefined;
  return { delayArg: 0, unit: /^(time|asyncio)\.sleep$|^sleep$/.test(dotted) ? "s" : undefined };
}
