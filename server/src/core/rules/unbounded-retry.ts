import { defineRule } from "./define";

export default defineRule({
  id: "unbounded-retry",
  severity: "error",
  languages: ["javascript", "python"],
  docs: {
    summary: "Every retry needs an attempt cap or a deadline.",
    rationale:
      "A retry with no cap turns a persistent failure (a revoked key, a removed endpoint, a long outage) into an endless loop that pins a worker, floods logs and keeps hitting the API. Cap the attempts (3 to 5 is typical) or give up after a deadline, then surface the error.",
  },
  messages: {
    unbounded:
      "No attempt cap or deadline: a persistent failure retries forever. Cap the attempts (3 to 5) or give up after a deadline.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      if (retry.bounded !== false) continue;
      ctx.report({
        at: retry.anchor,
        messageId: "unbounded",
        fixes: retry.capFix
          ? [{ title: "Give up after the third failed attempt", edits: retry.capFix, safe: true }]
          : [],
      });
    }
  },
});
