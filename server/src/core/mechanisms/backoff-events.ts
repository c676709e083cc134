// Over 400 lines: the two shapes of one library (the `ready` handler, `backoff.call`) share recognition, policy and timing.
/**
 * backoff (npm, JS): retries driven by events.
 *
 * Documented API (README and source of backoff 2.5.0): `backoff.fibonacci(options)` and
 * `backoff.exponential(options)` build a `Backoff` (`randomisationFactor` 0 by default, so no
 * jitter; `initialDelay` 100 ms, `maxDelay` 10000 ms, `factor` 2). `.backoff(err)` waits the next
 * delay and emits `ready`, whose handler retries the operation; `.failAfter(n)` caps the backoffs
 * (no cap by default). `backoff.call(fn, args..., callback)` retries a callback-style function
 * every time it calls back with an error, unless `.retryIf(predicate)` says no, waiting by
 * `.setStrategy(...)` (a `FibonacciStrategy` with the defaults above when none is set), until
 * `.failAfter(n)` (no cap by default). Neither reads Retry-After.
 */

import type { Mechanism } from "./mechanism";
import type { CondResult } from "../analysis/conditions";
import type { FileContext } from "../analysis/model";
import { evaluateRetry, makeRetrySite } from "../analysis/retries";
import { ownName, type Outcome, type Simulator } from "../analysis/simulate";
import type { RetrySite, WaitSite } from "../analysis/types";
import type { Call, Expr, FunctionDef, ObjectLit } from "../ir/types";
import { dottedName, unwrap } from "../ir/walk";
import { enclosingFunction } from "../analysis/wait-ceiling";
import { evaluate, isInterval, type Lookup } from "../analysis/evaluate";
import {
  NO_SCOPE,
  attemptBody,
  calleeImportedAs,
  functionOf,
  importedAs,
  optionsObject,
  prop,
  readsRetryAfter,
  span,
} from "./configuration";
import { fixed, fmtMs, option, type Amount, type LibraryNumbers } from "./timing";

const MODULE = /^backoff$/;

/** A strategy as the code builds it: its kind and its options (undefined: options it cannot see). */
export interface BackoffStrategy {
  kind: "fibonacci" | "exponential";
  /** Where the wait is reported (the options, else the factory call). */
  at: Expr;
  options: ObjectLit | undefined;
  /** Options given that the file does not spell out (a parameter, a spread): judge no timing. */
  unseen: boolean;
}

/** What one retry of this library is configured with. */
interface Policy {
  strategy: BackoffStrategy | undefined;
  /** `failAfter(n)`: the expression of n; "none" when never called; undefined when it cannot tell. */
  failAfter: Expr | "none" | undefined;
  retryIf?: FunctionDef;
}

// ---------------------------------------------------------------- recognition

/** `backoff.fibonacci(...)`, `backoff.exponential(...)`, an imported `fibonacci(...)`. */
function factoryKind(call: Call, ctx: FileContext): "fibonacci" | "exponential" | undefined {
  for (const kind of ["fibonacci", "exponential"] as const) {
    if (call.isNew) continue;
    if (moduleMember(call.callee, kind, ctx)) return kind;
  }
  return undefined;
}

/** `m.name` on the module object, or `name` imported from it. */
function moduleMember(callee: Expr, name: string, ctx: FileContext): boolean {
  const x = unwrap(callee);
  if (x.kind === "name") return importedAs(ctx, x.name, MODULE, name);
  if (x.kind !== "member" || x.property !== name || x.object.kind !== "name") return false;
  return importedAs(ctx, x.object.name, MODULE, "*") || importedAs(ctx, x.object.name, MODULE, "default");
}

