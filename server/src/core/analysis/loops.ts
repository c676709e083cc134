// Over 400 lines: retry loops and the same-file helpers that run a callback in one share the iteration model and its quick fixes.
/**
 * Retry loops: a loop whose failure paths lead to another attempt, what it
 * retries, whether it stops, and the quick fixes it can take; and same-file
 * helpers that run a callback in such a loop (`withRetry(fn)`).
 */

import { failureCapFix, idempotencyKeyFix, retryAfterFix } from "../fixes/edits";
import type { Call, Expr, FunctionDef, LoopStmt, Stmt } from "../ir/types";
import { calleeName, contains, dottedName, stmtExprs, unwrap, walkExpr, walkStmts } from "../ir/walk";
import type { FileContext } from "./model";
import type { RequestInfo } from "./model";
import { evaluateRetry, makeRetrySite } from "./retries";
import { detectRequest } from "./requests";
import {
  assumedValue,
  MAX_OUTCOMES,
  Simulator,
  type Outcome,
  type SimulationOptions,
  type WaitEvent,
} from "./simulate";
import { FAILURES } from "./knowledge";
import type { Failure, RetrySite } from "./types";
import type { GrowthScope } from "./waits";

// ---------------------------------------------------------------- loops

export function analyzeLoop(
  loop: LoopStmt,
  ctx: FileContext,
  sim: Simulator,
  text: string,
  helper?: GenericHelper,
): RetrySite | undefined {
  if ((loop.loop === "for-of" || loop.loop === "for-in") && !isAttemptIterable(loop.iterates))
    return undefined;
  if (walksItems(loop)) return undefined;
  const options: SimulationOptions = helper ? { attemptParams: helper.attempt } : {};
  if (!sim.containsRequest(loop.body, options)) return undefined;
  // Each scenario is simulated once: the evaluations and the failure wait below all read it.
  const simulated = new Map<Failure | 200, Outcome[]>();
  const iterationOutcomes = (s: Failure | 200): Outcome[] => {
    let known = simulated.get(s);
    if (!known) {
      known = simulateIteration(s);
      simulated.set(s, known);
    }
    return known;
  };
  const simulateIteration = (s: Failure | 200): Outcome[] => {
    const outs = sim.run(loop.body, s, options);
    const result: Outcome[] = [];
    for (const o of outs) {
      if (o.kind === "normal" && loop.test && (loop.loop === "while" || loop.loop === "do")) {
        const env = new Map(o.facts.bindings ?? []);
        // A counter this path last set past its cap (`n = max + 1`) answers the loop's test.
        const last = new Map(o.facts.values ?? []);
        for (const [name, value] of last) if (value && isOffsetOfAnother(name, value)) env.set(name, value);
        const evaluated = sim.cond.eval(loop.test, s, env);
        const c =
          evaluated.value === undefined
            ? { ...evaluated, value: assumedValue(loop.test, o.facts) }
            : evaluated;
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
  // A path that changes what the next turn sends (`continuation = base` before `continue`) adapts the request: not a retry of it.
  const inputs = requestInputs(loop, ctx, sim);
  const adapts = (o: Outcome): boolean => (o.facts.assigned ?? []).some((n) => inputs.has(n));
  const iterates = (o: Outcome): boolean => (o.kind === "normal" || o.kind === "continue") && !adapts(o);
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
      ...(strict ? {} : { repeatsOnSuccess: true }),
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
export interface GenericHelper {
  /** The parameter called as the attempt -> whether what is passed throws on HTTP errors. */
  attempt: Map<string, boolean>;
  /** The requests the functions passed to it send. */
  requests: RequestInfo[];
}

/**
 * Functions that call a function parameter, where the file calls them with a
 * function that sends a request: `withRetry(() => fetch(...))`.
 */
export function genericRetryHelpers(ctx: FileContext, sim: Simulator): Map<FunctionDef, GenericHelper> {
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
        entry.requests.push(...sim.requestsIn(delegate(body, ctx).body));
        out.set(fn, entry);
      });
    }
  }
  return out;
}

/** `() => send(order)`, `lambda: _post(x)`: the function of this file a thin callback hands the attempt to. */
function delegate(fn: FunctionDef, ctx: FileContext): FunctionDef {
  const only = fn.body.length === 1 ? fn.body[0]! : undefined;
  const value = only?.kind === "return" ? only.value : only?.kind === "expr" ? only.expr : undefined;
  const call = value ? unwrap(value) : undefined;
  if (call?.kind !== "call" || call.isNew) return fn;
  // `send(x)`, `this.send(x)`, `self._post(x)`; not `api.post(x)`, a client's method.
  const callee = call.callee;
  const own =
    callee.kind === "name" ||
    (callee.kind === "member" && callee.object.kind === "name" && /^(this|self)$/.test(callee.object.name));
  return (own && sameFileFunctionByName(ctx, callee)) || fn;
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
    // Offered only where no path reads Retry-After yet.
    if (wait.variants?.some((v) => v.readsRetryAfter)) continue;
    // A constant delay stays as the fallback: that must stay visible to retry-without-backoff.
    if (response.end > wait.start || !(wait.grows || wait.jitter)) continue;
    const at = { expr: event.expr, delay, unit };
    wait.retryAfterFix = retryAfterFix(loop, at, response.target.name, scope, text, python);
  }
  for (const req of site.requests) {
    if (req.idempotencyKey || (req.method !== "POST" && req.method !== "PATCH")) continue;
    const info = requests.find((r) => r.span.start === req.start && r.span.end === req.end);
    // The header the API the file calls documents (PayPal's `PayPal-Request-Id`), else `Idempotency-Key`.
    const header = ctx.knowledge.idempotencyHeaderName?.();
    if (info && info.takesHeaders !== false)
      req.keyFix = idempotencyKeyFix(info, loop, scope, text, python, header);
  }
}

