/**
 * What a retry does, from the outcomes of its attempts under each failure:
 * which failures lead to another attempt, whether it is blind, how it waits
 * and which requests it re-sends. Shared by every retry mechanism.
 */

import type { FileContext } from "./model";
import { FAILURES, NON_RETRYABLE_PROBES } from "./knowledge";
import type { RequestInfo } from "./model";
import type { Outcome, WaitEvent } from "./simulate";
import type { Failure, RequestSite, RetrySite, StatusRef, WaitSite } from "./types";
import { classifyWait, type GrowthScope } from "./waits";

// ---------------------------------------------------------------- shared building

export interface RetryEvaluation {
  retried: Set<Failure>;
  refs: StatusRef[];
  blind: boolean;
  waitsNothing: boolean;
  waits: WaitEvent[];
  /** The waits on paths that retry 429 or 503, each with only the paths of that status through it. */
  rateLimitWaits: RateLimitWaitEvent[];
  requests: RequestInfo[];
  /**
   * The waits before a retried 413, when every path retrying it waits (a hand-written retry of 413
   * is a client-error retry unless those waits read Retry-After); `"checked"` when every such path
   * tested Retry-After on the way.
   */
  payloadTooLargeWaits?: WaitEvent[] | "checked";
}

/** A wait passed by paths that retry `status` (429 or 503): `wait.paths` holds only theirs. */
export interface RateLimitWaitEvent {
  status: number;
  wait: WaitEvent;
}

/**
 * The one definition of a blind retry: every 4xx that can never succeed
 * again (400, 401, 403, 404, 409, 422) is retried, and none of them was named
 * by a status, class or code check on the way (`unchecked`).
 */
export function isBlind(retried: ReadonlySet<Failure>, unchecked: ReadonlySet<Failure>): boolean {
  return NON_RETRYABLE_PROBES.every((s) => retried.has(s) && unchecked.has(s));
}

/**
 * Turns per-scenario outcomes into what a retry does. `retries(o)` says
 * whether an outcome leads to another attempt.
 */
export function evaluateRetry(
  outcomesOf: (s: Failure | 200) => Outcome[],
  retries: (o: Outcome) => boolean,
  mode: "strict" | "explicit" = "strict",
  acceptCaught = false,
): RetryEvaluation | undefined {
  const okPaths = outcomesOf(200);
  // Code that repeats after a success is pagination, polling or a batch. In "explicit" mode
  // (such a loop), only paths that retry a status the code names count as retries.
  if (mode === "strict" && okPaths.some((o) => retries(o) && o.facts.requested)) return undefined;
  const retried = new Set<Failure>();
  const refs = new Map<string, StatusRef>();
  const waits = new Map<number, WaitEvent>();
  // Per status (429, 503): the waits its retrying paths pass, by position.
  const rateLimitWaits = new Map<number, Map<number, WaitEvent>>();
  let waitsNothing = false;
  let payloadTooLargeWaits: RetryEvaluation["payloadTooLargeWaits"];
  const unchecked = new Set<Failure>();
  for (const f of FAILURES) {
    const paths = outcomesOf(f).filter(
      (o) =>
        retries(o) &&
        o.facts.requested &&
        (mode === "strict" ||
          o.facts.refs.some((r) => r.status === f) ||
          (acceptCaught && o.facts.caught === true)),
    );
    // A credential refresh followed by a retry is not a blind or repeated failure.
    const plain = paths.filter((o) => !o.facts.refreshed);
    if (plain.length === 0) continue;
    retried.add(f);
    for (const p of plain) {
      for (const r of p.facts.refs)
        if (r.status === f || r.via === "range" || (typeof f === "number" && r.via === "class"))
          refs.set(`${r.start}:${r.status}`, r);
      for (const w of p.facts.waits) addWait(waits, w);
      if (
        (f === 429 || f === 503) &&
        namesRateLimit(p.facts.refs, f) &&
        !p.facts.retryAfterChecked &&
        !onlyCodesSentWithout(p.facts.refs, f)
      ) {
        const byStart = rateLimitWaits.get(f) ?? new Map<number, WaitEvent>();
        rateLimitWaits.set(f, byStart);
        for (const w of p.facts.waits) addWait(byStart, w);
      }
    }
    if (plain.every((p) => p.facts.waits.length === 0)) waitsNothing = true;
    if (f === 413)
      payloadTooLargeWaits = plain.every((p) => p.facts.retryAfterChecked)
        ? "checked"
        : plain.every((p) => p.facts.waits.length > 0)
          ? plain.flatMap((p) => p.facts.waits)
          : undefined;
    // Retried with no status, class or code check on the way: a blind retry of this failure.
    if (plain.some((p) => !p.facts.decided && !p.facts.refs.some((r) => r.status === f || r.via === "range")))
      unchecked.add(f);
  }
  if (retried.size === 0) return undefined;
  // A loop that repeats after a success too (a stream it reconnects, a poll) where an unnamed
  // failure (404) goes round through the same wait: the 429 check only tunes that common
  // wait, it does not retry 429 on a path of its own.
  if (mode === "explicit")
    for (const o of outcomesOf(404))
      if (retries(o) && o.facts.requested)
        for (const w of o.facts.waits)
          for (const byStart of rateLimitWaits.values()) byStart.delete(w.expr.start);
  const blind = isBlind(retried, unchecked);
  return {
    retried,
    refs: [...refs.values()].filter((r) => retried.has(r.status) || r.via === "range"),
    blind,
    waitsNothing,
    waits: [...waits.values()],
    rateLimitWaits: [...rateLimitWaits].flatMap(([status, byStart]) =>
      [...byStart.values()].map((wait) => ({ status, wait })),
    ),
    requests: [],
    ...(payloadTooLargeWaits ? { payloadTooLargeWaits } : {}),
  };
}

