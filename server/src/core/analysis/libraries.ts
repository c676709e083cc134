/**
 * Retry libraries and their documented defaults (SPEC 3c): tenacity and
 * backoff decorators, p-retry and async-retry calls, axios-retry, got/ky
 * `retry` options, urllib3 `Retry`, and status-list keys such as
 * `retry_on_status` / `retryOnStatus`.
 */

import type { Arg, Call, Expr, FunctionDef, ObjectLit, Property } from "../ir/types";
import { calleeName, dottedName, stmtExprs, unwrap, walkExpr, walkStmts } from "../ir/walk";
import type { CondResult, Scenario } from "./conditions";
import { literalRef } from "./conditions";
import { clientAt, type FileContext } from "./context";
import { evaluateRetry, makeRetrySite, requestSite } from "./extract";
import { FAILURES, NON_RETRYABLE_PROBES, RETRY_STATUS_LIST_KEYS } from "./knowledge";
import { detectRequest, type RequestInfo } from "./requests";
import type { Outcome, Simulator } from "./simulate";
import type { Failure, RetrySite, StatusRef, WaitSite } from "./types";
import { exprFeatures, mergeFeatures, noFeatures } from "./waits";

const NO_SCOPE = { counters: new Set<string>(), growing: new Set<string>() };

export function findLibraryRetries(ctx: FileContext, sim: Simulator): RetrySite[] {
  const out: RetrySite[] = [];
  for (const fn of ctx.allFunctions) {
    for (const d of fn.decorators) {
      const site =
        ctx.language.family === "python"
          ? (tenacityDecorator(d, fn, ctx, sim) ?? backoffDecorator(d, fn, ctx, sim))
          : undefined;
      if (site) out.push(site);
    }
  }
  const calls = ctx.index.calls;
  for (const call of calls) {
    const site =
      pRetryCall(call, ctx, sim) ??
      asyncRetryCall(call, ctx, sim) ??
      axiosRetryCall(call, ctx, sim) ??
      urllib3Retry(call, ctx) ??
      gotKyOptions(call, ctx);
    if (site) out.push(site);
  }
  out.push(...statusListKeys(calls, ctx));
  out.push(...tenacityRetryingLoops(ctx, sim));
  out.push(...sdkConfiguredRetries(calls, ctx));
  return out;
}

/**
 * An SDK client built with explicit retries (`retry_on_status=[...]`, `maxRetries: 3`) re-sends
 * what it creates: its POST/PATCH calls need idempotency keys.
 */
function sdkConfiguredRetries(calls: Call[], ctx: FileContext): RetrySite[] {
  const byClient = new Map<number, RetrySite>();
  for (const call of calls) {
    const req = detectRequest(call, ctx);
    const at = req?.client.configuredAt;
    if (!req || !at || (req.method !== "POST" && req.method !== "PATCH")) continue;
    let site = byClient.get(at.start);
    if (!site) {
      site = configSite(
        { anchor: at, label: "This SDK client", start: at.start, end: at.end },
        new Set(req.client.retries ?? []),
        [],
      );
      byClient.set(at.start, site);
    }
    site.requests.push(requestSite(req));
  }
  return [...byClient.values()];
}

// ---------------------------------------------------------------- helpers

function importedAs(ctx: FileContext, local: string, module: RegExp, imported?: string): boolean {
  const imp = ctx.imports.get(local);
  return (
    imp !== undefined &&
    module.test(imp.module) &&
    (imported === undefined || imp.imported === imported || imp.imported === "*")
  );
}

function kwarg(call: Call, name: string): Expr | undefined {
  return call.args.find((a) => a.name === name)?.value;
}

function prop(obj: ObjectLit | undefined, name: string): Property | undefined {
  return obj?.properties.find((p) => p.key === name);
}

