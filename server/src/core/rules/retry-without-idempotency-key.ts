import { defineRule } from "./define";

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
      "{{method}} re-sent without an idempotency key: a timeout or 5xx after the server acted creates a duplicate. Send an Idempotency-Key created once and reused across attempts.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      for (const request of retry.requests) {
        if (request.idempotencyKey || (request.method !== "POST" && request.method !== "PATCH")) continue;
        ctx.report({
          at: request.callee,
          messageId: "missing",
          data: { method: request.method },
          ...(retry.helperLoop ? { related: [retry.helperLoop] } : {}),
          fixes: request.keyFix
            ? [
                // Not for Fix All: whether the API honours the header is for a person to check.
                {
                  title: "Add an Idempotency-Key created once before the retry loop",
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
