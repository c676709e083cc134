/**
 * Retries by recursion: a function that calls itself again on failure,
 * directly or from a promise chain's `.catch` / `.then`, and whether a
 * counter bounds it.
 */

import type { Call, Expr, FunctionDef, Stmt } from "../ir/types";
import { calleeName, stmtExprs, unwrap, walkExpr, walkStmts } from "../ir/walk";
import type { FileContext, RequestInfo } from "./model";
import { detectRequest } from "./requests";
import { FAILURES } from "./knowledge";
import { evaluateRetry, makeRetrySite } from "./retries";
import { ownName, Simulator, type SimulationOptions } from "./simulate";
import type { Failure, RetrySite } from "./types";

// ---------------------------------------------------------------- recursion

/**
 * `attempt`: parameters that are the attempt of a retry helper (`withRetry(fn, attempt)` calling
 * `fn()` and itself on failure; true when what it is handed throws on HTTP errors), as the
 * workspace index knows from the files that call it.
 */
export function analyzeRecursion(
  fn: FunctionDef,
  ctx: FileContext,
  sim: Simulator,
  attempt?: ReadonlyMap<string, boolean>,
): RetrySite | undefined {
  if (!fn.name) return undefined;
  // `createRelease` -> `release` -> `createRelease`: a same-file function that calls this one
  // back re-enters it as surely as a direct call (mutual recursion).
  const partners = new Set(callsBack(fn, ctx));
  const selfNames = new Set([fn.name, ...partners]);
  let selfCall: Call | undefined;
  walkStmts(fn.body, (s) => {
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (!selfCall && x.kind === "call" && !x.isNew) {
          const d = ownName(x.callee);
          if (selfNames.has(d)) selfCall = x;
        }
      });
    }
  });
  if (!selfCall) return analyzePromiseRecursion(fn, ctx, sim) ?? analyzeResponseRecursion(fn, ctx, sim);
  const options: SimulationOptions = { selfNames, partners, ...(attempt ? { attemptParams: attempt } : {}) };
  if (!sim.containsRequest(fn.body, options)) return undefined;
  const ev = evaluateRetry(
    (s) => sim.run(fn.body, s, options),
    (o) => o.facts.recursed !== undefined,
  );
  if (!ev) return undefined;
  const counters = new Set<string>();
  const partnerName = ownName(selfCall.callee);
  const partner = partners.has(partnerName) ? ctx.functions.get(partnerName)?.[0] : undefined;
  const bounded = recursionBounded(fn, selfCall, counters, partner);
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

/** The same-file functions `fn` calls (one definition each) whose own body calls `fn` directly. */
function callsBack(fn: FunctionDef, ctx: FileContext): string[] {
  const out = new Set<string>();
  walkStmts(fn.body, (s) => {
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => {
        // A request (`fetch(url)`) is not a call of the same-file function that shares its name.
        if (x.kind !== "call" || x.isNew || ctx.language.requestOf(x, ctx)) return;
        const name = ownName(x.callee);
        if (!name || name === fn.name || name.includes(".") || out.has(name)) return;
        const defs = ctx.functions.get(name);
        if (defs?.length !== 1 || defs[0] === fn) return;
        if (callsDirectly(defs[0]!, fn.name!) && thin(defs[0]!, fn.name!, ctx)) out.add(name);
      });
  });
  return [...out];
}

/**
 * A partner that only waits (or logs) and calls back: its own decisions, when it has any
 * (conditions, throws, helpers that may throw), are not followed, so such a partner is not read.
 */
function thin(partner: FunctionDef, back: string, ctx: FileContext): boolean {
  let ok = true;
  walkStmts(partner.body, (s) => {
    if (s.kind !== "expr" && s.kind !== "var" && s.kind !== "return") ok = false;
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => {
        if (x.kind !== "call" || x.isNew) return;
        const name = ownName(x.callee);
        if (
          name !== back &&
          !name.includes(".") &&
          ctx.functions.has(name) &&
          !ctx.language.sleep(name, undefined)
        )
          ok = false;
      });
    return ok;
  });
  return ok;
}

/**
 * Mutual recursion: the parameters of `fn` that the round trip through `partner` steps.
 * `send(id, attempt)` -> `retrySend(id, attempt)` -> `send(id, attempt + 1)`: the call back
 * passes `attempt + 1` where `fn` takes `attempt`, from the partner parameter `fn` filled with it.
 */
