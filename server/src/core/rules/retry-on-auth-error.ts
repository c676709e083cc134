import { defineRule } from "./define";

export default defineRule({
  id: "retry-on-auth-error",
  severity: "error",
  languages: ["javascript", "python"],
  docs: {
    summary: "Do not retry 401 or 403: credentials and permissions do not fix themselves between attempts.",
    rationale:
      "Every retry of a rejected credential burns rate-limit budget, fills logs, and can trip the API's brute-force protection and lock the account. Refresh the credential once (and retry once), or fail fast and tell the user.",
  },
  messages: {
    retried:
      "{{what}} retried: a retry cannot fix missing credentials or permissions, it burns the rate limit and can lock the account. Fail fast, or refresh the credential once and retry once.",
    retriedByPolicy:
      "{{what}} retried ({{policy}}): a retry cannot fix missing credentials or permissions, it burns the rate limit and can lock the account. Fail fast, or refresh the credential once and retry once.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      for (const ref of retry.retriedRefs) {
        if (ref.status !== 401 && ref.status !== 403) continue;
        ctx.report({
          at: ref,
          ...(retry.policy
            ? { messageId: "retriedByPolicy", data: { what: ref.label, policy: retry.policy } }
            : { messageId: "retried", data: { what: ref.label } }),
          fixes: ref.removal ? [{ title: `Stop retrying ${ref.label}`, edits: ref.removal, safe: true }] : [],
        });
      }
    }
  },
});