/** A strategy expression: `new backoff.ExponentialStrategy(opts)`, `new FibonacciStrategy(opts)`. */
function strategyOf(e: Expr | undefined, ctx: FileContext): BackoffStrategy | undefined {
  let x = e ? unwrap(e) : undefined;
  if (x?.kind === "name") {
    const v = ctx.values.get(x.name);
    x = v ? unwrap(v) : undefined;
  }
  if (x?.kind !== "call") return undefined;
  const kind = x.isNew
    ? moduleMember(x.callee, "ExponentialStrategy", ctx)
      ? "exponential"
      : moduleMember(x.callee, "FibonacciStrategy", ctx)
        ? "fibonacci"
        : undefined
    : factoryKind(x, ctx);
  if (!kind) return undefined;
  return withOptions(kind, x, ctx);
}

function withOptions(kind: BackoffStrategy["kind"], call: Call, ctx: FileContext): BackoffStrategy {
  const arg = call.args[0]?.value;
  const options = optionsObject(arg, ctx);
  const unseen =
    (arg !== undefined && options === undefined) || (options?.properties.some((p) => !p.key) ?? false);
  return { kind, at: options ?? call, options, unseen };
}

/**
 * The value a name holds where `at` is: its one assignment in the innermost function around `at`
 * that assigns it (or at module level). `this.x` is the class's: its one assignment.
 */
function valueAt(name: string, at: Expr, ctx: FileContext): Expr | undefined {
  const list = ctx.assignments.get(name) ?? [];
  if (/^(this|self)\./.test(name)) return list.length === 1 ? list[0] : undefined;
  const around = list
    .map((value) => ({ value, fn: enclosingFunction(ctx, value) }))
    .filter(({ fn }) => !fn || (fn.start <= at.start && at.end <= fn.end));
  const depth = Math.max(...around.map(({ fn }) => fn?.start ?? -1));
  const innermost = around.filter(({ fn }) => (fn?.start ?? -1) === depth);
  return innermost.length === 1 ? innermost[0]!.value : undefined;
}

/** The `Backoff` a name holds at `at`: `backoff.fibonacci(...)`, `new backoff.Backoff(strategy)`. */
function instanceOf(
  name: string,
  at: Expr,
  ctx: FileContext,
): { strategy: BackoffStrategy | undefined; made: Call } | undefined {
  const v = valueAt(name, at, ctx);
  const x = v ? unwrap(v) : undefined;
  if (x?.kind !== "call") return undefined;
  if (!x.isNew) {
    const kind = factoryKind(x, ctx);
    return kind ? { strategy: withOptions(kind, x, ctx), made: x } : undefined;
  }
  if (!moduleMember(x.callee, "Backoff", ctx)) return undefined;
  return { strategy: strategyOf(x.args[0]?.value, ctx), made: x };
}

/**
 * The calls of a method on an object: `obj.failAfter(5)` where `obj` is `name`, or chained on the
 * call that made it (`backoff.call(...).retryIf(p).failAfter(3)`).
 */
function methodCalls(ctx: FileContext, target: Target, method: string): Call[] {
  const out: Call[] = [];
  for (const c of ctx.index.calls) {
    if (target.scope && !(target.scope.start <= c.start && c.end <= target.scope.end)) continue;
    const callee = unwrap(c.callee);
    if (callee.kind !== "member" || callee.property !== method) continue;
    let obj = unwrap(callee.object);
    // Through a chain of calls of this object's own methods (they return it).
    while (obj.kind === "call" && !obj.isNew && obj !== target.call) {
      const inner = unwrap(obj.callee);
      if (inner.kind !== "member" || !CHAINED.has(inner.property)) break;
      obj = unwrap(inner.object);
    }
    if ((target.call && obj === target.call) || (target.name && dottedName(obj) === target.name)) out.push(c);
  }
  return out;
}

const CHAINED = new Set(["retryIf", "failAfter", "setStrategy", "on"]);

/** The object configured: held in `name` (a local of `scope`, when not module-level), or the call that made it. */
interface Target {
  name?: string;
  call?: Call;
  scope?: FunctionDef;
}

/** The target for an object made by `made`, held in `name`: a local name is the function's own. */
function targetOf(made: Call, name: string | undefined, ctx: FileContext): Target {
  const scope = name && !/^(this|self)\./.test(name) ? enclosingFunction(ctx, made) : undefined;
  return { call: made, ...(name ? { name } : {}), ...(scope ? { scope } : {}) };
}

