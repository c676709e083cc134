/**
 * Builds the sites the rules see from a lowered file: retry mechanisms
 * (loops, recursion, decorators, helper calls, library configs), the
 * handlers that discriminate statuses, and the requests they send.
 */

import type { Call, Expr, FunctionDef, LoopStmt, Stmt } from "../ir/types";
import { calleeName, dottedName, stmtExprs, unwrap, walkExpr, walkStmts } from "../ir/walk";
import { clientAt, type FileContext } from "./context";
import { failureCapFix, idempotencyKeyFix, retryAfterFix } from "../fixes/edits";
import { findHandlers } from "./handlers";
import { FAILURES, NON_RETRYABLE_PROBES } from "./knowledge";
import { findLibraryRetries } from "./libraries";
import { detectRequest, type RequestInfo } from "./requests";
import { MAX_OUTCOMES, Simulator, type Outcome, type SimulationOptions, type WaitEvent } from "./simulate";
import type { Failure, RequestSite, RetrySite, Sites, StatusRef, WaitSite } from "./types";
import { classifyWait, type GrowthScope } from "./waits";

/** The sites of a file, from its context (`buildContext`); `text` enables quick-fix edits. */
export function extractSites(ctx: FileContext, text = ""): Sites {
  const sim = new Simulator(ctx);
  const retries: RetrySite[] = [];

  const helpers = genericRetryHelpers(ctx, sim);
  for (const loop of ctx.index.loops) {
    const fn = ctx.index.owner.get(loop);
    const site = analyzeLoop(loop, ctx, sim, text, fn ? helpers.get(fn) : undefined);
    if (site) retries.push(site);
  }
  // Only functions whose name is called somewhere can recurse.
  const called = new Set<string>();
  for (const call of ctx.index.calls) {
    const name = calleeName(call.callee);
    if (name) called.add(name);
  }
  for (const fn of ctx.allFunctions) {
    const celery = analyzeCeleryTask(fn, ctx, sim);
    if (celery) retries.push(celery);
    if (!fn.name || !called.has(fn.name)) continue;
    const site = analyzeRecursion(fn, ctx, sim);
    if (site) retries.push(site);
  }
  retries.push(...findLibraryRetries(ctx, sim));
  retries.push(...analyzeInterceptors(ctx, sim));

  const handlers = findHandlers(ctx, sim.cond);
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
      if (!contains(r, h) && !contains(h, r)) continue;
      if (r.retried.has(429)) h.retryCovers429 = true;
      if ([500, 502, 503, 504].some((s) => r.retried.has(s))) h.retryCovers5xx = true;
    }
    // A client that retries on its own (got, ky, SDKs) covers what it retries.
    for (let i = firstCallFrom(h.start); i < calls.length && calls[i]!.start <= h.end; i++) {
      const call = calls[i]!;
      if (!contains(h, call)) continue;
      const own = detectRequest(call, ctx)?.client.retries;
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
  const requests: RequestSite[] = retries.flatMap((r) => r.requests);
  return { retries, handlers, requests };
}

function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

// ---------------------------------------------------------------- shared building

export interface RetryEvaluation {
  retried: Set<Failure>;
  refs: StatusRef[];
  blind: boolean;
  waitsNothing: boolean;
  waits: WaitEvent[];
  rateLimitWaits: WaitEvent[];
  requests: RequestInfo[];
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
  const rateLimitWaits = new Map<number, WaitEvent>();
  let waitsNothing = false;
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
      for (const w of p.facts.waits) waits.set(w.expr.start, w);
      if ((f === 429 || f === 503) && !p.facts.retryAfterChecked)
        for (const w of p.facts.waits) rateLimitWaits.set(w.expr.start, w);
    }
    if (plain.every((p) => p.facts.waits.length === 0)) waitsNothing = true;
    // Retried with no status, class or code check on the way: a blind retry of this failure.
    if (plain.some((p) => !p.facts.decided && !p.facts.refs.some((r) => r.status === f || r.via === "range")))
      unchecked.add(f);
  }
  if (retried.size === 0) return undefined;
  const blind = NON_RETRYABLE_PROBES.every((s) => retried.has(s) && unchecked.has(s));
  return {
    retried,
    refs: [...refs.values()].filter((r) => retried.has(r.status) || r.via === "range"),
    blind,
    waitsNothing,
    waits: [...waits.values()],
    rateLimitWaits: [...rateLimitWaits.values()],
    requests: [],
  };
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
  const rateLimitStarts = new Set(ev.rateLimitWaits.map((w) => w.expr.start));
  const explicitRateLimit = ev.refs.some(
    (r) => r.status === 429 || r.status === 503 || (r.via === "class" && r.status >= 500),
  );
  return {
    kind: "retry",
    retriedRefs: dedupeRefs(ev.refs),
    retried: ev.retried,
    blind: ev.blind,
    waitsNothing: ev.waitsNothing,
    waits,
    rateLimitWaits: explicitRateLimit ? waits.filter((w) => rateLimitStarts.has(w.start)) : [],
    requests: dedupeRequests(requests.map(requestSite)),
    ...base,
  };
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

