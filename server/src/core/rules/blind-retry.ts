import { defineRule } from "./define";

export default defineRule({
  id: "blind-retry",
  severity: "warning",
  languages: ["javascript", "python"],
  docs: {
    summary:
      "Decide what to retry: check the status or exception type, and retry only 429, 5xx and network errors.",
    rationale:
      "A retry that fires on any failure re-sends 400, 401, 403 and 404 responses that can never succeed, multiplying load and delaying the real error. A `catch` around a bare `fetch` that only sees network errors is fine; one around a throwing client (axios, got, ky, an SDK, `raise_for_status()`) is not.",
  },
  messages: {
    blind:
      "Retries on any failure: {{mechanism}} re-sends 401, 403 and other 4xx responses though they can never succeed. Retry only on 429, 5xx and network errors.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      if (!retry.blind) continue;
      ctx.report({ at: retry.anchor, messageId: "blind", data: { mechanism: sentenceMiddle(retry.label) } });
    }
  },
});

/** "This retry loop" reads as "this retry loop" once it moves after the fact that leads the message. */
function sentenceMiddle(label: string): string {
  return label.replace(/^(This|The) /, (word) => word.toLowerCase());
}
