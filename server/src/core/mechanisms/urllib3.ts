/**
 * urllib3 `Retry` (Python; also through requests' `HTTPAdapter(max_retries=...)`).
 *
 * Documented defaults (urllib3.readthedocs.io): connection and read errors are
 * retried; statuses only when listed in `status_forcelist`; `backoff_factor`
 * 0 means no wait; `Retry-After` is honoured for 413, 429 and 503; POST and
 * PATCH are retried only when `allowed_methods` lists them.
 */

import type { Mechanism } from "./mechanism";
import type { FileContext } from "../analysis/model";
import type { Failure, RetrySite, StatusRef } from "../analysis/types";
import type { Call } from "../ir/types";
import { dottedName, unwrap } from "../ir/walk";
import {
  importedAs,
  kwarg,
  span,
  configSite,
  listOfNumbers,
  linkedRequests,
  methodRequests,
} from "./configuration";

// ---------------------------------------------------------------- urllib3 Retry

function urllib3Retry(call: Call, ctx: FileContext): RetrySite | undefined {
  const dotted = dottedName(call.callee) ?? "";
  const isRetry =
    (dotted === "Retry" && importedAs(ctx, "Retry", /urllib3|requests/)) ||
    /^(urllib3|requests)\.(.+\.)?Retry$/.test(dotted);
  if (!isRetry) return undefined;
  const forcelist = kwarg(call, "status_forcelist");
  const methods = kwarg(call, "allowed_methods") ?? kwarg(call, "method_whitelist");
  const backoffFactor = kwarg(call, "backoff_factor");
  const retried = new Set<Failure>(["network"]);
  const refs: StatusRef[] = [];
  if (forcelist) {
    const items =
      forcelist.kind === "array" || forcelist.kind === "name" || forcelist.kind === "call"
        ? listOfNumbers(forcelist, ctx, true)
        : undefined;
    if (items) {
      for (const r of items) {
        retried.add(r.status);
        refs.push(r);
      }
    }
  }
  const site = configSite(
    {
      anchor: span(call.callee),
      label: "This urllib3 Retry configuration",
      start: call.start,
      end: call.end,
      library: "urllib3",
    },
    retried,
    refs,
  );
  const factorZero =
    !backoffFactor ||
    (unwrap(backoffFactor).kind === "number" && (unwrap(backoffFactor) as { value: number }).value === 0);
  if (factorZero && refs.some((r) => r.status !== 413 && r.status !== 429 && r.status !== 503))
    site.waitsNothing = true;
  if (methods) {
    // The writes sent through sessions in this file are the ones this policy re-sends.
    const listed = methodRequests(methods, "POST");
    const listedMethods = new Set(listed.map((r) => r.method));
    const sent = linkedRequests(ctx, (req, call) => {
      const receiver = call.callee.kind === "member" ? dottedName(call.callee.object) : undefined;
      return req.client.kind === "requests" && receiver !== undefined && receiver !== "requests";
    }).filter((r) => listedMethods.has(r.method));
    site.requests = sent.length > 0 ? sent.filter((r) => !r.idempotencyKey) : listed;
  }
  return site;
}

export const urllib3: Mechanism = {
  library: "urllib3",
  languages: ["python"],
  call: (call, ctx) => urllib3Retry(call, ctx),
};
