/**
 * urllib3 `Retry` (Python; also through requests' `HTTPAdapter(max_retries=...)`).
 *
 * Documented defaults (urllib3.readthedocs.io): connection and read errors are
 * retried; statuses only when listed in `status_forcelist`; `backoff_factor`
 * 0 means no wait; `Retry-After` is honoured for 413, 429 and 503; POST and
 * PATCH are retried only when `allowed_methods` lists them.
 */

import type { Mechanism } from "./mechanism";
import type { ClientInfo, FileContext } from "../analysis/model";
import type { Failure, RetrySite, StatusRef } from "../analysis/types";
import { clientOf, detectRequest } from "../analysis/requests";
import type { Call, Expr } from "../ir/types";
import { calleeName, dottedName, unwrap, upperStrings } from "../ir/walk";
import {
  importedAs,
  kwarg,
  span,
  configSite,
  listOfNumbers,
  linkedRequests,
  methodRequests,
} from "./configuration";
import type { Lookup } from "../analysis/evaluate";
import { option, fixed, fmtS, type LibraryNumbers, type Amount } from "./timing";

// ---------------------------------------------------------------- urllib3 Retry

function urllib3Retry(call: Call, ctx: FileContext): RetrySite | undefined {
  const dotted = dottedName(call.callee) ?? "";
  const isRetry =
    (dotted === "Retry" && importedAs(ctx, "Retry", /urllib3|requests/)) ||
    /^(urllib3|requests)\.(.+\.)?Retry$/.test(dotted);
  if (!isRetry) return undefined;
  const forcelist = kwarg(call, "status_forcelist");
  const methods = kwarg(call, "allowed_methods") ?? kwarg(call, "method_whitelist");
  const backoffFactor = kwarg(call, "backoff_factor");
  const retried = new Set<Failure>(["network"]);
  const refs: StatusRef[] = [];
  // The effective policy: the methods whose statuses it retries, how many times.
  const methodList = methods ? allowedMethods(methods) : DEFAULT_ALLOWED_METHODS;
  const total = numberArg(call, "total", 0);
  const statusTotal = numberArg(call, "status");
  const sessionMethods = sessionRequestMethods(ctx);
  const retriesStatuses =
    total !== 0 &&
    statusTotal !== 0 &&
    methodList?.length !== 0 &&
    !(
      methodList &&
      sessionMethods.length > 0 &&
      sessionMethods.every((m) => m !== undefined && !methodList.includes(m))
    );
  if (forcelist && retriesStatuses) {
    const items =
      forcelist.kind === "array" || forcelist.kind === "name" || forcelist.kind === "call"
        ? listOfNumbers(forcelist, ctx, true)
        : undefined;
    if (items) {
      for (const r of items) {
        retried.add(r.status);
        refs.push(r);
      }
    }
  }
  const site = configSite(
    {
      anchor: span(call.callee),
      label: "This urllib3 Retry configuration",
      start: call.start,
      end: call.end,
      library: "urllib3",
    },
    retried,
    refs,
  );
  // The status retries stop at whichever of `total` and `status` runs out first.
  const times =
    typeof statusTotal === "number" && typeof total === "number"
      ? Math.min(total, statusTotal)
      : typeof statusTotal === "number" && !hasArg(call, "total", 0)
        ? Math.min(URLLIB3_DEFAULT_TOTAL, statusTotal)
        : total;
  site.policy = `urllib3 Retry: ${
    times === undefined ? "retries" : `up to ${times} ${times === 1 ? "retry" : "retries"}`
  }${methodList ? ` of ${methodList.join(", ")}` : " of every method"}`;
  const factorZero =
    !backoffFactor ||
    (unwrap(backoffFactor).kind === "number" && (unwrap(backoffFactor) as { value: number }).value === 0);
  if (factorZero && refs.some((r) => r.status !== 413 && r.status !== 429 && r.status !== 503))
    site.waitsNothing = true;
  if (methods) {
    // The writes sent through sessions in this file are the ones this policy re-sends.
    const listed = methodRequests(methods, "POST");
    const listedMethods = new Set(listed.map((r) => r.method));
    const sent = linkedRequests(ctx, (req, call) => {
      const receiver = call.callee.kind === "member" ? dottedName(call.callee.object) : undefined;
      return req.client.kind === "requests" && receiver !== undefined && receiver !== "requests";
    }).filter((r) => listedMethods.has(r.method));
    site.requests = sent.length > 0 ? sent.filter((r) => !r.idempotencyKey) : listed;
  }
  return site;
}

