/**
 * got (JS): `got(url, { retry })`, `got.extend({ retry })`, and the retries
 * a got client makes on its own. ky takes the same `retry` option shape.
 *
 * Documented defaults (got, "retry" option): `limit` 2; `statusCodes` 408 413
 * 429 500 502 503 504 521 522 524; network errors (ETIMEDOUT, ECONNRESET ...);
 * `methods` GET PUT HEAD DELETE OPTIONS TRACE; the delay backs off with
 * jitter and honours Retry-After.
 */

import type { Mechanism } from "./mechanism";
import { clientAt } from "../analysis/context";
import { type FileContext } from "../analysis/model";
import { detectRequest } from "../analysis/requests";
import { requestSite } from "../analysis/retries";
import type { Failure, RetrySite, StatusRef } from "../analysis/types";
import type { Arg, Call, ObjectLit } from "../ir/types";
import { dottedName, unwrap } from "../ir/walk";
import { propertyValue } from "../analysis/context";
import {
  prop,
  isInfinite,
  span,
  configSite,
  listOfNumbers,
  linkedRequests,
  methodRequests,
} from "./configuration";

export const GOT_DEFAULT_STATUSES: readonly number[] = [408, 413, 429, 500, 502, 503, 504, 521, 522, 524];

/** What a client retries by default: the documented statuses and network errors. */
export function defaultRetries(statuses: readonly number[]): Set<Failure> {
  return new Set<Failure>([...statuses, "network"]);
}

/**
 * The failures a got or ky client retries on its own, from its `retry`
 * option (a limit, or `{ limit, statusCodes }`) over the library's defaults.
 */
export function clientRetries(options: ObjectLit | undefined, defaults: readonly number[]): Set<Failure> {
  const retry = options ? propertyValue(options, ["retry"]) : undefined;
  if (retry?.kind === "number") return retry.value === 0 ? new Set() : defaultRetries(defaults);
  if (retry?.kind === "object") {
    const limit = propertyValue(retry, ["limit"]);
    if (limit?.kind === "number" && limit.value === 0) return new Set();
    const codes = propertyValue(retry, ["statusCodes"]);
    if (codes?.kind === "array") {
      const set = new Set<number | "network">(["network"]);
      for (const el of codes.elements) if (el.kind === "number") set.add(el.value);
      return set;
    }
  }
  return defaultRetries(defaults);
}

/** The retry a `retry: { limit, statusCodes, methods }` option of a got or ky call configures. */
export function retryOptionSite(
  call: Call,
  ctx: FileContext,
  library: "got" | "ky",
  defaults: readonly number[],
): RetrySite | undefined {
  const dotted = dottedName(call.callee) ?? "";
  const root = dotted.split(".")[0]!;
  const mod = ctx.imports.get(root)?.module;
  const lib =
    root === "got" || mod === "got"
      ? "got"
      : root === "ky" || mod === "ky"
        ? "ky"
        : clientAt(ctx, root, call.start)?.kind;
  if (lib !== library) return undefined;
  const options = call.args.map((a: Arg) => a.value).find((v): v is ObjectLit => v.kind === "object");
  const retry = prop(options, "retry");
  if (!retry || retry.value.kind !== "object") return undefined;
  const statusCodes = prop(retry.value, "statusCodes")?.value;
  const methods = prop(retry.value, "methods")?.value;
  const limit = prop(retry.value, "limit")?.value;
  const retried = new Set<Failure>(["network"]);
  let refs: StatusRef[] = [];
  const listed = statusCodes ? listOfNumbers(statusCodes, ctx, lib === "got") : undefined;
  if (listed) {
    refs = listed;
    for (const r of listed) retried.add(r.status);
  } else {
    for (const s of defaults) retried.add(s);
  }
  const site = configSite(
    {
      anchor: span(retry.keySpan),
      label: "This retry configuration",
      start: retry.start,
      end: retry.end,
      library: lib,
    },
    retried,
    refs,
  );
  site.bounded = !isInfinite(limit);
  if (methods) {
    const headers = options ? prop(options, "headers")?.value : undefined;
    const hasKey =
      headers?.kind === "object" &&
      headers.properties.some((p) => p.key !== undefined && /idempotency/i.test(p.key));
    const listed = methodRequests(methods, "POST");
    const request = detectRequest(call, ctx);
    if (hasKey) site.requests = [];
    else if (request?.method && listed.some((r) => r.method === request.method)) {
      // The options belong to this very request: it is the one re-sent.
      site.requests = [
        requestSite({ ...request, idempotencyKey: request.idempotencyKey === true ? true : false }),
      ];
    } else if (!request) {
      // `const api = got.extend({ retry: { methods: ["POST"] } })`: the writes sent through `api`.
      const holder = [...ctx.assignments].find(([, values]) => values.some((v) => unwrap(v) === call))?.[0];
      const listedMethods = new Set(listed.map((r) => r.method));
      const sent = holder
        ? linkedRequests(
            ctx,
            (_req, c) =>
              (dottedName(c.callee) ?? "").startsWith(holder + ".") || dottedName(c.callee) === holder,
          ).filter((r) => listedMethods.has(r.method))
        : [];
      // When this file sends writes through it, those are the ones to judge (some may carry keys).
      site.requests = sent.length > 0 ? sent.filter((r) => !r.idempotencyKey) : listed;
    }
  }
  return site;
}

export const got: Mechanism = {
  library: "got",
  languages: ["javascript"],
  call: (call, ctx) => retryOptionSite(call, ctx, "got", GOT_DEFAULT_STATUSES),
};