// ---------------------------------------------------------------- loops

function analyzeLoop(
  loop: LoopStmt,
  ctx: FileContext,
  sim: Simulator,
  text: string,
  helper?: GenericHelper,
): RetrySite | undefined {
  if ((loop.loop === "for-of" || loop.loop === "for-in") && !isAttemptIterable(loop.iterates))
    return undefined;
  const options: SimulationOptions = helper ? { attemptParams: helper.attempt } : {};
  if (!sim.containsRequest(loop.body, options)) return undefined;
  const iterationOutcomes = (s: Failure | 200): Outcome[] => {
    const outs = sim.run(loop.body, s, options);
    const result: Outcome[] = [];
    for (const o of outs) {
      if (o.kind === "normal" && loop.test && (loop.loop === "while" || loop.loop === "do")) {
        const env = new Map(o.facts.bindings ?? []);
        const c = sim.cond.eval(loop.test, s, env);
        if (c.value === false) {
          result.push({ kind: "break", facts: o.facts });
          continue;
        }
        result.push({ kind: "continue", facts: { ...o.facts, refs: [...o.facts.refs, ...c.refs] } });
        continue;
      }
      result.push(o);
    }
    return result;
  };
  const iterates = (o: Outcome): boolean => o.kind === "normal" || o.kind === "continue";
  const strict = evaluateRetry(iterationOutcomes, iterates);
  // In an endless polling/paging loop, a failure caught and followed by another turn re-sends the same request.
  const endless =
    (!loop.test || isConstantTrue(loop.test)) && loop.loop !== "for-in" && loop.loop !== "for-of";
  const ev = strict ?? evaluateRetry(iterationOutcomes, iterates, "explicit", endless);
  if (!ev) return undefined;
  const scope = loopScope(loop);
  // A polling or paging loop that also retries a named status: its own condition decides when it ends.
  const bounded = loopBounded(loop, scope, ctx);
  const requests = [...sim.requestsIn(loop.body), ...(helper?.requests ?? [])];
  const site = makeRetrySite(
    {
      mechanism: "loop",
      anchor: loop.keyword,
      label: "This retry loop",
      bounded: strict || bounded !== false || !loop.test || isConstantTrue(loop.test) ? bounded : undefined,
      start: loop.start,
      end: loop.end,
      calls: calledNames(loop.body),
    },
    ev,
    ctx,
    scope,
    requests,
  );
  if (text)
    addLoopFixes(
      site,
      loop,
      requests,
      ctx,
      text,
      strict ? failureWait(iterationOutcomes, iterates) : undefined,
    );
  return site;
}

/** A function that retries a function it is given (`withRetry(fn)`), and what the file hands it. */
interface GenericHelper {
  /** The parameter called as the attempt -> whether what is passed throws on HTTP errors. */
  attempt: Map<string, boolean>;
  /** The requests the functions passed to it send. */
  requests: RequestInfo[];
}

/**
 * Functions that call a function parameter, where the file calls them with a
 * function that sends a request: `withRetry(() => fetch(...))`.
 */