function functionOf(e: Expr | undefined, ctx: FileContext): FunctionDef | undefined {
  if (!e) return undefined;
  const x = unwrap(e);
  if (x.kind === "function") return x.fn;
  if (
    x.kind === "member" &&
    x.object.kind === "name" &&
    (x.object.name === "this" || x.object.name === "self")
  ) {
    const fns = ctx.functions.get(x.property);
    return fns && fns.length === 1 ? fns[0] : undefined;
  }
  if (x.kind === "name") {
    const fns = ctx.functions.get(x.name);
    return fns && fns.length === 1 ? fns[0] : undefined;
  }
  return undefined;
}

function isInfinite(e: Expr | undefined): boolean {
  if (!e) return false;
  const x = unwrap(e);
  return (
    (x.kind === "name" && (x.name === "Infinity" || x.name === "inf")) ||
    (x.kind === "member" && dottedName(x) === "Number.POSITIVE_INFINITY") ||
    (x.kind === "call" &&
      calleeName(x.callee) === "float" &&
      x.args[0]?.value.kind === "string" &&
      /inf/.test(x.args[0].value.value))
  );
}

function span(e: { start: number; end: number }): { start: number; end: number } {
  return { start: e.start, end: e.end };
}

/** A retry configured by a list of statuses (no code to simulate). */
function configSite(
  base: Pick<RetrySite, "anchor" | "label" | "start" | "end"> & Partial<RetrySite>,
  retried: Set<Failure>,
  refs: StatusRef[],
): RetrySite {
  return {
    kind: "retry",
    mechanism: "config",
    retriedRefs: refs,
    retried,
    blind: false,
    bounded: true,
    waitsNothing: false,
    waits: [],
    rateLimitWaits: [],
    requests: [],
    libraryHonoursRetryAfter: true,
    ...base,
  };
}

/** Retried failures of an attempt function: it fails (throws), and the filter lets it retry. */
function attemptEvaluation(
  body: FunctionDef,
  sim: Simulator,
  filter: (s: Scenario, o: Outcome) => CondResult | undefined,
  abortCalls?: ReadonlySet<string>,
  onResult?: (s: Scenario) => CondResult | undefined,
): ReturnType<typeof evaluateRetry> {
  const options = abortCalls ? { abortCalls } : {};
  if (!sim.containsRequest(body.body, options)) return undefined;
  return evaluateRetry(
    (s) =>
      sim.run(body.body, s, options).map((o) => {
        if (o.kind === "return" || o.kind === "normal") {
          // tenacity `retry_if_result(...)`: a returned response can be retried too.
          const r = onResult?.(s);
          if (!r || r.value === false) return o;
          return {
            kind: "continue" as const,
            facts: { ...o.facts, refs: [...o.facts.refs, ...r.refs], decided: true },
          };
        }
        if (o.kind !== "throw") return o;
        const f = filter(s, o);
        if (!f) return { ...o, kind: "continue" as const };
        if (f.value === false) return o;
        return {
          kind: "continue" as const,
          facts: { ...o.facts, refs: [...o.facts.refs, ...f.refs], decided: o.facts.decided || f.decided },
        };
      }),
    (o) => o.kind === "continue",
  );
}

// ---------------------------------------------------------------- tenacity

function tenacityDecorator(
  d: Expr,
  fn: FunctionDef,
  ctx: FileContext,
  sim: Simulator,
): RetrySite | undefined {
  const call = d.kind === "call" ? d : undefined;
  const callee = call ? call.callee : d;
  const dotted = dottedName(callee);
  if (!dotted) return undefined;
  const isTenacity =
    dotted === "tenacity.retry" || (dotted === "retry" && importedAs(ctx, "retry", /^tenacity$/));
  if (!isTenacity) return undefined;
  return tenacitySite(call, d, fn, "`@retry` with no `retry=` condition", ctx, sim);
}

/**
 * `for attempt in Retrying(...): with attempt: ...` (also `AsyncRetrying`, and a
 * `Retrying` object kept in a variable): the loop body is the attempt.
 */
