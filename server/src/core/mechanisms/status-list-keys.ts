/**
 * Retry configurations of any client or SDK known only by their key: a list of
 * statuses under `retry_on_status`, `retryOnStatus`, `retryableStatusCodes` ...
 * The client retries what is listed, with its own bounded backoff.
 */

import type { Mechanism } from "./mechanism";
import type { FileContext } from "../analysis/model";
import { RETRY_STATUS_LIST_KEYS } from "../analysis/knowledge";
import type { Failure, RetrySite } from "../analysis/types";
import type { Call, Expr } from "../ir/types";
import { configSite, listOfNumbers } from "./configuration";

// ---------------------------------------------------------------- status-list keys

function statusLists(calls: Call[], ctx: FileContext): RetrySite[] {
  const out: RetrySite[] = [];
  const seen = new Set<number>();
  const consider = (
    key: string,
    keySpan: { start: number; end: number },
    value: Expr,
    whole: { start: number; end: number },
  ): void => {
    if (!RETRY_STATUS_LIST_KEYS.has(key) || seen.has(keySpan.start)) return;
    const refs = listOfNumbers(value, ctx);
    if (!refs || refs.length === 0) return;
    seen.add(keySpan.start);
    out.push(
      configSite(
        { anchor: keySpan, label: "This retry configuration", start: whole.start, end: whole.end },
        new Set<Failure>(["network", ...refs.map((r) => r.status)]),
        refs,
      ),
    );
  };
  for (const call of calls) {
    for (const a of call.args) {
      if (a.name) consider(a.name, a, a.value, a);
      if (a.value.kind === "object")
        for (const p of a.value.properties) if (p.key) consider(p.key, p.keySpan, p.value, p);
    }
  }
  return out;
}

export const statusListKeys: Mechanism = {
  library: "status-list-keys",
  languages: ["javascript", "python"],
  file: (ctx) => statusLists(ctx.index.calls, ctx),
};
