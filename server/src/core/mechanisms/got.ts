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
import { dottedName, unwrap, upperStrings } from "../ir/walk";
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
import type { Expr } from "../ir/types";
import type { Lookup } from "../analysis/evaluate";
import { fixed, option, type LibraryNumbers, type Num, type Amount } from "./timing";

/** The methods got and ky retry when `retry.methods` is not set. */
export const DEFAULT_RETRY_METHODS: readonly string[] = ["GET", "PUT", "HEAD", "DELETE", "OPTIONS", "TRACE"];

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
    // `methods: []`: no request is ever retried.
    const methods = propertyValue(retry, ["methods"]);
    if (methods?.kind === "array" && methods.elements.length === 0) return new Set();
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
  // The effective policy: which methods it re-sends, how many times.
  const methodList = methods ? upperStrings(methods) : DEFAULT_RETRY_METHODS;
  const limitValue =
    limit === undefined
      ? 2
      : unwrap(limit).kind === "number"
        ? (unwrap(limit) as { value: number }).value
        : undefined;
  if (limitValue === 0 || methodList?.length === 0) return undefined;
  const request = detectRequest(call, ctx);
  if (methodList && !sendsRetriedMethod(call, request, ctx, methodList)) return undefined;
  const retried = new Set<Failure>(["network"]);
  let refs: StatusRef[] = [];
  const listed = statusCodes ? listOfNumbers(statusCodes, ctx, lib === "got") : undefined;
  if (listed) {
    // A 413 listed here fires like any client error; only the defaults' 413 (never a ref) does not (SPEC 3).
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
  site.policy = policyText(lib, limitValue, isInfinite(limit), methodList);
  if (methods) {
    const headers = options ? prop(options, "headers")?.value : undefined;
    const hasKey =
      headers?.kind === "object" &&
      headers.properties.some((p) => p.key !== undefined && /idempotency/i.test(p.key));
    const listed = methodRequests(methods, "POST");
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

/**
 * Whether the requests this retry option governs include one whose method it retries: the call's own
 * request, or the requests sent through the instance it builds (`got.extend(...)`). A request whose
 * method the analyser cannot tell counts as retried.
 */
function sendsRetriedMethod(
  call: Call,
  request: ReturnType<typeof detectRequest>,
  ctx: FileContext,
  methods: readonly string[],
): boolean {
  if (request) return !request.method || methods.includes(request.method);
  const holder = [...ctx.assignments].find(([, values]) => values.some((v) => unwrap(v) === call))?.[0];
  if (!holder) return true;
  const sent: (string | undefined)[] = [];
  for (const c of ctx.index.calls) {
    const name = dottedName(c.callee) ?? "";
    if (name !== holder && !name.startsWith(holder + ".")) continue;
    const req = detectRequest(c, ctx);
    if (req) sent.push(req.method);
  }
  return sent.length === 0 || sent.some((m) => !m || methods.includes(m));
}

/** The effective policy a finding names: `got retry: up to 3 retries of GET, PUT`. */
function policyText(
  library: string,
  limit: number | undefined,
  infinite: boolean,
  methods: readonly string[] | undefined,
): string {
  const times = infinite
    ? "unlimited retries"
    : limit === undefined
      ? "retries"
      : `up to ${limit} ${limit === 1 ? "retry" : "retries"}`;
  return `${library} retry: ${times}${methods ? ` of ${methods.join(", ")}` : ""}`;
}

export const got: Mechanism = {
  library: "got",
  languages: ["javascript"],
  call: (call, ctx) => retryOptionSite(call, ctx, "got", GOT_DEFAULT_STATUSES),
};

// ---------------------------------------------------------------- timing, for the report

/** got: limit 2, 1000 ms × 2^(n − 1) + random[0, 100] ms; ky: limit 2, 300 ms × 2^(n − 1). Both obey Retry-After. */
export function gotKyNumbers(
  library: "got" | "ky",
  retry: Expr | undefined,
  constant: Lookup,
): LibraryNumbers {
  const unknowns: string[] = [];
  let limit: Num = 2;
  const r = retry ? unwrap(retry) : undefined;
  if (r?.kind === "number") limit = r.value;
  else if (r?.kind === "object") limit = option(undefined, r, ["limit"], 2, constant).value;
  else if (r) limit = "unknown";
  const attempts: Amount =
    limit === Infinity ? "unbounded" : typeof limit === "number" ? limit + 1 : "unknown";
  if (attempts === "unknown") unknowns.push("a retry `limit` it cannot compute");
  const got = library === "got";
  return {
    attempts,
    wait: got
      ? (n) => ({ minMs: 1000 * 2 ** (n - 1), maxMs: 1000 * 2 ** (n - 1) + 100 })
      : (n) => fixed(300 * 2 ** (n - 1)),
    formula: got ? "1000 ms × 2^(n − 1) + random[0, 100] ms" : "300 ms × 2^(n − 1)",
    kind: "exponential",
    jitter: got,
    retryAfter: { honoured: true, ceilingMs: "unknown" },
    source: retry ? "library-config" : "library-default",
    unknowns,
  };
}
