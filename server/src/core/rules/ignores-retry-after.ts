import { defineRule } from "./define";

export default defineRule({
  id: "ignores-retry-after",
  severity: "warning",
  languages: ["javascript", "python"],
  docs: {
    summary: "When retrying 429 or 503, wait as long as the server's Retry-After says.",
    rationale:
      "A 429 or 503 response usually says when to come back (Retry-After, or X-RateLimit-Reset). A client that computes its own shorter wait is rejected again, and keeps the rate-limit window from resetting.",
  },
  messages: {
    ignored:
      "Retry-After not read: this retry waits on {{status}} without it, so it may come back before the server allows it and be limited again. Wait for the Retry-After header (or X-RateLimit-Reset) when the response has one.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      if (retry.libraryHonoursRetryAfter) continue;
      // A library's one wait serves every status it retries; a wait in code names the statuses whose paths reach it.
      const retried = retry.retriedRefs.some((r) => r.status === 429) ? "429" : "503";
      for (const wait of retry.rateLimitWaits) {
        if (wait.readsRetryAfter) continue;
        const status = wait.ignoredOn?.join(" and ") ?? retried;
        ctx.report({
          at: wait,
          messageId: "ignored",
          data: { status },
          fixes: wait.retryAfterFix
            ? [
                {
                  title: "Wait for Retry-After when the response has it",
                  edits: wait.retryAfterFix,
                  safe: true,
                },
              ]
            : [],
        });
      }
    }
  },
});