function tenacityRetryingLoops(ctx: FileContext, sim: Simulator): RetrySite[] {
  if (ctx.language.family !== "python") return [];
  const out: RetrySite[] = [];
  for (const loop of ctx.index.loops) {
    if (loop.loop !== "for-in" || !loop.iterates) continue;
    let it = unwrap(loop.iterates);
    if (it.kind === "name") it = unwrap(ctx.values.get(it.name) ?? it);
    if (it.kind !== "call") continue;
    const name = dottedName(it.callee) ?? "";
    const local = name.split(".").pop()!;
    const isRetrying =
      (local === "Retrying" || local === "AsyncRetrying") &&
      (name.startsWith("tenacity.") || importedAs(ctx, local, /^tenacity$/));
    if (!isRetrying) continue;
    const attempt: FunctionDef = {
      start: loop.start,
      end: loop.end,
      params: [],
      body: loop.body,
      isAsync: false,
      decorators: [],
      head: loop.keyword,
    };
    const site = tenacitySite(
      it,
      it,
      attempt,
      "This tenacity `Retrying` loop with no `retry=` condition",
      ctx,
      sim,
    );
    if (site) out.push(site);
  }
  return out;
}

/** A tenacity retry (decorator or `Retrying` object) configured by `call`'s keywords. */
function tenacitySite(
  call: Call | undefined,
  anchor: Expr,
  fn: FunctionDef,
  label: string,
  ctx: FileContext,
  sim: Simulator,
): RetrySite | undefined {
  const d = anchor;
  const retryCond = call ? kwarg(call, "retry") : undefined;
  const resultPredicate = retryCond ? resultPredicateOf(retryCond, ctx) : undefined;
  const ev = attemptEvaluation(
    fn,
    sim,
    (s) => (retryCond ? tenacityCondition(retryCond, s, ctx, sim) : undefined),
    undefined,
    resultPredicate ? (s) => sim.cond.evalFunction(resultPredicate, s) : undefined,
  );
  if (!ev) return undefined;
  const stop = call ? kwarg(call, "stop") : undefined;
  const wait = call ? kwarg(call, "wait") : undefined;
  const waitSite = wait ? tenacityWait(wait, ctx) : undefined;
  const site = makeRetrySite(
    {
      mechanism: "decorator",
      library: "tenacity",
      anchor: span(d),
      label,
      bounded:
        stop !== undefined && !(unwrap(stop).kind === "name" && dottedName(stop)?.endsWith("stop_never")),
      start: fn.start,
      end: fn.end,
      calls: new Set(fn.name ? [fn.name] : []),
    },
    { ...ev, waits: [], rateLimitWaits: [], waitsNothing: false },
    ctx,
    NO_SCOPE,
    sim.requestsIn(fn.body),
  );
  site.blind = ev.blind && retryCond === undefined;
  applyLibraryWait(site, waitSite, wait === undefined || isNamed(wait, "wait_none"));
  return site;
}

/** The predicate of `retry_if_result(pred)` (alone or inside `|`), when it is a lambda or a function of the file. */
function resultPredicateOf(e: Expr, ctx: FileContext): FunctionDef | undefined {
  const x = unwrap(e);
  if (x.kind === "binary" && x.op === "|")
    return resultPredicateOf(x.left, ctx) ?? resultPredicateOf(x.right, ctx);
  if (x.kind === "call" && calleeName(x.callee) === "retry_if_result")
    return functionOf(x.args[0]?.value, ctx);
  return undefined;
}

function isNamed(e: Expr, name: string): boolean {
  const x = unwrap(e);
  const d = dottedName(x.kind === "call" ? x.callee : x);
  return d === name || (d?.endsWith("." + name) ?? false);
}

