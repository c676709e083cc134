/**
 * The orchestrator: builds the sites the rules see from a file's context,
 * asking the analysis (loops, recursion, handlers, requests) and the
 * mechanisms (decorators, helper calls, library configs) in turn, then
 * marks the handlers a retry covers. It stands above both rooms.
 */

import { calleeName, contains } from "./ir/walk";
import { findLibraryRetries } from "./mechanisms/index";
import { markNestedRetries } from "./mechanisms/nesting";
import { markMissingTimeouts } from "./mechanisms/timeouts";
import type { FileContext } from "./analysis/model";
import { findHandlers } from "./analysis/handlers";
import { analyzeLoop, genericRetryHelpers } from "./analysis/loops";
import { analyzeRecursion } from "./analysis/recursion";
import { requestSite } from "./analysis/retries";
import { detectedRequest, detectRequest } from "./analysis/requests";
import { ownName, Simulator } from "./analysis/simulate";
import { addCeilingFixes } from "./fixes/ceiling";
import { markKeysPerAttempt } from "./analysis/keys";
import type { RequestSite, RetrySite, Sites } from "./analysis/types";
import type { RequestInfo } from "./analysis/model";
import { externalHelpers, handlesHelperResult, importedHelperSites } from "./index/cross-file";
import type { CrossFileInput } from "./index/types";
import { callRetried } from "./index/client-retries";
import type { SiteReuse } from "./site-reuse";

let candidatesOnly = true;

/**
 * Whether the analysis skips the work that cannot yield a site (on by default). Off only
 * in the test that proves the findings are the same either way.
 */
export function setCandidatesOnly(on: boolean): void {
  candidatesOnly = on;
}

export function isCandidatesOnly(): boolean {
  return candidatesOnly;
}

/** The sites of a file, from its context (`buildContext`); `text` enables quick-fix edits. */
export function extractSites(ctx: FileContext, text = "", crossFile?: CrossFileInput): Sites {
  return finish(siteSteps(ctx, text, crossFile));
}

/** Runs steps to their end and returns their result. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `extractSites` in steps: it pauses after each loop, function and stage, so
 * that a caller can answer other requests (or stop) between them.
 */
export function* siteSteps(
  ctx: FileContext,
  text = "",
  crossFile?: CrossFileInput,
  reuse?: SiteReuse,
): Generator<void, Sites> {
  const sim = new Simulator(ctx, crossFile?.wrappers);
  const retries: RetrySite[] = [];
  // The requests of the file, found once: a loop, a recursion or a retry helper retries only
  // when it sends a request (directly or through a function of this file), so a file that
  // sends none has no such retry and those analyses, the costly part, are skipped.
  const found: RequestInfo[] = [];
  for (const call of ctx.index.calls) {
    // After an edit, what the previous version found a call to be, where the edit cannot change it.
    const before = reuse?.request(call);
    if (before !== undefined) detectedRequest(ctx, call, before);
    const req = detectRequest(call, ctx);
    if (req) found.push(req);
    reuse?.found(call, detectedRequest(ctx, call) ?? null);
  }
  // Helpers of this file that other files hand requests to (the workspace index says so).
  const external = crossFile ? externalHelpers(ctx, crossFile) : undefined;
  const wrapped = crossFile !== undefined && Object.keys(crossFile.wrappers).length > 0;
  if (found.length > 0 || !candidatesOnly || wrapped || (external && external.size > 0)) {
    const helpers = genericRetryHelpers(ctx, sim);
    for (const [fn, h] of external ?? []) {
      const own = helpers.get(fn);
      if (!own) helpers.set(fn, h);
      else
        for (const [param, throws] of h.attempt)
          own.attempt.set(param, (own.attempt.get(param) ?? false) || throws);
    }
    reuse?.helpers(helpers.keys());
    for (const loop of ctx.index.loops) {
      const fn = ctx.index.owner.get(loop);
      const analyze = (): RetrySite | undefined =>
        analyzeLoop(loop, ctx, sim, text, fn ? helpers.get(fn) : undefined);
      const site = reuse ? reuse.loop(loop, fn, analyze) : analyze();
      if (site) retries.push(site);
      yield;
    }
    // Only functions whose name is called somewhere can recurse.
    const called = new Set<string>();
    for (const call of ctx.index.calls) {
      const name = calleeName(call.callee);
      if (name) called.add(name);
      // `this.fetch.call(this, url)` calls `fetch`.
      if (name === "call" || name === "apply") called.add(ownName(call.callee).split(".").pop()!);
    }
    for (const fn of ctx.allFunctions) {
      if (!fn.name || !called.has(fn.name)) continue;
      // A retry helper of this file that other files hand requests to may retry by recursion.
      const analyze = (): RetrySite | undefined => analyzeRecursion(fn, ctx, sim, external?.get(fn)?.attempt);
      const site = reuse ? reuse.recursion(fn, analyze) : analyze();
      if (site) retries.push(site);
      yield;
    }
  }
  retries.push(...findLibraryRetries(ctx, sim));
  if (crossFile) retries.push(...importedHelperSites(ctx, sim, crossFile));
  if (text) addCeilingFixes(retries, text, ctx.language.family === "python");
  markKeysPerAttempt(retries, ctx, text);
  markNestedRetries(retries, ctx, text, crossFile);
  yield;

  const handlers = findHandlers(ctx, sim.cond, (call) => callRetried(call, ctx, crossFile));
  yield;
  // Calls sorted by position, to find those inside a handler without scanning them all.
  const calls = [...ctx.index.calls].sort((a, b) => a.start - b.start);
  const firstCallFrom = (offset: number): number => {
    let lo = 0;
    let hi = calls.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (calls[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const h of handlers) {
    if (!h.discriminates) continue;
    for (const r of retries) {
      if (!contains(r, h) && !contains(h, r) && !handlesHelperResult(ctx, r, h)) continue;
      if (r.retried.has(429)) h.retryCovers429 = true;
      if ([500, 502, 503, 504].some((s) => r.retried.has(s))) h.retryCovers5xx = true;
    }
    // A client that retries on its own (got, ky, SDKs, axios-retry on an instance; one of another file) covers what it retries.
    for (let i = firstCallFrom(h.start); i < calls.length && calls[i]!.start <= h.end; i++) {
      const call = calls[i]!;
      if (!contains(h, call)) continue;
      const own = callRetried(call, ctx, crossFile);
      if (!own) continue;
      if (own.has(429)) h.retryCovers429 = true;
      // A client that retries only 503 (a maintenance window) still turns a 500 into a hard failure.
      if (own.has(500)) h.retryCovers5xx = true;
    }
    // A handler in a function that a retry mechanism calls is covered by it.
    if (h.owner) {
      for (const r of retries) {
        if (!r.calls?.has(h.owner)) continue;
        if (r.retried.has(429)) h.retryCovers429 = true;
        if ([500, 502, 503, 504].some((s) => r.retried.has(s))) h.retryCovers5xx = true;
      }
    }
  }
  // Every request of the file (the resilience report lists them all), those a retry re-sends first.
  const requests: RequestSite[] = retries.flatMap((r) => r.requests);
  const seen = new Set(requests.map((r) => r.start));
  for (const req of found) {
    if (seen.has(req.span.start)) continue;
    seen.add(req.span.start);
    requests.push(requestSite(req));
  }
  markMissingTimeouts(requests, ctx);
  return { retries, handlers, requests };
}
