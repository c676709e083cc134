import { defineRule } from "./define";

export default defineRule({
  id: "nested-retry",
  severity: "warning",
  languages: ["javascript", "python"],
  docs: {
    summary: "Retry in one place: turn the client's own retries off, or drop the retry around it.",
    rationale:
      "SDK clients (openai, anthropic, stripe, octokit, boto3 and the AWS SDKs for JavaScript), got and ky instances and a requests Session with a mounted urllib3 Retry already retry on their own. A retry loop, tenacity or p-retry around them multiplies the attempts: 3 by the client times 5 by tenacity is 15 requests for one call, against an API that is already struggling, and the waits add up the same way.",
  },
  messages: {
    multiplied:
      "Up to {{total}} attempts: {{inner}} by {{client}} x {{outer}} by {{mechanism}}, so one failing call hits the API {{total}} times. Retry in one place: set {{off}}, or drop the outer retry.",
    unknownOuter:
      "Retries multiply: every attempt of {{mechanism}} is up to {{inner}} by {{client}}, so one failing call hits the API many times. Retry in one place: set {{off}}, or drop the outer retry.",
  },
  check(sites, ctx) {
    for (const retry of sites.retries) {
      const seen = new Set<number>();
      for (const request of retry.requests) {
        const inner = request.selfRetry;
        if (!inner || seen.has(inner.at.start)) continue;
        seen.add(inner.at.start);
        const mechanism = retry.mechanismName ?? "this retry";
        const data = {
          inner: String(inner.attempts),
          client: inner.by,
          mechanism,
          off: inner.off,
        };
        ctx.report({
          at: retry.anchor,
          messageId: retry.attempts ? "multiplied" : "unknownOuter",
          data: retry.attempts
            ? { ...data, outer: String(retry.attempts), total: String(retry.attempts * inner.attempts) }
            : data,
          // Not for Fix All: every request through this client loses its retries, also those no outer retry wraps.
          fixes: inner.offFix ? [{ title: `Set ${inner.off}`, edits: inner.offFix, safe: false }] : [],
          related: [
            {
              ...inner.at,
              message: `${inner.attempts} attempts per call by ${inner.by} (off with ${inner.off})`,
            },
            {
              start: request.callee.start,
              end: request.callee.end,
              message: `the request ${mechanism} re-sends`,
            },
            ...(retry.helperLoop ? [retry.helperLoop] : []),
          ],
        });
      }
    }
  },
});