function genericRetryHelpers(ctx: FileContext, sim: Simulator): Map<FunctionDef, GenericHelper> {
  const out = new Map<FunctionDef, GenericHelper>();
  // Calls that hand a function to a named function of this file, grouped by that name.
  const callsByName = new Map<string, Call[]>();
  for (const call of ctx.index.calls) {
    const name = calleeName(call.callee);
    if (
      !name ||
      !ctx.functions.has(name) ||
      !call.args.some(
        (a) => a.value.kind === "function" || a.value.kind === "name" || a.value.kind === "member",
      )
    )
      continue;
    const list = callsByName.get(name) ?? [];
    list.push(call);
    callsByName.set(name, list);
  }
  const withLoops = new Set<FunctionDef>();
  for (const loop of ctx.index.loops) {
    const fn = ctx.index.owner.get(loop);
    if (fn) withLoops.add(fn);
  }
  for (const fn of withLoops) {
    const calls = fn.name ? callsByName.get(fn.name) : undefined;
    if (!calls) continue;
    const params = fn.params.map((p) => p.name);
    for (const call of calls) {
      if (contains(fn, call)) continue;
      call.args.forEach((arg, i) => {
        const param = arg.name ?? params[i];
        if (!param) return;
        const passed = unwrap(arg.value);
        const body = passed.kind === "function" ? passed.fn : sameFileFunctionByName(ctx, passed);
        if (!body) return;
        const summary = sim.helperSummary(body, 0);
        if (!summary.requests) return;
        const entry = out.get(fn) ?? { attempt: new Map<string, boolean>(), requests: [] };
        entry.attempt.set(param, (entry.attempt.get(param) ?? false) || summary.throws);
        entry.requests.push(...sim.requestsIn(body.body));
        out.set(fn, entry);
      });
    }
  }
  return out;
}

function sameFileFunctionByName(ctx: FileContext, e: Expr): FunctionDef | undefined {
  const name = e.kind === "name" ? e.name : e.kind === "member" ? e.property : undefined;
  const fns = name ? ctx.functions.get(name) : undefined;
  return fns && fns.length === 1 ? fns[0] : undefined;
}

/**
 * The one wait that every failed attempt passes before the next, when there is one.
 * Call it only for a loop that never repeats after a success (not polling or paging).
 */
function failureWait(
  outcomesOf: (s: Failure | 200) => Outcome[],
  iterates: (o: Outcome) => boolean,
): WaitEvent | undefined {
  let only: WaitEvent | undefined;
  for (const f of FAILURES) {
    const outcomes = outcomesOf(f);
    if (outcomes.length >= MAX_OUTCOMES) return undefined; // paths were cut: not certain
    for (const o of outcomes) {
      if (!iterates(o)) continue;
      const w = o.facts.waits;
      if (w.length !== 1 || (only && only.expr !== w[0]!.expr)) return undefined;
      only = w[0]!;
    }
  }
  return only;
}

/** Quick fixes for a retry loop: a failure cap, Retry-After waits, and idempotency keys for its writes. */
function addLoopFixes(
  site: RetrySite,
  loop: LoopStmt,
  requests: RequestInfo[],
  ctx: FileContext,
  text: string,
  failed: WaitEvent | undefined,
): void {
  const python = ctx.language.family === "python";
  const scope = ctx.index.owner.get(loop) ?? { start: 0, end: text.length };
  if (site.bounded === false && failed)
    site.capFix = failureCapFix(loop, failed, requests, scope, text, python);
  // The response of a non-throwing client, bound directly in the loop body, is there on a 429.
  const response = loop.body.find(
    (st): st is Extract<Stmt, { kind: "var" }> =>
      st.kind === "var" &&
      st.target.kind === "name" &&
      st.value !== undefined &&
      requests.some(
        (r) => !r.client.throws && r.span.start >= st.value!.start && r.span.end <= st.value!.end,
      ),
  );
  for (const wait of site.rateLimitWaits) {
    const event = wait.event;
    const delay = event?.delay;
    const unit = event?.unit;
    if (!response || response.target.kind !== "name" || !event || !delay || !unit || wait.readsRetryAfter)
      continue;
    // A constant delay stays as the fallback: that must stay visible to retry-without-backoff.
    if (response.end > wait.start || !(wait.grows || wait.jitter)) continue;
    const at = { expr: event.expr, delay, unit };
    wait.retryAfterFix = retryAfterFix(loop, at, response.target.name, scope, text, python);
  }
  for (const req of site.requests) {
    if (req.idempotencyKey || (req.method !== "POST" && req.method !== "PATCH")) continue;
    const info = requests.find((r) => r.span.start === req.start && r.span.end === req.end);
    if (info) req.keyFix = idempotencyKeyFix(info, loop, scope, text, python);
  }
}