/** Keeps one event per wait, with the values each path that passes it gave the names it reads. */
function addWait(into: Map<number, WaitEvent>, w: WaitEvent): void {
  const known = into.get(w.expr.start);
  const { expr, delay, helper, helperArgs, unit } = known ?? w;
  into.set(w.expr.start, {
    expr,
    ...(delay ? { delay } : {}),
    ...(helper ? { helper } : {}),
    ...(helperArgs ? { helperArgs } : {}),
    ...(unit ? { unit } : {}),
    paths: [...(known?.paths ?? []), w.reaching ?? []],
  });
}

/** Turns waits into classified wait sites. */
export function waitSites(waits: WaitEvent[], ctx: FileContext, scope: GrowthScope): WaitSite[] {
  return waits.map((w) => classifyWait(w, ctx, scope));
}

export function requestSite(r: RequestInfo): RequestSite {
  return {
    kind: "request",
    start: r.span.start,
    end: r.span.end,
    callee: r.callee,
    client: r.client.kind,
    method: r.method,
    throws: r.client.throws,
    idempotencyKey: r.idempotencyKey !== false,
    ...(r.keyName ? { keyName: r.keyName } : {}),
    ...(r.selfRetry ? { selfRetry: r.selfRetry } : {}),
  };
}

/** Builds the retry site from an evaluation. */
export function makeRetrySite(
  base: Pick<RetrySite, "mechanism" | "anchor" | "label" | "bounded" | "start" | "end"> & Partial<RetrySite>,
  ev: RetryEvaluation,
  ctx: FileContext,
  scope: GrowthScope,
  requests: RequestInfo[],
): RetrySite {
  const waits = waitSites(ev.waits, ctx, scope);
  // SPEC: a retry of 413 whose wait reads Retry-After waits for the server's word, as RFC 9110 allows.
  const tooLarge = ev.payloadTooLargeWaits;
  const honours413 =
    tooLarge === "checked" ||
    (tooLarge !== undefined && waitSites(tooLarge, ctx, scope).every((w) => w.readsRetryAfter));
  const refs = honours413 ? ev.refs.filter((r) => !(r.status === 413 && r.via !== "range")) : ev.refs;
  const explicitRateLimit = ev.refs.some(
    (r) => r.status === 429 || r.status === 503 || (r.via === "class" && r.status >= 500),
  );
  return {
    kind: "retry",
    retriedRefs: dedupeRefs(refs),
    retried: ev.retried,
    blind: ev.blind,
    waitsNothing: ev.waitsNothing,
    waits,
    rateLimitWaits: explicitRateLimit ? rateLimitWaitSites(ev.rateLimitWaits, waits, ctx, scope) : [],
    requests: dedupeRequests(requests.map(requestSite)),
    ...base,
  };
}

/**
 * The waits of 429/503 retries, each judged on the paths of each status apart: a wait that a 429
 * path reaches with Retry-After and a 503 path with a constant ignores Retry-After on 503
 * (`ignoredOn`). A value chosen by a test of Retry-After (its fallback) was left out before.
 */
function rateLimitWaitSites(
  events: readonly RateLimitWaitEvent[],
  waits: readonly WaitSite[],
  ctx: FileContext,
  scope: GrowthScope,
): WaitSite[] {
  const out: WaitSite[] = [];
  for (const site of waits) {
    const mine = events.filter((e) => e.wait.expr.start === site.start);
    if (mine.length === 0) continue;
    const ignoredOn = mine
      .filter(({ wait }) => {
        const judged = classifyWait(wait, ctx, scope);
        return (judged.variants ?? [judged]).some((v) => !v.readsRetryAfter);
      })
      .map((e) => e.status)
      .sort((a, b) => a - b);
    out.push({
      ...site,
      readsRetryAfter: ignoredOn.length === 0,
      ...(ignoredOn.length > 0 ? { ignoredOn } : {}),
    });
  }
  return out;
}

function dedupeRefs(refs: StatusRef[]): StatusRef[] {
  const out: StatusRef[] = [];
  let range = false;
  for (const r of refs.sort((a, b) => a.start - b.start)) {
    if (r.via === "range" && r.status === 400) {
      if (range) continue;
      range = true;
    }
    if (!out.some((o) => o.start === r.start && o.status === r.status)) out.push(r);
  }
  return out;
}

function dedupeRequests(list: RequestSite[]): RequestSite[] {
  const seen = new Set<number>();
  return list.filter((r) => (seen.has(r.start) ? false : (seen.add(r.start), true)));
}

/**
 * SPEC 3, *retry triggers*: the path itself names the 429 or 503 it retries (a literal, a list, a
 * `>= 500` range, a rate-limit or 5xx class), not only a neighbouring path of the same retry.
 */
function namesRateLimit(refs: readonly StatusRef[], f: number): boolean {
  return refs.some((r) => r.status === f || (f === 503 && r.via === "class" && r.status >= 500));
}

/**
 * The path names the failure only through codes or classes its API sends with another status (AWS
 * `ThrottlingException` comes with 400): no 429 or 503 response, so no Retry-After to read.
 */
function onlyCodesSentWithout(refs: readonly StatusRef[], f: number): boolean {
  const named = refs.filter((r) => r.status === f);
  return named.length > 0 && named.every((r) => r.sent !== undefined && r.sent !== f);
}
