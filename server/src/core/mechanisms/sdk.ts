/**
 * SDK clients (CaseForge, OpenAI, Anthropic, Stripe, Octokit) that retry on their own.
 */

import type { Mechanism } from "./mechanism";
import type { FileContext } from "../analysis/context";
import { detectRequest } from "../analysis/requests";
import { requestSite } from "../analysis/retries";
import type { RetrySite } from "../analysis/types";
import type { Call } from "../ir/types";
import { configSite } from "./configuration";

/**
 * An SDK client built with explicit retries (`retry_on_status=[...]`, `maxRetries: 3`) re-sends
 * what it creates: its POST/PATCH calls need idempotency keys.
 */
function sdkConfiguredRetries(calls: Call[], ctx: FileContext): RetrySite[] {
  const byClient = new Map<number, RetrySite>();
  for (const call of calls) {
    const req = detectRequest(call, ctx);
    const at = req?.client.configuredAt;
    if (!req || !at || (req.method !== "POST" && req.method !== "PATCH")) continue;
    let site = byClient.get(at.start);
    if (!site) {
      site = configSite(
        { anchor: at, label: "This SDK client", start: at.start, end: at.end },
        new Set(req.client.retries ?? []),
        [],
      );
      byClient.set(at.start, site);
    }
    site.requests.push(requestSite(req));
  }
  return [...byClient.values()];
}

export const sdk: Mechanism = {
  library: "sdk",
  languages: ["javascript", "python"],
  file: (ctx) => sdkConfiguredRetries(ctx.index.calls, ctx),
};