/** `range(n)`, `range(1, n + 1)`, `itertools.count()`: attempts, not items. */
function isAttemptIterable(e: Expr | undefined): boolean {
  if (!e) return false;
  const x = unwrap(e);
  if (x.kind !== "call") return false;
  const name = dottedName(x.callee);
  return name === "range" || name === "itertools.count" || name === "count" || name === "Array.from";
}

/** Counters (names stepped by a constant each attempt) and growing variables (multiplied each attempt). */
export function loopScope(loop: LoopStmt): GrowthScope {
  const counters = new Set<string>();
  const growing = new Set<string>();
  if (loop.binding?.kind === "name" && isAttemptIterable(loop.iterates)) counters.add(loop.binding.name);
  const noteAssign = (target: string | undefined, op: string, value: Expr | undefined): void => {
    if (!target) return;
    if (op === "++" || op === "--" || op === "+=" || op === "-=") counters.add(target);
    else if (op === "*=" || op === "<<=" || op === "**=") growing.add(target);
    else if (op === "=" && value && mentions(value, target)) {
      let multiplies = false;
      walkExpr(value, (x) => {
        if (x.kind === "binary" && (x.op === "*" || x.op === "<<" || x.op === "**")) multiplies = true;
      });
      (multiplies ? growing : counters).add(target);
    }
  };
  for (const u of loop.update ?? []) {
    walkExpr(u, (x) => {
      if (x.kind === "assign") noteAssign(targetName(x.target), x.op, x.value);
    });
  }
  const visitExprs = (e: Expr): void =>
    walkExpr(e, (x) => {
      if (x.kind === "assign") noteAssign(targetName(x.target), x.op, x.value);
    });
  if (loop.test) visitExprs(loop.test);
  walkStmts(loop.body, (s) => {
    if (s.kind === "var") noteAssign(targetName(s.target), s.op, s.value);
    for (const e of stmtExprs(s)) visitExprs(e);
  });
  for (const g of growing) counters.delete(g);
  return { counters, growing };
}

function targetName(
  t: Stmt extends never ? never : { kind: string; name?: string; expr?: Expr },
): string | undefined {
  if (t.kind === "name") return t.name;
  if (t.kind === "expr" && t.expr) return dottedName(t.expr);
  return undefined;
}

function mentions(e: Expr, name: string): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if ((x.kind === "name" && x.name === name) || (x.kind === "member" && dottedName(x) === name))
      found = true;
  });
  return found;
}

/** Does the loop stop after a number of attempts or a deadline? */
function loopBounded(loop: LoopStmt, scope: GrowthScope, ctx: FileContext): boolean | undefined {
  if (loop.loop === "for-of" || loop.loop === "for-in") {
    const x = loop.iterates ? unwrap(loop.iterates) : undefined;
    const name = x?.kind === "call" ? dottedName(x.callee) : undefined;
    return !(name === "itertools.count" || name === "count");
  }
  const constantTrue = !loop.test || isConstantTrue(loop.test);
  if (!constantTrue && loop.test && mentionsLimit(loop.test, scope, ctx)) return true;
  if (loop.loop === "for" && loop.test && !constantTrue) return true;
  // Look for a counter or deadline check anywhere in the body's conditions.
  let bounded = false;
  walkStmts(loop.body, (s) => {
    if (bounded) return false;
    const conds: Expr[] = s.kind === "if" ? [s.test] : s.kind === "loop" && s.test ? [s.test] : [];
    for (const c of conds) if (mentionsLimit(c, scope, ctx)) bounded = true;
    return !bounded;
  });
  if (bounded) return true;
  return constantTrue || !!loop.test ? false : undefined;
}

function isConstantTrue(e: Expr): boolean {
  const x = unwrap(e);
  return (x.kind === "bool" && x.value) || (x.kind === "number" && x.value !== 0);
}

