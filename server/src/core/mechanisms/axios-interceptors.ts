/**
 * axios interceptors (JS): an error interceptor that re-sends the failed
 * request (`axios(error.config)`), a retry by hand.
 */

import { clientAt } from "../analysis/context";
import { type FileContext } from "../analysis/model";
import { mentionsLimit } from "../analysis/loops";
import { firstRecursedCall } from "../analysis/recursion";
import { evaluateRetry, makeRetrySite } from "../analysis/retries";
import { Simulator, type SimulationOptions } from "../analysis/simulate";
import type { RetrySite } from "../analysis/types";
import { dottedName, unwrap } from "../ir/walk";
import type { Mechanism } from "./mechanism";

/**
 * `http.interceptors.response.use(ok, async (error) => { ...; return http(config) })`: an axios
 * error interceptor that sends the failed request again through the client is a retry.
 */
function interceptorRetries(ctx: FileContext, sim: Simulator): RetrySite[] {
  const out: RetrySite[] = [];
  for (const call of ctx.index.calls) {
    const callee = dottedName(call.callee) ?? "";
    const m = /^(.+)\.interceptors\.response\.use$/.exec(callee);
    if (!m) continue;
    const client = m[1]!;
    const root = client.replace(/^(this|self)\./, "");
    const isAxios =
      client === "axios" ||
      clientAt(ctx, client, call.start)?.kind === "axios" ||
      clientAt(ctx, root, call.start)?.kind === "axios";
    if (!isAxios) continue;
    const arg = call.args[1] ? unwrap(call.args[1].value) : undefined;
    const handler = arg?.kind === "function" ? arg.fn : undefined;
    if (!handler) continue;
    const options: SimulationOptions = {
      selfNames: new Set([client, `${client}.request`, root, `${root}.request`, "axios", "axios.request"]),
      assumeRequested: true,
    };
    const ev = evaluateRetry(
      (s) => (s === 200 ? [] : sim.run(handler.body, s, options)),
      (o) => o.facts.recursed !== undefined,
    );
    if (!ev) continue;
    const anchor = firstRecursedCall(handler, sim, options, ev.retried);
    // Bounded when every path that re-sends a failure passed an attempt-count or deadline check.
    const limitOptions: SimulationOptions = {
      ...options,
      limitTest: (t) => mentionsLimit(t, { counters: new Set(), growing: new Set() }, ctx),
    };
    let bounded = true;
    for (const f of ev.retried) {
      for (const o of sim.run(handler.body, f, limitOptions)) {
        if (o.facts.recursed && !o.facts.refreshed && !o.facts.limited) bounded = false;
      }
    }
    const target = anchor ?? call;
    out.push(
      makeRetrySite(
        {
          mechanism: "recursion",
          anchor: { start: target.start, end: target.end },
          label: "This interceptor retry",
          bounded,
          start: handler.start,
          end: handler.end,
        },
        ev,
        ctx,
        { counters: new Set(), growing: new Set() },
        [],
      ),
    );
  }
  return out;
}

export const axiosInterceptors: Mechanism = {
  library: "axios-interceptors",
  languages: ["javascript"],
  file: interceptorRetries,
};