function applyLibraryWait(site: RetrySite, waitSite: WaitSite | undefined, none: boolean): void {
  if (none) {
    site.waitsNothing = true;
    return;
  }
  if (!waitSite) return;
  site.waits = [waitSite];
  // tenacity's and backoff's waits are computed by the code's own choice of strategy, which never reads
  // Retry-After: a named 429/503 retried with one of them fires ignores-retry-after on the wait option.
  const explicitRateLimit = site.retriedRefs.some(
    (r) => r.status === 429 || r.status === 503 || (r.status >= 500 && r.via !== "literal"),
  );
  site.rateLimitWaits = explicitRateLimit ? [waitSite] : [];
}

function tenacityCondition(e: Expr, s: Scenario, ctx: FileContext, sim: Simulator): CondResult {
  const x = unwrap(e);
  if (x.kind === "binary" && (x.op === "|" || x.op === "&")) {
    const a = tenacityCondition(x.left, s, ctx, sim);
    const b = tenacityCondition(x.right, s, ctx, sim);
    const or = x.op === "|";
    const value = or
      ? a.value === true || b.value === true
        ? true
        : a.value === false && b.value === false
          ? false
          : undefined
      : a.value === false || b.value === false
        ? false
        : a.value === true && b.value === true
          ? true
          : undefined;
    return { value, refs: [...a.refs, ...b.refs], decided: a.decided || b.decided };
  }
  if (x.kind !== "call") return { value: true, refs: [], decided: true };
  const name = calleeName(x.callee) ?? "";
  const args = x.args.filter((a) => !a.name).map((a) => a.value);
  switch (name) {
    case "retry_if_exception_type":
      return args.length === 0 ? { value: true, refs: [], decided: false } : sim.cond.classTest(args, s);
    case "retry_if_not_exception_type": {
      const r = sim.cond.classTest(args, s);
      return { value: r.value === undefined ? undefined : !r.value, refs: [], decided: r.decided };
    }
    case "retry_if_exception": {
      const pred = functionOf(args[0], ctx);
      return pred ? sim.cond.evalFunction(pred, s) : { value: true, refs: [], decided: true };
    }
    case "retry_any":
    case "retry_all": {
      const parts = args.map((a) => tenacityCondition(a, s, ctx, sim));
      const any = name === "retry_any";
      const value = any
        ? parts.some((p) => p.value === true)
          ? true
          : parts.every((p) => p.value === false)
            ? false
            : undefined
        : parts.some((p) => p.value === false)
          ? false
          : parts.every((p) => p.value === true)
            ? true
            : undefined;
      return { value, refs: parts.flatMap((p) => p.refs), decided: parts.some((p) => p.decided) };
    }
    case "retry_if_result":
    case "retry_never":
      return { value: false, refs: [], decided: true };
    case "retry_always":
      return { value: true, refs: [], decided: false };
    default:
      return { value: true, refs: [], decided: true };
  }
}

function isSameFileFunction(e: Expr, ctx: FileContext): boolean {
  return functionOf(e, ctx) !== undefined;
}

/** What a wait function of this file computes: everything it returns or assigns. */
function bodyFeatures(fn: FunctionDef, ctx: FileContext): ReturnType<typeof exprFeatures> {
  let f = noFeatures();
  walkStmts(fn.body, (s) => {
    for (const e of stmtExprs(s)) f = mergeFeatures(f, exprFeatures(e, ctx, NO_SCOPE, 1));
  });
  return f;
}

function tenacityWait(e: Expr, ctx: FileContext): WaitSite {
  const names: string[] = [];
  walkExpr(e, (x) => {
    if (x.kind === "call") names.push(calleeName(x.callee) ?? "");
    if (x.kind === "name" || x.kind === "member") names.push(calleeName(x) ?? "");
  });
  const has = (re: RegExp): boolean => names.some((n) => re.test(n));
  const custom = !has(/^wait_/) || isSameFileFunction(e, ctx);
  const own = functionOf(e, ctx);
  const customFeatures = own
    ? bodyFeatures(own, ctx)
    : custom
      ? exprFeatures(e, ctx, NO_SCOPE, 0)
      : undefined;
  return {
    kind: "wait",
    start: e.start,
    end: e.end,
    exponential: has(/^wait_(exponential|random_exponential|exponential_jitter)$/),
    grows:
      custom ||
      has(/^wait_(exponential|random_exponential|exponential_jitter|incrementing|chain|random|full_jitter)$/),
    jitter: custom || has(/^wait_(random|random_exponential|exponential_jitter|full_jitter)$/),
    readsRetryAfter: customFeatures?.readsRetryAfter ?? false,
  };
}