/**
 * Whether the object a name holds leaves the file's sight: handed to a call, returned, or stored
 * under another name (`module.exports = b`), where code the analysis cannot read may set its cap.
 */
function escapes(name: string, ctx: FileContext): boolean {
  // The object itself, or inside an object or array literal (`module.exports = { b }`).
  const isIt = (e: Expr): boolean => {
    const x = unwrap(e);
    if (x.kind === "object") return x.properties.some((p) => isIt(p.value));
    if (x.kind === "array") return x.elements.some(isIt);
    return dottedName(x) === name;
  };
  for (const c of ctx.index.calls) if (c.args.some((a) => isIt(a.value))) return true;
  for (const s of ctx.index.stmts) if (s.kind === "return" && s.value && isIt(s.value)) return true;
  for (const list of ctx.assignments.values()) if (list.some(isIt)) return true;
  return false;
}

function failAfterOf(ctx: FileContext, target: Target): Policy["failAfter"] {
  const calls = methodCalls(ctx, target, "failAfter");
  if (calls.length > 0) return calls[0]!.args[0]?.value;
  return target.name && escapes(target.name, ctx) ? undefined : "none";
}

// ---------------------------------------------------------------- the event-driven Backoff

/** `b.on("ready", handler)` on a `Backoff` the file builds: the handler re-sends the request. */
function readyHandlers(ctx: FileContext, sim: Simulator): RetrySite[] {
  const out: RetrySite[] = [];
  for (const call of ctx.index.calls) {
    const callee = unwrap(call.callee);
    if (callee.kind !== "member" || callee.property !== "on") continue;
    const event = call.args[0]?.value;
    if (event?.kind !== "string" || event.value !== "ready") continue;
    const name = dottedName(unwrap(callee.object));
    const instance = name ? instanceOf(name, call, ctx) : undefined;
    const handler = functionOf(call.args[1]?.value, ctx);
    if (!name || !instance || !handler) continue;
    const fn = attemptBody(handler, ctx);
    // A path of the attempt that calls `b.backoff()` waits and comes back through `ready`.
    const selfNames = new Set([`${name}.backoff`, ownName(callee.object) + ".backoff"]);
    const options = { selfNames };
    if (!sim.containsRequest(fn.body, options)) continue;
    const ev = evaluateRetry(
      (s) => sim.run(fn.body, s, options),
      (o) => o.facts.recursed !== undefined,
    );
    if (!ev) continue;
    const policy: Policy = {
      strategy: instance.strategy,
      failAfter: failAfterOf(ctx, targetOf(instance.made, name, ctx)),
    };
    const anchor = firstRetryCall(fn, sim, options) ?? call;
    out.push(
      site(
        { anchor, label: "This backoff `ready` handler", start: call.start, end: call.end, hooks: [fn] },
        policy,
        ev,
        ctx,
        sim,
        fn,
      ),
    );
  }
  return out;
}

/** The `b.backoff()` call a failing path of the attempt reaches first. */
function firstRetryCall(
  fn: FunctionDef,
  sim: Simulator,
  options: { selfNames: Set<string> },
): Call | undefined {
  for (const s of [503, 429, 500, "network"] as const)
    for (const o of sim.run(fn.body, s, options)) if (o.facts.recursed) return o.facts.recursed;
  return undefined;
}

// ---------------------------------------------------------------- backoff.call

