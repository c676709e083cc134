/**
 * The effective policy of a retry mechanism, for the hover on its
 * configuration (SPEC 3c): what it retries, how often, how it waits, and
 * which findings it has. Built from the site the analysis derived, library
 * defaults included; no user text is copied in.
 */

import { ERROR_STATUSES } from "./knowledge";
import type { RetrySite } from "./types";

const LIBRARY_NAMES: Record<string, string> = {
  tenacity: "tenacity",
  backoff: "backoff",
  "p-retry": "p-retry",
  "async-retry": "async-retry",
  "axios-retry": "axios-retry",
  got: "got",
  ky: "ky",
  urllib3: "urllib3 `Retry`",
};

export function describePolicy(site: RetrySite): string {
  const what = site.library ? (LIBRARY_NAMES[site.library] ?? site.library) : mechanismName(site.mechanism);
  const rows: [string, string][] = [
    ["Retries", retried(site)],
    ["Attempts", site.bounded === false ? "no cap and no deadline" : site.bounded ? "capped" : "cannot tell"],
    ["Waits", waits(site)],
    ["Retry-After", retryAfter(site)],
  ];
  const writes = site.requests.filter((r) => r.method === "POST" || r.method === "PATCH");
  if (writes.length > 0) {
    rows.push([
      "Writes re-sent",
      writes.every((r) => r.idempotencyKey) ? "with an idempotency key" : "without an idempotency key",
    ]);
  }
  return [
    `**Retry policy** (${what})`,
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
  ].join("\n");
}

function mechanismName(mechanism: RetrySite["mechanism"]): string {
  switch (mechanism) {
    case "loop":
      return "a retry loop";
    case "recursion":
      return "a recursive retry";
    case "decorator":
      return "a retry decorator";
    case "helper":
      return "a retry helper";
    case "config":
      return "a retry configuration";
  }
}

function retried(site: RetrySite): string {
  if (site.blind) return "any failure, 401, 403 and other 4xx included";
  const statuses = ERROR_STATUSES.filter((s) => site.retried.has(s));
  const parts: string[] = [];
  const listed = [...site.retried].filter((s): s is number => typeof s === "number").sort((a, b) => a - b);
  if (listed.length > 0) parts.push(listed.join(", "));
  if (site.retried.has("network")) parts.push("network errors");
  if (parts.length === 0) return "nothing it can see";
  if (statuses.length === ERROR_STATUSES.length) {
    return site.retried.has("network")
      ? "every HTTP error status; network errors"
      : "every HTTP error status";
  }
  return parts.join("; ");
}

function waits(site: RetrySite): string {
  if (site.waitsNothing) return "nothing between attempts";
  if (site.waits.length === 0)
    return site.mechanism === "config" ? "the library's own backoff" : "cannot tell";
  const w = site.waits;
  const kind = w.some((x) => x.exponential)
    ? "exponential backoff"
    : w.some((x) => x.grows)
      ? "a growing delay"
      : "a fixed delay";
  const jitter = w.every((x) => x.jitter) ? "with jitter" : "without jitter";
  return `${kind}, ${jitter}`;
}

function retryAfter(site: RetrySite): string {
  if (site.libraryHonoursRetryAfter) return "honoured by the library";
  if (site.waits.some((w) => w.readsRetryAfter)) return "read by the wait";
  return "not read";
}