// ---------------------------------------------------------------- backoff

function backoffDecorator(d: Expr, fn: FunctionDef, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (d.kind !== "call") return undefined;
  const dotted = dottedName(d.callee) ?? "";
  const isBackoff =
    dotted === "backoff.on_exception" ||
    (dotted === "on_exception" && importedAs(ctx, "on_exception", /^backoff$/));
  if (!isBackoff) return undefined;
  const positional = d.args.filter((a) => !a.name).map((a) => a.value);
  const gen = positional[0];
  const exc = positional[1];
  const giveup = functionOf(kwarg(d, "giveup"), ctx);
  const ev = attemptEvaluation(fn, sim, (s) => {
    const match = exc ? sim.cond.classTest([exc], s) : { value: true, refs: [], decided: false };
    if (match.value === false || !giveup) return match;
    const g = sim.cond.evalFunction(giveup, s);
    if (g.value === true) return { value: false, refs: [], decided: true };
    // Not giving up on a status the predicate names is retrying it.
    return { value: match.value, refs: [...match.refs, ...(g.falseRefs ?? [])], decided: true };
  });
  if (!ev) return undefined;
  const maxTries = kwarg(d, "max_tries");
  const maxTime = kwarg(d, "max_time");
  const isNone = (e: Expr | undefined): boolean => e === undefined || unwrap(e).kind === "null";
  const site = makeRetrySite(
    {
      mechanism: "decorator",
      library: "backoff",
      anchor: span(d),
      label: "`@backoff.on_exception` on every exception",
      bounded: !(isNone(maxTries) && isNone(maxTime)),
      start: fn.start,
      end: fn.end,
      calls: new Set(fn.name ? [fn.name] : []),
    },
    { ...ev, waits: [], rateLimitWaits: [], waitsNothing: false },
    ctx,
    NO_SCOPE,
    sim.requestsIn(fn.body),
  );
  site.blind = ev.blind && !giveup;
  if (gen) {
    const genName = calleeName(unwrap(gen)) ?? "";
    const jitterArg = d.args.find((a) => a.name === "jitter");
    const jitter = jitterArg ? unwrap(jitterArg.value).kind !== "null" : true;
    const runtime = genName === "runtime";
    const value = kwarg(d, "value");
    const waitSite: WaitSite = {
      kind: "wait",
      start: gen.start,
      end: gen.end,
      exponential: genName === "expo",
      grows: genName === "expo" || genName === "fibo" || runtime,
      jitter,
      readsRetryAfter:
        runtime && value !== undefined && exprFeatures(value, ctx, NO_SCOPE, 0).readsRetryAfter,
    };
    applyLibraryWait(site, waitSite, false);
  }
  return site;
}

// ---------------------------------------------------------------- p-retry, async-retry

/**
 * The code an attempt runs: `() => fetchStock(w)` runs `fetchStock`'s body (a
 * same-file function), so its requests and its `AbortError`s are seen.
 */
function attemptBody(fn: FunctionDef, ctx: FileContext): FunctionDef {
  if (fn.body.length !== 1) return fn;
  const only = fn.body[0]!;
  const value = only.kind === "return" ? only.value : only.kind === "expr" ? only.expr : undefined;
  const call = value ? unwrap(value) : undefined;
  if (call?.kind !== "call" || call.isNew) return fn;
  const target = functionOf(call.callee, ctx);
  return target && target !== fn ? target : fn;
}