/** urllib3's `Retry.DEFAULT_ALLOWED_METHODS`: POST and PATCH are not retried unless listed. */
const DEFAULT_ALLOWED_METHODS: readonly string[] = ["HEAD", "GET", "PUT", "DELETE", "OPTIONS", "TRACE"];

/** `allowed_methods=[...]` / `frozenset({...})` as method names; undefined for `None`/`False` (every method) or what it cannot read. */
function allowedMethods(e: Expr): string[] | undefined {
  let x = unwrap(e);
  if (x.kind === "call" && x.args.length === 1) x = unwrap(x.args[0]!.value);
  if (x.kind === "call" && x.args.length === 0) return [];
  return upperStrings(x);
}

/** urllib3 `Retry(total=10)`: the constructor's default total. */
const URLLIB3_DEFAULT_TOTAL = 10;

function hasArg(call: Call, name: string, position: number): boolean {
  return kwarg(call, name) !== undefined || call.args.filter((a) => !a.name)[position] !== undefined;
}

function numberArg(call: Call, name: string, position?: number): number | undefined {
  const arg =
    kwarg(call, name) ??
    (position !== undefined ? call.args.filter((a) => !a.name)[position]?.value : undefined);
  const x = arg ? unwrap(arg) : undefined;
  return x?.kind === "number" ? x.value : undefined;
}

/** The methods of the requests sent through sessions in this file (undefined where it cannot tell). */
function sessionRequestMethods(ctx: FileContext): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const c of ctx.index.calls) {
    const receiver = c.callee.kind === "member" ? dottedName(c.callee.object) : undefined;
    if (receiver === undefined || receiver === "requests") continue;
    const req = detectRequest(c, ctx);
    if (req?.client.kind === "requests") out.push(req.method);
  }
  return out;
}

/**
 * What a `Retry(...)` retries of one request, as a handler around it sees it: connection errors,
 * and the statuses of `status_forcelist` for the methods it allows (`methods` undefined: every
 * method). Undefined when it retries nothing (`total=0`, `status=0`, no methods).
 */
export function retryRetried(
  call: Call,
  ctx: FileContext,
): { retried: Set<Failure>; methods?: string[] } | undefined {
  if (numberArg(call, "total", 0) === 0) return undefined;
  const retried = new Set<Failure>(["network"]);
  const methodsArg = kwarg(call, "allowed_methods") ?? kwarg(call, "method_whitelist");
  const methods = methodsArg ? allowedMethods(methodsArg) : [...DEFAULT_ALLOWED_METHODS];
  const forcelist = kwarg(call, "status_forcelist");
  if (forcelist && numberArg(call, "status") !== 0 && methods?.length !== 0) {
    const items =
      forcelist.kind === "array" || forcelist.kind === "name" || forcelist.kind === "call"
        ? listOfNumbers(forcelist, ctx, true)
        : undefined;
    for (const r of items ?? []) retried.add(r.status);
  }
  return { retried, ...(methods ? { methods } : {}) };
}

/**
 * What the urllib3 `Retry` mounted on the session in `receiver` retries (a handler around its
 * requests does not see these as hard failures): connection errors, and its `status_forcelist`
 * for the methods it allows (`methods` undefined: every method).
 */
export function mountedRetried(
  receiver: string,
  client: ClientInfo,
  ctx: FileContext,
): { retried: Set<Failure>; methods?: string[] } | undefined {
  const max = mountedAdapter(receiver, client, ctx)?.max;
  if (!max) return undefined;
  if (max.kind === "call" && calleeName(max.callee) === "Retry") return retryRetried(max, ctx);
  // `max_retries=3`: connection errors only.
  const n = constantNumber(max, ctx);
  return n !== undefined && n > 0 ? { retried: new Set<Failure>(["network"]) } : undefined;
}