/** `backoff.call(fn, args..., callback)`: `fn` calls back with an error to be retried. */
function functionCall(call: Call, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (!calleeImportedAs(ctx, call.callee, MODULE, "call") && !moduleMember(call.callee, "call", ctx))
    return undefined;
  if (call.args.length < 2) return undefined;
  const fn = functionOf(call.args[0]?.value, ctx);
  const done = fn?.params.at(-1)?.name;
  if (!fn || !done) return undefined;
  // The FunctionCall: held in a name, or configured by a chain on the call itself.
  const holder = [...ctx.assignments].find(([, list]) => list.some((v) => unwrap(v) === call))?.[0];
  const target = targetOf(call, holder, ctx);
  const retryIfCalls = methodCalls(ctx, target, "retryIf");
  const retryIf = retryIfCalls.length > 0 ? functionOf(retryIfCalls[0]!.args[0]?.value, ctx) : undefined;
  // A predicate it cannot read decides which errors are retried: nothing to judge.
  if (retryIfCalls.length > 0 && !retryIf) return undefined;
  const strategyCalls = methodCalls(ctx, target, "setStrategy");
  const strategy: BackoffStrategy | undefined =
    strategyCalls.length > 0
      ? strategyOf(strategyCalls[0]!.args[0]?.value, ctx)
      : { kind: "fibonacci", at: call.callee, options: undefined, unseen: false };
  // Calling back with an error is the failure the library retries: `done(err)`, `done(new Error(...))`.
  const options = { selfNames: new Set([done]) };
  if (!sim.containsRequest(fn.body, options)) return undefined;
  const failed = (o: Outcome): boolean => {
    const first = o.facts.recursed?.args[0]?.value;
    if (!first) return false;
    const x = unwrap(first);
    return x.kind !== "null" && !(x.kind === "name" && x.name === "undefined");
  };
  const ev = evaluateRetry(
    (s) =>
      sim.run(fn.body, s, options).map((o): Outcome => {
        if (!failed(o)) return o.kind === "continue" ? { ...o, kind: "return" } : o;
        const r: CondResult | undefined = retryIf ? sim.cond.evalFunction(retryIf, s) : undefined;
        if (r?.value === false) return { ...o, kind: "return" };
        return {
          kind: "continue",
          facts: r
            ? { ...o.facts, refs: [...o.facts.refs, ...r.refs], decided: o.facts.decided || r.decided }
            : o.facts,
        };
      }),
    (o) => o.kind === "continue",
  );
  if (!ev) return undefined;
  const policy: Policy = {
    strategy,
    failAfter: failAfterOf(ctx, target),
    ...(retryIf ? { retryIf } : {}),
  };
  return site(
    {
      anchor: span(call.callee),
      label: "This `backoff.call`",
      start: call.start,
      end: call.end,
      hooks: [fn, ...(retryIf ? [retryIf] : [])],
    },
    policy,
    ev,
    ctx,
    sim,
    fn,
  );
}

// ---------------------------------------------------------------- the site

function site(
  at: {
    anchor: { start: number; end: number };
    label: string;
    start: number;
    end: number;
    hooks: FunctionDef[];
  },
  policy: Policy,
  ev: NonNullable<ReturnType<typeof evaluateRetry>>,
  ctx: FileContext,
  sim: Simulator,
  fn: FunctionDef,
): RetrySite {
  const cap = policy.failAfter;
  const s = makeRetrySite(
    {
      mechanism: "helper",
      library: "backoff",
      anchor: span(at.anchor),
      label: at.label,
      bounded: cap === "none" ? false : cap === undefined ? undefined : true,
      start: at.start,
      end: at.end,
      calls: new Set(fn.name ? [fn.name] : []),
      mechanismName: "backoff",
    },
    { ...ev, waits: [], rateLimitWaits: [], waitsNothing: false },
    ctx,
    NO_SCOPE,
    sim.requestsIn(fn.body),
  );
  s.waitsNothing = false;
  const capped = cap && cap !== "none" ? unwrap(cap) : undefined;
  if (capped?.kind === "number") s.attempts = capped.value + 1;
  const strategy = policy.strategy;
  if (!strategy) return s;
  s.eventBackoff = {
    kind: strategy.kind,
    ...(strategy.options ? { options: span(strategy.options) } : {}),
    unseen: strategy.unseen,
    ...(cap === "none" ? { failAfter: "none" as const } : cap ? { failAfter: span(cap) } : {}),
  };
  // `randomisationFactor` (0 by default) is the only source of randomness; one it cannot read may add some.
  const factor = prop(strategy.options, "randomisationFactor")?.value;
  const f = factor ? unwrap(factor) : undefined;
  const jitter = strategy.unseen || (f !== undefined && !(f.kind === "number" && f.value === 0));
  const wait: WaitSite = {
    kind: "wait",
    start: strategy.at.start,
    end: strategy.at.end,
    grows: true,
    exponential: strategy.kind === "exponential" && !strategy.unseen,
    jitter,
    readsRetryAfter: false,
  };
  s.waits = [wait];
  // The library's delay never reads Retry-After: a named 429/503 waits it unless the attempt reads the header.
  const explicitRateLimit = s.retriedRefs.some(
    (r) => r.status === 429 || r.status === 503 || (r.status >= 500 && r.via !== "literal"),
  );
  if (explicitRateLimit && !at.hooks.some(readsRetryAfter)) s.rateLimitWaits = [wait];
  return s;
}