function mentionsLimit(e: Expr, scope: GrowthScope, ctx: FileContext): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (
      x.kind === "name" &&
      (scope.counters.has(x.name) ||
        /deadline|timeout|elapsed|expire|max_?(attempts|retries|tries)|remaining_?(attempts|retries)|attempts?_?left|retries_?left/i.test(
          x.name,
        ))
    )
      found = true;
    if (
      x.kind === "member" &&
      (scope.counters.has(dottedName(x) ?? "") ||
        /deadline|attempt|retries|retr(y|ied)|tries/i.test(x.property))
    )
      found = true;
    if (
      x.kind === "call" &&
      /^(Date\.now|performance\.now|time\.time|time\.monotonic|time\.perf_counter|monotonic|now)$/.test(
        dottedName(x.callee) ?? "",
      )
    )
      found = true;
    if (x.kind === "assign" && (x.op === "++" || x.op === "--" || x.op === "+=" || x.op === "-="))
      found = true;
  });
  void ctx;
  return found;
}

/** Names of functions called in some statements (to see which handlers a retry covers). */
function calledNames(stmts: Stmt[]): Set<string> {
  const out = new Set<string>();
  walkStmts(stmts, (s) => {
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (x.kind === "call") {
          const n = calleeName(x.callee);
          if (n) out.add(n);
        }
      });
    }
  });
  return out;
}

// ---------------------------------------------------------------- recursion

function analyzeRecursion(fn: FunctionDef, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (!fn.name) return undefined;
  const selfNames = new Set([fn.name]);
  let selfCall: Call | undefined;
  walkStmts(fn.body, (s) => {
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (!selfCall && x.kind === "call" && !x.isNew) {
          const d = (dottedName(x.callee) ?? "").replace(/^(this|self|cls)\./, "");
          if (d === fn.name) selfCall = x;
        }
      });
    }
  });
  if (!selfCall) return analyzePromiseRecursion(fn, ctx, sim);
  const options: SimulationOptions = { selfNames };
  if (!sim.containsRequest(fn.body, options)) return undefined;
  const ev = evaluateRetry(
    (s) => sim.run(fn.body, s, options),
    (o) => o.facts.recursed !== undefined,
  );
  if (!ev) return undefined;
  const counters = new Set<string>();
  const bounded = recursionBounded(fn, selfCall, counters);
  const anchorCall = firstRecursedCall(fn, sim, options, ev.retried) ?? selfCall;
  return makeRetrySite(
    {
      mechanism: "recursion",
      anchor: { start: anchorCall.start, end: anchorCall.end },
      label: "This recursive retry",
      bounded,
      start: fn.start,
      end: fn.end,
      calls: new Set([fn.name]),
    },
    ev,
    ctx,
    { counters, growing: new Set() },
    sim.requestsIn(fn.body),
  );
}

/**
 * `return request(...).then(...).catch((err) => { if (err.status === 429) return delay(d).then(() => f(key)); throw err })`:
 * a promise chain whose rejection handler calls the function again is a recursive retry.
 */
function analyzePromiseRecursion(fn: FunctionDef, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (!ctx.language.promiseChains || !fn.name || !sim.containsRequest(fn.body)) return undefined;
  const selfNames = new Set([fn.name]);
  const handlers: FunctionDef[] = [];
  // HTTP errors reach the rejection handler when the client throws on them or a `.then` step throws.
  let httpErrorsReach = sim.requestsIn(fn.body).some((r) => r.client.throws);
  walkStmts(fn.body, (s) => {
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (x.kind !== "call" || x.callee.kind !== "member") return;
        const step = x.args[0] ? unwrap(x.args[0].value) : undefined;
        if (x.callee.property === "then" && step?.kind === "function") {
          walkStmts(step.fn.body, (st) => {
            if (st.kind === "throw") httpErrorsReach = true;
          });
        }
        const arg =
          x.callee.property === "catch" ? x.args[0] : x.callee.property === "then" ? x.args[1] : undefined;
        const handler = arg ? unwrap(arg.value) : undefined;
        if (handler?.kind === "function") handlers.push(handler.fn);
      });
    }
  });
  for (const handler of handlers) {
    const options: SimulationOptions = { selfNames, assumeRequested: true };
    // The handler runs only on a failure, and on an HTTP error only when one reaches it.
    const ev = evaluateRetry(
      (s) => (s === 200 || (s !== "network" && !httpErrorsReach) ? [] : sim.run(handler.body, s, options)),
      (o) => o.facts.recursed !== undefined,
    );
    if (!ev) continue;
    const anchor = firstRecursedCall(handler, sim, options, ev.retried);
    if (!anchor) continue;
    const counters = new Set<string>();
    return makeRetrySite(
      {
        mechanism: "recursion",
        anchor: { start: anchor.start, end: anchor.end },
        label: "This recursive retry",
        bounded: recursionBounded(fn, anchor, counters),
        start: fn.start,
        end: fn.end,
        calls: new Set([fn.name]),
      },
      ev,
      ctx,
      { counters, growing: new Set() },
      sim.requestsIn(fn.body),
    );
  }
  return undefined;
}

