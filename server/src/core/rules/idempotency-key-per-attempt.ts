import { defineRule } from "./define";

export default defineRule({
  id: "idempotency-key-per-attempt",
  severity: "warning",
  languages: ["javascript", "python"],
  docs: {
    summary:
      "Create an idempotency key once, before the first attempt, and send the same key with every retry.",
    rationale:
      "An idempotency key lets the server recognise a repeat of a request it already acted on. A key minted inside the retry loop (or the function a retry decorator re-runs) is new on every attempt, so each retry looks like a new request: a timeout after the server created the charge still creates a second one, although the code looks protected.",
  },
  messages: {
    perAttempt:
      "New idempotency key on every attempt: each retry looks like a new request, so the server cannot de-duplicate it. Create the key once, before the first attempt, and reuse it.",
  },
  check(sites, ctx) {
    const seen = new Set<number>();
    for (const retry of sites.retries) {
      for (const request of retry.requests) {
        const at = request.keyPerAttempt;
        if (!at || seen.has(at.start)) continue;
        seen.add(at.start);
        ctx.report({
          at,
          messageId: "perAttempt",
          fixes: request.keyHoistFix
            ? [
                {
                  title: "Create the idempotency key once, before the retry loop",
                  edits: request.keyHoistFix,
                  safe: true,
                },
              ]
            : [],
        });
      }
    }
  },
});