function pRetryCall(call: Call, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (call.callee.kind !== "name") return undefined;
  const local = call.callee.name;
  if (!importedAs(ctx, local, /^p-retry$/, "default") && !(local === "pRetry" && !ctx.imports.has(local)))
    return undefined;
  const given = functionOf(call.args[0]?.value, ctx);
  if (!given) return undefined;
  const fn = attemptBody(given, ctx);
  const options = call.args[1]?.value.kind === "object" ? call.args[1].value : undefined;
  const shouldRetry = functionOf(prop(options, "shouldRetry")?.value, ctx);
  const onFailed = functionOf(prop(options, "onFailedAttempt")?.value, ctx);
  const ev = attemptEvaluation(fn, sim, (s) => {
    if (shouldRetry) {
      const r = sim.cond.evalFunction(shouldRetry, s);
      if (r.value === false) return r;
      if (onFailed && sim.run(onFailed.body, s).every((o) => o.kind === "throw" || o.kind === "abort"))
        return { value: false, refs: [], decided: true };
      return { ...r, decided: true };
    }
    if (onFailed) {
      const outs = sim.run(onFailed.body, s);
      if (outs.every((o) => o.kind === "throw" || o.kind === "abort"))
        return { value: false, refs: [], decided: true };
      const decided = outs.some((o) => o.facts.decided);
      return { value: true, refs: outs.flatMap((o) => o.facts.refs), decided };
    }
    return undefined;
  });
  if (!ev) return undefined;
  return librarySite("p-retry", "This p-retry call", call, ev, options, ctx, sim, fn);
}

function asyncRetryCall(call: Call, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (call.callee.kind !== "name") return undefined;
  if (!importedAs(ctx, call.callee.name, /^async-retry$/, "default")) return undefined;
  const fn = functionOf(call.args[0]?.value, ctx);
  if (!fn) return undefined;
  const bail = fn.params[0]?.name;
  const options = call.args[1]?.value.kind === "object" ? call.args[1].value : undefined;
  const ev = attemptEvaluation(fn, sim, () => undefined, bail ? new Set([bail]) : undefined);
  if (!ev) return undefined;
  return librarySite("async-retry", "This async-retry call", call, ev, options, ctx, sim, fn);
}

function librarySite(
  library: string,
  label: string,
  call: Call,
  ev: NonNullable<ReturnType<typeof evaluateRetry>>,
  options: ObjectLit | undefined,
  ctx: FileContext,
  sim: Simulator,
  fn: FunctionDef,
): RetrySite {
  const retries = prop(options, "retries")?.value;
  const forever = prop(options, "forever")?.value;
  const unbounded =
    isInfinite(retries) ||
    (forever !== undefined &&
      unwrap(forever).kind === "bool" &&
      (unwrap(forever) as { value: boolean }).value);
  const site = makeRetrySite(
    {
      mechanism: "helper",
      library,
      anchor: span(call.callee),
      label,
      bounded: !unbounded,
      start: call.start,
      end: call.end,
      calls: calledIn(fn),
    },
    { ...ev, waits: [], rateLimitWaits: [], waitsNothing: false },
    ctx,
    NO_SCOPE,
    sim.requestsIn(fn.body),
  );
  // Both libraries back off exponentially by default; p-retry adds no randomness unless `randomize: true`.
  site.waitsNothing = false;
  if (library === "p-retry") {
    const randomize = prop(options, "randomize")?.value;
    const factor = prop(options, "factor")?.value;
    const exponential = !(
      factor &&
      unwrap(factor).kind === "number" &&
      (unwrap(factor) as { value: number }).value === 1
    );
    const jitter =
      randomize !== undefined &&
      !(unwrap(randomize).kind === "bool" && !(unwrap(randomize) as { value: boolean }).value);
    const at = options ?? call.callee;
    site.waits = [
      {
        kind: "wait",
        start: at.start,
        end: at.end,
        grows: true,
        exponential,
        jitter,
        readsRetryAfter: false,
      },
    ];
  }
  return site;
}

