import { defineRule } from "./define";

export default defineRule({
  id: "retry-without-backoff",
  severity: "warning",
  languages: ["javascript", "python"],
  docs: {
    summary: "Wait between attempts, and let the wait grow: capped exponential backoff with jitter.",
    rationale:
      "A tight retry loop sends its attempts within milliseconds, straight into the outage or rate limit that caused the failure. A constant delay is better but still keeps the pressure on; an exponentially growing, capped and jittered delay gives the server room to recover.",
  },
  messages: {
    none: "No wait between attempts: this retry hammers a struggling server and burns the rate limit. Wait with capped exponential backoff and jitter.",
    constant:
      "Same fixed wait before every attempt: this retry keeps the pressure on a struggling server. Grow the delay exponentially, with a cap and jitter.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      if (retry.waitsNothing) {
        ctx.report({ at: retry.anchor, messageId: "none" });
        continue;
      }
      for (const wait of retry.waits) {
        // A random wait is not the same delay every time; a Retry-After wait is the server's to set.
        // Each value reaching the wait is judged: a constant fallback next to a Retry-After branch is still constant.
        if ((wait.variants ?? [wait]).every((v) => v.grows || v.jitter || v.readsRetryAfter)) continue;
        ctx.report({ at: wait, messageId: "constant" });
      }
    }
  },
});