/**
 * A bound Celery task (`@shared_task(bind=True)`, `@app.task(bind=True)`) that calls
 * `self.retry(...)` runs again: a retry, capped by `max_retries` (3 unless set to None).
 */
function analyzeCeleryTask(fn: FunctionDef, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (ctx.language.family !== "python") return undefined;
  const decorator = fn.decorators.find((d) => {
    if (d.kind !== "call") return false;
    const name = dottedName(d.callee) ?? "";
    return (
      /(^|\.)(shared_)?task$/.test(name) &&
      d.args.some(
        (a) =>
          a.name === "bind" &&
          unwrap(a.value).kind === "bool" &&
          (unwrap(a.value) as { value: boolean }).value,
      )
    );
  });
  const self = fn.params[0]?.name;
  if (!decorator || decorator.kind !== "call" || !self) return undefined;
  const options: SimulationOptions = { selfNames: new Set([`${self}.retry`]) };
  if (!sim.containsRequest(fn.body, options)) return undefined;
  const ev = evaluateRetry(
    (s) => sim.run(fn.body, s, options),
    (o) => o.facts.recursed !== undefined,
  );
  if (!ev) return undefined;
  const anchor = firstRecursedCall(fn, sim, options, ev.retried);
  if (!anchor) return undefined;
  const maxRetries = decorator.args.find((a) => a.name === "max_retries")?.value;
  return makeRetrySite(
    {
      mechanism: "recursion",
      library: "celery",
      anchor: { start: anchor.start, end: anchor.end },
      label: "This Celery retry",
      bounded: !(maxRetries && unwrap(maxRetries).kind === "null"),
      start: fn.start,
      end: fn.end,
      calls: new Set(fn.name ? [fn.name] : []),
    },
    ev,
    ctx,
    { counters: new Set(), growing: new Set() },
    sim.requestsIn(fn.body),
  );
}

/** The call that re-enters on the first retried failure's path (a credential refresh path is not a retry). */
function firstRecursedCall(
  fn: FunctionDef,
  sim: Simulator,
  options: SimulationOptions,
  retried: ReadonlySet<Failure>,
): Call | undefined {
  for (const f of FAILURES) {
    if (!retried.has(f)) continue;
    for (const o of sim.run(fn.body, f, options))
      if (o.facts.recursed && !o.facts.refreshed) return o.facts.recursed;
  }
  return undefined;
}

/**
 * `http.interceptors.response.use(ok, async (error) => { ...; return http(config) })`: an axios
 * error interceptor that sends the failed request again through the client is a retry.
 */