function calledIn(fn: FunctionDef): Set<string> {
  const out = new Set<string>();
  walkStmts(fn.body, (s) => {
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => {
        if (x.kind === "call") {
          const n = calleeName(x.callee);
          if (n) out.add(n);
        }
      });
  });
  return out;
}

// ---------------------------------------------------------------- axios-retry

function axiosRetryCall(call: Call, ctx: FileContext, sim: Simulator): RetrySite | undefined {
  if (call.callee.kind !== "name" || !importedAs(ctx, call.callee.name, /^axios-retry$/, "default"))
    return undefined;
  const local = call.callee.name;
  const options = call.args[1]?.value.kind === "object" ? call.args[1].value : undefined;
  const condition = prop(options, "retryCondition")?.value;
  const conditionFn = functionOf(condition, ctx);
  const retried = new Set<Failure>();
  const refs = new Map<number, StatusRef>();
  const unchecked = new Set<Failure>();
  for (const f of FAILURES) {
    if (!conditionFn) {
      if (f === "network" || (typeof f === "number" && f >= 500)) retried.add(f);
      continue;
    }
    const r = sim.cond.evalFunction(conditionFn, f);
    if (r.value === false) continue;
    retried.add(f);
    for (const ref of r.refs) refs.set(ref.start, ref);
    if (!r.decided && !r.refs.some((x) => x.status === f || x.via === "range")) unchecked.add(f);
  }
  const delay = prop(options, "retryDelay")?.value;
  const retriesValue = prop(options, "retries")?.value;
  const site = configSite(
    {
      anchor: span(call.callee),
      label: "This axios-retry configuration",
      start: call.start,
      end: call.end,
      library: "axios-retry",
      mechanism: "config",
    },
    retried,
    [...refs.values()].filter((r) => retried.has(r.status) || r.via === "range"),
  );
  site.bounded = !isInfinite(retriesValue);
  site.blind = NON_RETRYABLE_PROBES.every((s) => retried.has(s) && unchecked.has(s));
  if (
    retriesValue &&
    unwrap(retriesValue).kind === "number" &&
    (unwrap(retriesValue) as { value: number }).value === 0
  )
    return undefined;
  if (!delay) {
    site.waitsNothing = true;
  } else {
    const dotted = dottedName(unwrap(delay)) ?? "";
    if (dotted === `${local}.exponentialDelay` || dotted === "exponentialDelay") {
      site.waits = [
        {
          kind: "wait",
          start: delay.start,
          end: delay.end,
          grows: true,
          exponential: true,
          jitter: true,
          readsRetryAfter: false,
        },
      ];
    } else {
      const fn = functionOf(delay, ctx);
      if (fn) {
        const counter = fn.params[0]?.name;
        let features = noFeatures();
        const scope = { counters: new Set(counter ? [counter] : []), growing: new Set<string>() };
        walkStmts(fn.body, (s) => {
          if (s.kind === "return" && s.value)
            features = mergeFeatures(features, exprFeatures(s.value, ctx, scope, 0));
        });
        site.waits = [
          {
            kind: "wait",
            start: delay.start,
            end: delay.end,
            grows: features.grows || features.opaque,
            exponential: features.exponential,
            jitter: features.jitter || features.opaque,
            readsRetryAfter: features.readsRetryAfter,
          },
        ];
      }
    }
  }
  return site;
}

// ---------------------------------------------------------------- urllib3 Retry

