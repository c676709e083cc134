import { defineRule } from "./define";

export default defineRule({
  id: "unhandled-rate-limit",
  severity: "info",
  languages: ["javascript", "python"],
  docs: {
    summary: "A handler that distinguishes error statuses needs a path for 429 Too Many Requests.",
    rationale:
      "Rate limiting is the most common transient failure of an HTTP API. When a status switch handles 400, 401 and 404 but sends 429 to the generic error path, a burst of traffic turns into user-facing failures that a short wait would have avoided.",
  },
  messages: {
    missing:
      "No path for 429 Too Many Requests: this error handler checks several statuses, so rate limiting becomes a hard failure. Handle 429: wait for Retry-After, then retry with backoff.",
  },
  check(sites, ctx) {
    for (const handler of sites.handlers) {
      if (!handler.discriminates || handler.propagates || handler.covers429 || handler.retryCovers429)
        continue;
      ctx.report({ at: handler.head, messageId: "missing" });
    }
  },
});