export const backoffEvents: Mechanism = {
  library: "backoff",
  languages: ["javascript"],
  call: functionCall,
  file: readyHandlers,
};

// ---------------------------------------------------------------- timing, for the report

/**
 * The numbers of a backoff (npm) retry: Fibonacci (d, d, 2d, 3d, 5d, ...) or exponential
 * (d × factor^(n − 1)) from `initialDelay` (100 ms) up to `maxDelay` (10 s), then multiplied by
 * a random [1, 1 + randomisationFactor]; `failAfter(n)` backoffs at most (n + 1 attempts).
 */
export function backoffEventNumbers(
  strategy: Pick<BackoffStrategy, "kind" | "options" | "unseen"> | undefined,
  failAfter: Expr | "none" | undefined,
  constant: Lookup,
): LibraryNumbers {
  const unknowns: string[] = [];
  let attempts: Amount = "unknown";
  if (failAfter === "none") attempts = "unbounded";
  else if (failAfter) {
    const n = evaluate(unwrap(failAfter), constant);
    if (isInterval(n) && n.lo === n.hi) attempts = n.lo + 1;
  }
  if (attempts === "unknown") unknowns.push("a `failAfter` cap it cannot compute");
  if (!strategy || strategy.unseen) {
    unknowns.push("a strategy or options it cannot see");
    return {
      attempts,
      wait: "unknown",
      formula: "unknown",
      kind: "unknown",
      jitter: "unknown",
      retryAfter: { honoured: false },
      source: "library-config",
      unknowns,
    };
  }
  const o = strategy.options;
  const initial = option(undefined, o, ["initialDelay"], 100, constant).value;
  const max = option(undefined, o, ["maxDelay"], 10_000, constant).value;
  const factor = option(undefined, o, ["factor"], 2, constant).value;
  const random = option(undefined, o, ["randomisationFactor"], 0, constant).value;
  const known = [initial, max, factor, random].every((v) => typeof v === "number");
  if (!known) unknowns.push("backoff options it cannot compute");
  const [d, mx, f, r] = [initial, max, factor, random] as number[];
  const base = (n: number): number =>
    Math.min(mx!, strategy.kind === "exponential" ? d! * f! ** (n - 1) : d! * fibonacci(n));
  const core =
    strategy.kind === "exponential" ? `${fmtMs(d!)} × ${f}^(n − 1)` : `${fmtMs(d!)} × fibonacci(n)`;
  return {
    attempts,
    wait: known
      ? (n) => {
          const v = base(n);
          return r ? { minMs: v, maxMs: Math.round(v * (1 + r!)) } : fixed(v);
        }
      : "unknown",
    formula: known ? `min(${fmtMs(mx!)}, ${core})${r ? ` × random[1, ${1 + r!}]` : ""}` : "unknown",
    kind: strategy.kind === "exponential" ? "exponential" : "linear",
    jitter: known ? r! > 0 : "unknown",
    retryAfter: { honoured: false },
    source: o || attempts !== "unbounded" ? "library-config" : "library-default",
    unknowns,
  };
}

function fibonacci(n: number): number {
  let a = 1;
  let b = 1;
  for (let i = 1; i < n; i++) [a, b] = [b, a + b];
  return a;
}
