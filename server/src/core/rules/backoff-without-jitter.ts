import { defineRule } from "./define";

export default defineRule({
  id: "backoff-without-jitter",
  severity: "info",
  languages: ["javascript", "python"],
  docs: {
    summary: "Add a random component to exponential backoff.",
    rationale:
      "Clients that failed at the same moment (an outage, a rate-limit window) and back off by the same formula come back at the same moment too, in synchronised waves. Full jitter (a random wait between 0 and the computed delay) spreads them out.",
  },
  messages: {
    lockstep:
      "No jitter in this exponential backoff: clients that failed together retry together. Add jitter: wait a random time between 0 and the computed delay.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      for (const wait of retry.waits) {
        // Each value reaching the wait is judged: the computed fallback of a Retry-After wait too.
        if (!(wait.variants ?? [wait]).some((v) => v.exponential && !v.jitter)) continue;
        ctx.report({ at: wait, messageId: "lockstep" });
      }
    }
  },
});
