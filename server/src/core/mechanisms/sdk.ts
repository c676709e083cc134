/**
 * SDK clients (CaseForge, OpenAI, Anthropic, Stripe, Octokit) that retry on
 * their own, and the writes an explicitly configured one re-sends.
 *
 * Documented defaults: the OpenAI and Anthropic SDKs retry 408, 409, 429, 5xx
 * and connection errors (`max_retries` 2); Stripe's and Octokit's retry
 * plugins the same transient failures. CaseForge's client retries 429 and 503.
 * `retry_on_status` / `retryOnStatus` replaces the list; `max_retries: 0` turns
 * retries off.
 */

import type { Mechanism } from "./mechanism";
import { type ClientInfo, type FileContext } from "../analysis/model";
import { keywordOrOption } from "../analysis/context";
import type { ConstructorCall } from "../analysis/model";
import { detectRequest } from "../analysis/requests";
import { requestSite } from "../analysis/retries";
import type { RetrySite } from "../analysis/types";
import type { Call } from "../ir/types";
import { configSite } from "./configuration";

const SDK_DEFAULT_RETRIES = new Set<number | "network">([408, 409, 429, 500, 502, 503, 504, "network"]);
const CASEFORGE_DEFAULT_RETRIES = new Set<number | "network">([429, 503]);

/** `new CaseForge()`, `caseforge.Client()`, `OpenAI()`, `new Stripe(key)`, `new Octokit()` ... -> the SDK client it builds. */
export function sdkClientFrom({ call, dotted, module }: ConstructorCall): ClientInfo | undefined {
  const sdk = sdkName(dotted, module);
  return sdk ? sdkClient(sdk, call) : undefined;
}

function sdkName(dotted: string, mod: string): string | undefined {
  const m = mod.toLowerCase();
  if (/caseforge/.test(m) || /^caseforge\.(Client|AsyncClient)$/.test(dotted) || dotted === "CaseForge")
    return "caseforge";
  if (m === "openai" || /^(openai\.)?(OpenAI|AsyncOpenAI|AzureOpenAI)$/.test(dotted)) return "openai";
  if (
    m === "anthropic" ||
    m === "@anthropic-ai/sdk" ||
    /^(anthropic\.)?(Anthropic|AsyncAnthropic)$/.test(dotted)
  )
    return "anthropic";
  if (m === "stripe" || /^(stripe\.)?(Stripe|StripeClient)$/.test(dotted)) return "stripe";
  if (/octokit/.test(m) || dotted === "Octokit") return "octokit";
  return undefined;
}

function sdkClient(sdk: string, call: Call): ClientInfo {
  const retries = sdk === "caseforge" ? new Set(CASEFORGE_DEFAULT_RETRIES) : new Set(SDK_DEFAULT_RETRIES);
  // Configured lists replace the default.
  const configured = keywordOrOption(call, ["retry_on_status", "retryOnStatus"]);
  if (configured?.kind === "array") {
    retries.clear();
    for (const el of configured.elements) if (el.kind === "number") retries.add(el.value);
  }
  const max = keywordOrOption(call, ["max_retries", "maxRetries"]);
  if (max?.kind === "number" && max.value === 0) retries.clear();
  // Retries asked for in so many words: the writes this client sends are re-sent on failure.
  const explicit =
    retries.size > 0 && (configured !== undefined || (max?.kind === "number" && max.value > 0));
  return {
    kind: "sdk",
    throws: true,
    retries,
    sdk,
    configuredAt: explicit ? { start: call.start, end: call.end } : undefined,
  };
}

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
