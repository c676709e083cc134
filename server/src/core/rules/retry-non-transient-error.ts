import { isTransientStatus } from "../analysis/statuses";
import type { StatusRef } from "../analysis/types";
import { defineRule } from "./define";

/** A code the catalog marks non-retryable though it comes with 408, 429 or a 5xx (`insufficient_quota`). */
export function isNonTransientCode(ref: StatusRef): boolean {
  return ref.via === "code" && ref.documented !== undefined && isTransientStatus(ref.documented);
}

export default defineRule({
  id: "retry-non-transient-error",
  severity: "warning",
  languages: ["javascript", "python"],
  docs: {
    summary:
      "Do not retry a 429 or 5xx whose error code says it will not pass (`insufficient_quota`, a daily limit).",
    rationale:
      "Some APIs answer 429 or 5xx for failures that waiting cannot fix: an exhausted quota or credit, a daily limit, a suspended account. The status says 'try again later', the error code says otherwise. A retry keyed on the code re-sends a request that fails the same way every time, delays the real error and burns the rate limit of every other call.",
  },
  messages: {
    retried:
      "{{what}} retried: the status says 'try later' but the code says waiting will not help, so every attempt fails the same way. Fail fast on this code; retry only the transient ones.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      for (const ref of retry.retriedRefs) {
        if (!isNonTransientCode(ref)) continue;
        ctx.report({
          at: ref,
          messageId: "retried",
          data: { what: ref.label },
          fixes: ref.removal ? [{ title: `Stop retrying ${ref.label}`, edits: ref.removal, safe: true }] : [],
        });
      }
    }
  },
});
