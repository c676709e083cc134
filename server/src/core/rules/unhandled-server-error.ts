import { defineRule } from "./define";

export default defineRule({
  id: "unhandled-server-error",
  severity: "info",
  languages: ["javascript", "python"],
  docs: {
    summary: "A handler that distinguishes error statuses needs a path for 5xx server errors.",
    rationale:
      "500, 502, 503 and 504 are usually transient: a deploy, an overloaded upstream, a maintenance window. Treating them like a permanent error turns a few seconds of server trouble into a failed operation for the user.",
  },
  messages: {
    missing:
      "No path for 5xx: this error handler checks several statuses, so a transient server outage becomes a hard failure. Retry 500, 502, 503 and 504 with capped exponential backoff.",
  },
  check(sites, ctx) {
    for (const handler of sites.handlers) {
      if (!handler.discriminates || handler.propagates || handler.covers5xx || handler.retryCovers5xx)
        continue;
      ctx.report({ at: handler.head, messageId: "missing" });
    }
  },
});
