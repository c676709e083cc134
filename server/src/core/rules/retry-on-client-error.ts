import { isNonRetryableClientError } from "../analysis/statuses";
import { defineRule } from "./define";
import { isNonTransientCode } from "./retry-non-transient-error";

export default defineRule({
  id: "retry-on-client-error",
  severity: "warning",
  languages: ["javascript", "python"],
  docs: {
    summary:
      "Do not retry 4xx client errors other than 408, 425 and 429: the same request fails the same way.",
    rationale:
      "A 400, 404, 409 or 422 says the request itself is wrong. Sending it again wastes rate-limit budget and delays the real error. Only 408 Request Timeout, 425 Too Early, 429 Too Many Requests and 5xx are worth another attempt.",
  },
  messages: {
    retried:
      "{{what}} retried: a client error does not change between attempts, the request itself must be fixed. Retry only 408, 429 and 5xx.",
    retriedByPolicy:
      "{{what}} retried ({{policy}}): a client error does not change between attempts, the request itself must be fixed. Retry only 408, 429 and 5xx.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      for (const ref of retry.retriedRefs) {
        if (ref.status === 401 || ref.status === 403 || !isNonRetryableClientError(ref.status)) continue;
        // A 429/5xx code that will not pass is retry-non-transient-error's.
        if (isNonTransientCode(ref)) continue;
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
