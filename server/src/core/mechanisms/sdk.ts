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
import type { Expr } from "../ir/types";
import { evaluate, isInterval, type Lookup } from "../analysis/evaluate";
import { type LibraryNumbers, type Num, type Amount } from "./timing";

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

// ---------------------------------------------------------------- timing, for the report

/**
 * The openai and anthropic SDKs (Node and Python): maxRetries 2; the wait
 * before retry n is min(0.5 s × 2^(n − 1), 8 s) × random[0.75, 1]; a
 * Retry-After of up to 60 s is obeyed instead.
 */
export function sdkNumbers(sdk: string, maxRetries: Expr | undefined, constant: Lookup): LibraryNumbers {
  const unknowns: string[] = [];
  const known = sdk === "openai" || sdk === "anthropic";
  let retries: Num = known ? 2 : "unknown";
  if (maxRetries) {
    const v = evaluate(maxRetries, constant);
    retries = isInterval(v) && v.lo === v.hi ? v.lo : "unknown";
  }
  const attempts: Amount = typeof retries === "number" ? retries + 1 : "unknown";
  if (attempts === "unknown") unknowns.push(`the ${sdk} client's retry count`);
  if (!known) unknowns.push(`the ${sdk} client's backoff`);
  return {
    attempts,
    wait: known
      ? (n) => ({
          minMs: 0.75 * Math.min(500 * 2 ** (n - 1), 8000),
          maxMs: Math.min(500 * 2 ** (n - 1), 8000),
        })
      : "unknown",
    formula: known ? "min(8 s, 0.5 s × 2^(n − 1)) × random[0.75, 1]" : "unknown",
    kind: known ? "exponential" : "unknown",
    jitter: known ? true : "unknown",
    retryAfter: known ? { honoured: true, ceilingMs: 60_000 } : { honoured: "unknown" },
    source: maxRetries ? "library-config" : "library-default",
    unknowns,
  };
}