export function mountedAdapter(
  receiver: string,
  client: ClientInfo,
  ctx: FileContext,
): { adapter: Call; max: Expr } | undefined {
  if (client.kind !== "requests" || !receiver || receiver === "requests") return undefined;
  const bare = receiver.replace(/^(self|this)\./, "");
  for (const c of ctx.index.calls) {
    if (c.callee.kind !== "member" || c.callee.property !== "mount") continue;
    const owner = dottedName(c.callee.object) ?? "";
    if (owner.replace(/^(self|this)\./, "") !== bare) continue;
    // The same session: the mount's receiver holds the very client the request goes through.
    if (clientOf(ctx, c.callee.object) !== client) continue;
    let adapter = c.args[1]?.value ? unwrap(c.args[1].value) : undefined;
    if (adapter?.kind === "name") adapter = ctx.values.get(adapter.name);
    if (adapter?.kind !== "call" || calleeName(adapter.callee) !== "HTTPAdapter") continue;
    let max = adapter.args.find((a) => a.name === "max_retries")?.value;
    if (!max) continue;
    max = unwrap(max);
    if (max.kind === "name") max = ctx.values.get(max.name) ?? max;
    return { adapter, max: unwrap(max) };
  }
  return undefined;
}

/** A number, or a name bound to one in the file. */
function constantNumber(e: Expr, ctx: FileContext): number | undefined {
  let x = unwrap(e);
  if (x.kind === "name") x = unwrap(ctx.values.get(x.name) ?? x);
  return x.kind === "number" ? x.value : undefined;
}

export const urllib3: Mechanism = {
  library: "urllib3",
  languages: ["python"],
  call: (call, ctx) => urllib3Retry(call, ctx),
};

// ---------------------------------------------------------------- timing, for the report

/**
 * urllib3 `Retry`: total 10; before the k-th retry it sleeps 0 when k = 1,
 * else backoff_factor × 2^(k − 1) s, at most backoff_max (120 s), plus
 * random[0, backoff_jitter]; Retry-After on 413/429/503 is obeyed up to
 * retry_after_max (21600 s).
 */
export function urllib3Numbers(call: Call, constant: Lookup): LibraryNumbers {
  const unknowns: string[] = [];
  const total = option(call, undefined, ["total"], 10, constant, 0);
  const attempts: Amount =
    total.value === Infinity ? "unknown" : typeof total.value === "number" ? total.value + 1 : "unknown";
  if (attempts === "unknown") unknowns.push("a `total` it cannot compute");
  const factor = option(call, undefined, ["backoff_factor"], 0, constant).value;
  const max = option(call, undefined, ["backoff_max"], 120, constant).value;
  const jitter = option(call, undefined, ["backoff_jitter"], 0, constant).value;
  const ceiling = option(call, undefined, ["retry_after_max"], 21600, constant).value;
  const respect = call.args.find((a) => a.name === "respect_retry_after_header")?.value;
  const honoured = !(
    respect &&
    unwrap(respect).kind === "bool" &&
    !(unwrap(respect) as { value: boolean }).value
  );
  const known = [factor, max, jitter].every((v) => typeof v === "number");
  if (!known) unknowns.push("backoff options it cannot compute");
  const [f, mx, j] = [factor, max, jitter] as number[];
  return {
    attempts,
    wait: known
      ? (k) => {
          if (k <= 1) return fixed(0);
          const v = f! * 2 ** (k - 1);
          return { minMs: Math.min(mx!, v) * 1000, maxMs: Math.min(mx!, v + j!) * 1000 };
        }
      : "unknown",
    formula: known
      ? f === 0
        ? "no wait (backoff_factor 0)"
        : `0 before the 1st retry, then min(${fmtS(mx!)}, ${f} s × 2^(k − 1))${j ? ` + random[0, ${j}] s` : ""}`
      : "unknown",
    kind: known ? (f === 0 ? "none" : "exponential") : "unknown",
    jitter: known ? j! > 0 : "unknown",
    retryAfter: honoured
      ? { honoured: true, ceilingMs: typeof ceiling === "number" ? ceiling * 1000 : "unknown" }
      : { honoured: false },
    source: "library-config",
    unknowns,
  };
}