function steppedThrough(fn: FunctionDef, call: Call, partner: FunctionDef): string[] {
  const out: string[] = [];
  const positional = call.args.filter((a) => !a.name);
  // `self` / `cls` are not passed positionally.
  const own = plainParams(fn);
  const theirs = plainParams(partner);
  walkStmts(partner.body, (s) => {
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => {
        if (x.kind !== "call" || x.isNew || ownName(x.callee) !== fn.name) return;
        x.args
          .filter((a) => !a.name)
          .forEach((a, i) => {
            const v = unwrap(a.value);
            if (v.kind !== "binary" || (v.op !== "+" && v.op !== "-")) return;
            const from = unwrap(v.left);
            if (from.kind !== "name" || unwrap(v.right).kind !== "number") return;
            // The partner parameter it steps, and what `fn` passed into it.
            const j = theirs.indexOf(from.name);
            const passed = j >= 0 ? positional[j] && unwrap(positional[j]!.value) : undefined;
            const name = own[i];
            if (passed?.kind === "name" && name && passed.name === name) out.push(name);
          });
      });
  });
  return out;
}

function plainParams(fn: FunctionDef): string[] {
  return fn.params.map((p) => p.name ?? "").filter((n) => n !== "self" && n !== "cls");
}

function callsDirectly(fn: FunctionDef, name: string): boolean {
  let found = false;
  walkStmts(fn.body, (s) => {
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => {
        if (x.kind === "call" && !x.isNew && ownName(x.callee) === name) found = true;
      });
    return !found;
  });
  return found;
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
    // The handler runs only on a failure, and on an HTTP error only when one reaches it.
    const site = handlerRecursion(
      fn,
      selfNames,
      handler,
      (s) => s !== 200 && (s === "network" || httpErrorsReach),
      () => sim.requestsIn(fn.body),
      ctx,
      sim,
    );
    if (site) return site;
  }
  return undefined;
}

/** The recursive retry a handler makes when, run on the failures it sees, it calls `fn` again. */
function handlerRecursion(
  fn: FunctionDef,
  selfNames: Set<string>,
  handler: FunctionDef,
  runsOn: (failure: Failure | 200) => boolean,
  requests: () => RequestInfo[],
  ctx: FileContext,
  sim: Simulator,
): RetrySite | undefined {
  const options: SimulationOptions = { selfNames, assumeRequested: true };
  const ev = evaluateRetry(
    (s) => (runsOn(s) ? sim.run(handler.body, s, options) : []),
    (o) => o.facts.recursed !== undefined,
  );
  if (!ev) return undefined;
  const anchor = firstRecursedCall(handler, sim, options, ev.retried);
  if (!anchor) return undefined;
  const counters = new Set<string>();
  return makeRetrySite(
    {
      mechanism: "recursion",
      anchor: { start: anchor.start, end: anchor.end },
      label: "This recursive retry",
      bounded: recursionBounded(fn, anchor, counters),
      start: fn.start,
      end: fn.end,
      calls: new Set([fn.name!]),
    },
    ev,
    ctx,
    { counters, growing: new Set() },
    requests(),
  );
}

/**
 * `request(url).then(function (resp) { if (resp.status === 429) setTimeout(() => f(x, n + 1), d); ... })`,
 * also inside a `new Promise(function (resolve, reject) { ... })` executor: the handler of a response
 * that calls the function again is a recursive retry (callback-style clients, compiled ES5 code).
 */
function analyzeResponseRecursion(fn: FunctionDef, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (!ctx.language.promiseChains || !fn.name) return undefined;
  const selfNames = new Set([fn.name]);
  // The function's own statements and those of the promise executors it runs at once.
  const bodies: Stmt[][] = [fn.body];
  walkStmts(fn.body, (s) => {
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => {
        const executor =
          x.kind === "call" && x.isNew && calleeName(x.callee) === "Promise" ? x.args[0] : undefined;
        const body = executor ? unwrap(executor.value) : undefined;
        if (body?.kind === "function") bodies.push(body.fn.body);
      });
  });
  for (const body of bodies) {
    const chains: { request: RequestInfo; handler: FunctionDef }[] = [];
    walkStmts(body, (s) => {
      for (const e of stmtExprs(s))
        walkExpr(e, (x) => {
          if (x.kind !== "call" || x.callee.kind !== "member" || x.callee.property !== "then") return;
          const source = unwrap(x.callee.object);
          const handler = x.args[0] ? unwrap(x.args[0].value) : undefined;
          if (source.kind !== "call" || handler?.kind !== "function") return;
          const request = detectRequest(source, ctx);
          // Only a client that resolves with error responses hands them to this handler.
          if (request && !request.client.throws) chains.push({ request, handler: handler.fn });
        });
    });
    for (const { request, handler } of chains) {
      const site = handlerRecursion(
        fn,
        selfNames,
        handler,
        (s) => s !== "network",
        () => [request],
        ctx,
        sim,
      );
      if (site) return site;
    }
  }
  return undefined;
}

/** The call that re-enters on the first retried failure's path (a credential refresh path is not a retry). */
export function firstRecursedCall(
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
function recursionBounded(
  fn: FunctionDef,
  call: Call,
  counters: Set<string>,
  partner?: FunctionDef,
): boolean {
  const params = new Set(fn.params.map((p) => p.name).filter((n): n is string => !!n));
  const stepped = steppedParams(fn, params);
  if (partner) for (const name of steppedThrough(fn, call, partner)) counters.add(name);
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