function analyzeInterceptors(ctx: FileContext, sim: Simulator): RetrySite[] {
  if (ctx.language.family === "python") return [];
  const out: RetrySite[] = [];
  for (const call of ctx.index.calls) {
    const callee = dottedName(call.callee) ?? "";
    const m = /^(.+)\.interceptors\.response\.use$/.exec(callee);
    if (!m) continue;
    const client = m[1]!;
    const root = client.replace(/^(this|self)\./, "");
    const isAxios =
      client === "axios" ||
      clientAt(ctx, client, call.start)?.kind === "axios" ||
      clientAt(ctx, root, call.start)?.kind === "axios";
    if (!isAxios) continue;
    const arg = call.args[1] ? unwrap(call.args[1].value) : undefined;
    const handler = arg?.kind === "function" ? arg.fn : undefined;
    if (!handler) continue;
    const options: SimulationOptions = {
      selfNames: new Set([client, `${client}.request`, root, `${root}.request`, "axios", "axios.request"]),
      assumeRequested: true,
    };
    const ev = evaluateRetry(
      (s) => (s === 200 ? [] : sim.run(handler.body, s, options)),
      (o) => o.facts.recursed !== undefined,
    );
    if (!ev) continue;
    const anchor = firstRecursedCall(handler, sim, options, ev.retried);
    // Bounded when every path that re-sends a failure passed an attempt-count or deadline check.
    const limitOptions: SimulationOptions = {
      ...options,
      limitTest: (t) => mentionsLimit(t, { counters: new Set(), growing: new Set() }, ctx),
    };
    let bounded = true;
    for (const f of ev.retried) {
      for (const o of sim.run(handler.body, f, limitOptions)) {
        if (o.facts.recursed && !o.facts.refreshed && !o.facts.limited) bounded = false;
      }
    }
    const target = anchor ?? call;
    out.push(
      makeRetrySite(
        {
          mechanism: "recursion",
          anchor: { start: target.start, end: target.end },
          label: "This interceptor retry",
          bounded,
          start: handler.start,
          end: handler.end,
        },
        ev,
        ctx,
        { counters: new Set(), growing: new Set() },
        [],
      ),
    );
  }
  return out;
}

/** Parameters the function counts up or down in its body (`tries += 1`, `tries = tries + 1`, `attempt++`). */
function steppedParams(fn: FunctionDef, params: Set<string>): Set<string> {
  const out = new Set<string>();
  const steps = (name: string, op: string, value: Expr | undefined): void => {
    if (!params.has(name)) return;
    if (op === "+=" || op === "-=" || op === "++" || op === "--") out.add(name);
    else if (op === "=" && value) {
      const v = unwrap(value);
      if (
        v.kind === "binary" &&
        (v.op === "+" || v.op === "-") &&
        [v.left, v.right].some((side) => side.kind === "name" && side.name === name)
      )
        out.add(name);
    }
  };
  walkStmts(
    fn.body,
    (st) => {
      if (st.kind === "var" && st.target.kind === "name") steps(st.target.name, st.op, st.value);
      for (const e of stmtExprs(st))
        walkExpr(e, (x) => {
          if (x.kind === "assign" && x.target.kind === "name") steps(x.target.name, x.op, x.value);
        });
    },
    true,
  );
  return out;
}

/**
 * A recursive retry is bounded when it passes a changed counter (`attempt + 1`,
 * `retries - 1`, or a parameter the function steps before the call: `tries =
 * tries + 1; return self.request(method, url, tries)`).
 */
function recursionBounded(fn: FunctionDef, call: Call, counters: Set<string>): boolean {
  const params = new Set(fn.params.map((p) => p.name).filter((n): n is string => !!n));
  const stepped = steppedParams(fn, params);
  for (const a of call.args) {
    walkExpr(a.value, (x) => {
      if (x.kind === "binary" && (x.op === "+" || x.op === "-")) {
        walkExpr(x, (y) => {
          if (y.kind === "name" && params.has(y.name)) counters.add(y.name);
        });
      }
      if (x.kind === "name" && stepped.has(x.name)) counters.add(x.name);
    });
  }
  if (counters.size === 0) return false;
  // The changing counter must also be checked somewhere (`if (attempt >= 3) throw`), not only sized into a delay.
  let checked = false;
  const visitTest = (t: Expr): void => {
    walkExpr(t, (y) => {
      if (y.kind === "name" && counters.has(y.name)) checked = true;
    });
  };
  walkStmts(
    fn.body,
    (s) => {
      if (s.kind === "if" || (s.kind === "loop" && s.test)) visitTest(s.kind === "if" ? s.test : s.test!);
      for (const e of stmtExprs(s)) {
        walkExpr(e, (x) => {
          if (x.kind === "conditional") visitTest(x.test);
          if (x.kind === "logical") visitTest(x.left);
        });
      }
    },
    true,
  );
  return checked;
}