function urllib3Retry(call: Call, ctx: FileContext): RetrySite | undefined {
  if (ctx.language.family !== "python") return undefined;
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
  if (forcelist) {
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

/**
 * The statuses of a list literal, followed through names. `removable`: the library's use of
 * the list is one the behavioural tests model (urllib3's `status_forcelist`, got's
 * `retry.statusCodes`), so a literal written right there gets removal edits.
 */
function listOfNumbers(e: Expr, ctx: FileContext, removable = false): StatusRef[] | undefined {
  const direct = unwrap(e).kind === "array";
  let x = unwrap(e);
  for (let i = 0; i < 4 && x.kind === "name"; i++) {
    const v = ctx.values.get(x.name);
    if (!v) return undefined;
    x = unwrap(v);
  }
  if (x.kind === "call" && x.args[0]) x = unwrap(x.args[0].value);
  if (x.kind !== "array") return undefined;
  const list = removable && direct ? x : undefined;
  return x.elements
    .filter((el) => el.kind === "number")
    .map((el) => literalRef((el as { value: number }).value, el, list));
}

/** Requests in the file, without an idempotency key, that `accept` links to a retry configuration. */
function linkedRequests(
  ctx: FileContext,
  accept: (req: RequestInfo, call: Call) => boolean,
): RetrySite["requests"] {
  const out: RetrySite["requests"] = [];
  for (const call of ctx.index.calls) {
    const req = detectRequest(call, ctx);
    if (!req || (req.method !== "POST" && req.method !== "PATCH")) continue;
    if (accept(req, call)) out.push(requestSite(req));
  }
  return out;
}

/** Synthetic request sites for non-idempotent methods listed in a retry config. */
function methodRequests(methods: Expr, _fallback: string): RetrySite["requests"] {
  const x = unwrap(methods);
  const out: RetrySite["requests"] = [];
  const add = (at: Expr, method: string): void => {
    const info: RequestInfo = {
      client: { kind: "generic", throws: false },
      method,
      idempotencyKey: false,
      callee: span(at),
      span: span(at),
    };
    out.push(requestSite(info));
  };
  if (x.kind === "null" || (x.kind === "bool" && !x.value)) {
    add(x, "POST");
    return out;
  }
  const list = x.kind === "call" && x.args[0] ? unwrap(x.args[0].value) : x;
  if (list.kind !== "array") return out;
  for (const el of list.elements) {
    if (el.kind === "string" && (el.value.toUpperCase() === "POST" || el.value.toUpperCase() === "PATCH"))
      add(el, el.value.toUpperCase());
  }
  return out;
}

// ---------------------------------------------------------------- got / ky

function gotKyOptions(call: Call, ctx: FileContext): RetrySite | undefined {
  if (ctx.language.family === "python") return undefined;
  const dotted = dottedName(call.callee) ?? "";
  const root = dotted.split(".")[0]!;
  const mod = ctx.imports.get(root)?.module;
  const lib =
    root === "got" || mod === "got"
      ? "got"
      : root === "ky" || mod === "ky"
        ? "ky"
        : clientAt(ctx, root, call.start)?.kind;
  if (lib !== "got" && lib !== "ky") return undefined;
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
    for (const s of [408, 429, 500, 502, 503, 504]) retried.add(s);
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

// ---------------------------------------------------------------- status-list keys

function statusListKeys(calls: Call[], ctx: FileContext): RetrySite[] {
  const out: RetrySite[] = [];
  const seen = new Set<number>();
  const consider = (
    key: string,
    keySpan: { start: number; end: number },
    value: Expr,
    whole: { start: number; end: number },
  ): void => {
    if (!RETRY_STATUS_LIST_KEYS.has(key) || seen.has(keySpan.start)) return;
    const refs = listOfNumbers(value, ctx);
    if (!refs || refs.length === 0) return;
    seen.add(keySpan.start);
    out.push(
      configSite(
        { anchor: keySpan, label: "This retry configuration", start: whole.start, end: whole.end },
        new Set<Failure>(["network", ...refs.map((r) => r.status)]),
        refs,
      ),
    );
  };
  for (const call of calls) {
    for (const a of call.args) {
      if (a.name) consider(a.name, a, a.value, a);
      if (a.value.kind === "object")
        for (const p of a.value.properties) if (p.key) consider(p.key, p.keySpan, p.value, p);
    }
  }
  return out;
}
