import type { RequestSite } from "../analysis/types";
import { defineRule } from "./define";

const DEFAULTS: Record<NonNullable<RequestSite["noTimeout"]>["client"], { waits: string; set: string }> = {
  requests: { waits: "requests waits forever by default", set: "timeout= on the call (e.g. timeout=10)" },
  axios: {
    waits: "axios waits forever by default (timeout 0)",
    set: "timeout in the request config or in axios.create()",
  },
  got: { waits: "got has no timeout by default", set: "timeout: { request: 10_000 }" },
  fetch: {
    waits: "fetch has no overall timeout (Node waits up to 300 s for the headers, browsers longer)",
    set: "signal: AbortSignal.timeout(10_000)",
  },
};

export default defineRule({
  id: "missing-timeout",
  // Off: on real code only `requests` findings have been measured (docs/rules/missing-timeout.md); turn it on with a setting.
  severity: "off",
  languages: ["javascript", "python"],
  docs: {
    summary: "Give every request a timeout; a retry cannot help an attempt that never ends.",
    rationale:
      "A server that accepts the connection and never answers (a stuck upstream, a dropped packet behind a load balancer) holds a request without a timeout for as long as the client's default allows: forever for requests and axios. The retry around it never gets its turn, the worker or request handler is stuck, and the failure shows up as a hang instead of an error.",
  },
  messages: {
    missing:
      "No timeout: {{waits}}, so a server that stops answering holds this call (and any retry around it) that long. Set {{set}}.",
  },
  check(sites, ctx) {
    const retried = new Set(sites.retries.flatMap((r) => r.requests.map((q) => q.start)));
    for (const request of sites.requests) {
      const missing = request.noTimeout;
      if (!missing) continue;
      // Every `requests.*` call (as Ruff's S113); other clients inside a retry mechanism.
      if (!(missing.client === "requests" && missing.moduleCall) && !retried.has(request.start)) continue;
      ctx.report({ at: request.callee, messageId: "missing", data: DEFAULTS[missing.client] });
    }
  },
});