/**
 * `for (let i = 0; i < items.length; i++) { const item = items[i]; ... }`: a walk over a
 * collection by index (each turn sends another item, a fallback chain tries the next entry),
 * like `for (const item of items)`, not attempts of one request.
 */
function walksItems(loop: LoopStmt): boolean {
  const [counter, collection] = indexWalk(loop) ?? [];
  if (!counter || !collection) return false;
  let indexed = false;
  walkStmts(loop.body, (s) => {
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => {
        if (
          x.kind === "index" &&
          dottedName(x.object) === collection &&
          unwrap(x.index).kind === "name" &&
          (unwrap(x.index) as { name: string }).name === counter
        )
          indexed = true;
      });
    return !indexed;
  });
  return indexed;
}

/** The counter and the collection of `for (i = 0; i < xs.length; i++)` / `for i in range(len(xs))`. */
function indexWalk(loop: LoopStmt): [string, string] | undefined {
  const lengthOf = (e: Expr): string | undefined => {
    const x = unwrap(e);
    if (x.kind === "member" && x.property === "length") return dottedName(x.object);
    if (x.kind === "call" && dottedName(x.callee) === "len" && x.args[0]) return dottedName(x.args[0].value);
    return undefined;
  };
  if (loop.loop === "for" && loop.test) {
    const test = unwrap(loop.test);
    if (test.kind !== "binary" || (test.op !== "<" && test.op !== "<=") || test.left.kind !== "name")
      return undefined;
    const collection = lengthOf(test.right);
    return collection ? [test.left.name, collection] : undefined;
  }
  const range = loop.iterates ? unwrap(loop.iterates) : undefined;
  if (
    (loop.loop !== "for-of" && loop.loop !== "for-in") ||
    loop.binding?.kind !== "name" ||
    range?.kind !== "call"
  )
    return undefined;
  if (dottedName(range.callee) !== "range" || range.args.length === 0) return undefined;
  const collection = lengthOf(range.args[range.args.length === 1 ? 0 : 1]!.value);
  return collection ? [loop.binding.name, collection] : undefined;
}

/**
 * The names the requests of a loop are built from: the arguments of each request (or of a
 * same-file helper that sends one), and what the loop body assigns to them, two steps deep.
 * Attempt counters are not among them: a new attempt number is still the same request.
 */
function requestInputs(loop: LoopStmt, ctx: FileContext, sim: Simulator): Set<string> {
  const scope = loopScope(loop);
  const values = new Map<string, Expr[]>();
  walkStmts(loop.body, (s) => {
    if (s.kind === "var" && s.target.kind === "name" && s.value) {
      values.set(s.target.name, [...(values.get(s.target.name) ?? []), s.value]);
    }
  });
  const inputs = new Set<string>();
  const direct = new Set<string>();
  const add = (e: Expr, depth: number): void =>
    walkExpr(e, (x) => {
      if (x.kind !== "name" || scope.counters.has(x.name)) return;
      if (depth === 0) direct.add(x.name);
      if (inputs.has(x.name)) return;
      inputs.add(x.name);
      if (depth < 2) for (const v of values.get(x.name) ?? []) add(v, depth + 1);
    });
  // The variables that receive a response: every attempt assigns them, which changes nothing it sends.
  const results = new Set<string>();
  const sends = (x: Expr): boolean => {
    if (x.kind !== "call") return false;
    const fn = sameFileFunctionByName(ctx, x.callee);
    return detectRequest(x, ctx) !== undefined || (fn !== undefined && sim.helperSummary(fn, 0).requests);
  };
  walkStmts(loop.body, (s) => {
    if (s.kind === "var" && s.target.kind === "name" && s.value && sends(unwrap(s.value)))
      results.add(s.target.name);
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => {
        if (x.kind === "call" && sends(x)) for (const a of x.args) add(a.value, 0);
      });
  });
  // A redirect followed in the loop (`url = response.headers.location`) changes `url`, not the response.
  for (const name of results) if (!direct.has(name)) inputs.delete(name);
  return inputs;
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
      // `d = min(d * 2, cap)` multiplies itself, `n = n + 1` steps; `to_next = min(to_next, 5 * 60)` does neither.
      let multiplies = false;
      let steps = false;
      walkExpr(value, (x) => {
        if (x.kind !== "binary" || !(mentions(x.left, target) || mentions(x.right, target))) return;
        if (x.op === "*" || x.op === "<<" || x.op === "**") multiplies = true;
        else steps = true;
      });
      // `response = parse(response)` neither counts nor grows.
      if (multiplies) growing.add(target);
      else if (steps) counters.add(target);
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

export function mentionsLimit(e: Expr, scope: GrowthScope, ctx: FileContext): boolean {
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

/** `self.max_retries + 1` given to `n`: a fixed step away from another value (not `n + 1`, a count). */
function isOffsetOfAnother(name: string, e: Expr): boolean {
  const x = unwrap(e);
  if (x.kind !== "binary" || (x.op !== "+" && x.op !== "-") || unwrap(x.right).kind !== "number")
    return false;
  const base = dottedName(unwrap(x.left));
  return base !== undefined && base !== name;
}
