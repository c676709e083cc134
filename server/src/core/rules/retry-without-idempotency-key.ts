import type { Failure } from "../analysis/types";
import { defineRule } from "./define";

/**
 * Statuses that say the server did not act on the request (RFC 9110 and RFC 8470: rate limited,
 * timed out waiting for it, or refused early data). Re-sending after one cannot duplicate anything.
 */
const NOT_ACTED_ON: ReadonlySet<Failure> = new Set([408, 425, 429]);

export default defineRule({
  id: "retry-without-idempotency-key",
  severity: "warning",
  languages: ["javascript", "python"],
  docs: {
    summary: "A retried POST or PATCH needs an idempotency key, created once and reused across attempts.",
    rationale:
      "When a POST times out or returns 5xx, the server may already have acted. Re-sending it without an Idempotency-Key creates a second order, charge or case. With a key created once before the first attempt, the server recognises the repeat and returns the original result.",
  },
  messages: {
    missing:
      "{{method}} re-sent without an idempotency key: a timeout or 5xx after the server acted creates a duplicate. Send {{key}} created once and reused across attempts.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      // A retry only of failures the server did not act on (a 429-only loop) re-sends nothing it did.
      if (retry.retried.size > 0 && [...retry.retried].every((f) => NOT_ACTED_ON.has(f))) continue;
      for (const request of retry.requests) {
        if (request.idempotencyKey || (request.method !== "POST" && request.method !== "PATCH")) continue;
        ctx.report({
          at: request.callee,
          messageId: "missing",
          data: { method: request.method, key: request.keyName ?? "an Idempotency-Key" },
          ...(retry.helperLoop ? { related: [retry.helperLoop] } : {}),
          fixes: request.keyFix
            ? [
                // Not for Fix All: whether the API honours the header is for a person to check.
                {
                  title: request.keyName?.endsWith(" header")
                    ? `Add ${request.keyName} created once before the retry loop`
                    : "Add an Idempotency-Key created once before the retry loop",
                  edits: request.keyFix,
                  safe: false,
                },
              ]
            : [],
        });
      }
    }
  },
});
