import { defineRule } from "./define";

export default defineRule({
  id: "unbounded-retry-after",
  severity: "info",
  languages: ["javascript", "python"],
  docs: {
    summary: "Put a ceiling on a wait taken from Retry-After.",
    rationale:
      "Retry-After is the server's number. A server under maintenance, a misconfigured proxy or a hostile endpoint can answer `Retry-After: 3600` (or a date a day away), and a client that sleeps for whatever it is told holds a worker, a request handler or a job slot for that long. Cap the wait, and fail (or re-queue) when the server asks for longer than the caller can wait.",
  },
  messages: {
    uncapped:
      "No ceiling on the Retry-After wait: a server that answers Retry-After: 3600 stalls this call for an hour. Cap the wait (e.g. at 60 s) and give up when the server asks for longer.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      for (const wait of retry.waits) {
        if (wait.retryAfterCapped !== false) continue;
        ctx.report({
          at: wait,
          messageId: "uncapped",
          fixes: wait.ceilingFix
            ? [
                // Not for Fix All: how long the caller can wait is for a person to decide.
                { title: "Cap the Retry-After wait at 60 s", edits: wait.ceilingFix, safe: false },
              ]
            : [],
        });
      }
    }
  },
});
