/**
 * Reading retry libraries' configurations, shared by the mechanisms: option
 * and keyword lookups, a site built from a list of statuses, the evaluation of
 * an attempt function, a library's wait, the requests a configuration re-sends.
 */

import type { CondResult, Scenario } from "../analysis/conditions";
import { literalRef } from "../analysis/conditions";
import { RETRY_AFTER_TEXT } from "../analysis/knowledge";
import type { FileContext } from "../analysis/model";
import { detectRequest } from "../analysis/requests";
import { type RequestInfo } from "../analysis/model";
import { evaluateRetry, makeRetrySite, requestSite } from "../analysis/retries";
import type { Outcome, Simulator } from "../analysis/simulate";
import type { Failure, RetrySite, StatusRef, WaitSite } from "../analysis/types";
import type { Call, Expr, FunctionDef, ObjectLit, Property } from "../ir/types";
import { calleeName, dottedName, stmtExprs, unwrap, walkExpr, walkStmts } from "../ir/walk";

export const NO_SCOPE = { counters: new Set<string>(), growing: new Set<string>() };

// ---------------------------------------------------------------- helpers

export function importedAs(ctx: FileContext, local: string, module: RegExp, imported?: string): boolean {
  const imp = ctx.imports.get(local);
  return (
    imp !== undefined &&
    module.test(imp.module) &&
    (imported === undefined || imp.imported === imported || imp.imported === "*")
  );
}

/**
 * Whether a callee is the `imported` export of a module: a name imported so (`pRetry`), or the
 * export read off a namespace (`p_retry_1.default` after tsc's `__importStar(require("p-retry"))`,
 * called as `(0, p_retry_1.default)(...)`).
 */
export function calleeImportedAs(ctx: FileContext, callee: Expr, module: RegExp, imported: string): boolean {
  const x = unwrap(callee);
  if (x.kind === "name") return importedAs(ctx, x.name, module, imported);
  if (x.kind !== "member" || x.property !== imported || x.object.kind !== "name") return false;
  const imp = ctx.imports.get(x.object.name);
  return imp !== undefined && imp.imported === "*" && module.test(imp.module);
}

/** An options argument: an object literal, or a name the file assigns one to once (`const retryOptions = {...}`). */
export function optionsObject(e: Expr | undefined, ctx: FileContext): ObjectLit | undefined {
  let x = e ? unwrap(e) : undefined;
  if (x?.kind === "name") {
    const value = ctx.values.get(x.name);
    x = value ? unwrap(value) : undefined;
  }
  return x?.kind === "object" ? x : undefined;
}

export function kwarg(call: Call, name: string): Expr | undefined {
  return call.args.find((a) => a.name === name)?.value;
}

export function prop(obj: ObjectLit | undefined, name: string): Property | undefined {
  return obj?.properties.find((p) => p.key === name);
}

export function functionOf(e: Expr | undefined, ctx: FileContext): FunctionDef | undefined {
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

export function isInfinite(e: Expr | undefined): boolean {
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

export function span(e: { start: number; end: number }): { start: number; end: number } {
  return { start: e.start, end: e.end };
}

/** A retry configured by a list of statuses (no code to simulate). */
export function configSite(
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
export function attemptEvaluation(
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

export function applyLibraryWait(site: RetrySite, waitSite: WaitSite | undefined, none: boolean): void {
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

// ---------------------------------------------------------------- p-retry, async-retry

/**
 * The code an attempt runs: `() => fetchStock(w)` runs `fetchStock`'s body (a
 * same-file function), so its requests and its `AbortError`s are seen.
 */
export function attemptBody(fn: FunctionDef, ctx: FileContext): FunctionDef {
  if (fn.body.length !== 1) return fn;
  const only = fn.body[0]!;
  const value = only.kind === "return" ? only.value : only.kind === "expr" ? only.expr : undefined;
  const call = value ? unwrap(value) : undefined;
  if (call?.kind !== "call" || call.isNew) return fn;
  const target = functionOf(call.callee, ctx);
  if (target && target !== fn) return target;
  // `() => queue.add(async () => {...})`, `() => limit(() => ...)`: a queue or limiter runs the
  // function it is given and settles as it does, so that function is the attempt.
  const last = call.args.at(-1)?.value;
  return last?.kind === "function" && call.args.every((a) => a.value === last || a.value.kind !== "function")
    ? last.fn
    : fn;
}

export function librarySite(
  library: string,
  label: string,
  call: Call,
  ev: NonNullable<ReturnType<typeof evaluateRetry>>,
  options: ObjectLit | undefined,
  ctx: FileContext,
  sim: Simulator,
  fn: FunctionDef,
  extraHooks: FunctionDef[] = [],
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
  // Both libraries back off exponentially by default; p-retry adds no randomness unless `randomize: true`,
  // async-retry randomises unless `randomize: false`. Neither reads Retry-After.
  site.waitsNothing = false;
  const randomize = prop(options, "randomize")?.value;
  const factor = prop(options, "factor")?.value;
  const exponential = !(
    factor &&
    unwrap(factor).kind === "number" &&
    (unwrap(factor) as { value: number }).value === 1
  );
  const off =
    randomize !== undefined &&
    unwrap(randomize).kind === "bool" &&
    !(unwrap(randomize) as { value: boolean }).value;
  // Options the file does not spell out (`pRetry(task, this.retryConfig)`) may set anything: judge no timing.
  const unseen = call.args[1] !== undefined && options === undefined;
  const jitter = unseen || (library === "p-retry" ? randomize !== undefined && !off : !off);
  const at = options ?? call.callee;
  const wait: WaitSite = {
    kind: "wait",
    start: at.start,
    end: at.end,
    grows: true,
    exponential,
    jitter,
    readsRetryAfter: false,
  };
  site.waits = [wait];
  // A named 429/503 thrown for the library to retry waits the library's backoff, unless the attempt
  // or its hooks read Retry-After themselves (and wait or tell the library what to wait).
  const hooks = [fn, ...extraHooks];
  const explicitRateLimit = site.retriedRefs.some(
    (r) => r.status === 429 || r.status === 503 || (r.status >= 500 && r.via !== "literal"),
  );
  if (explicitRateLimit && !hooks.some(readsRetryAfter)) site.rateLimitWaits = [wait];
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

/**
 * The statuses of a list literal, followed through names. `removable`: the library's use of
 * the list is one the behavioural tests model (urllib3's `status_forcelist`, got's
 * `retry.statusCodes`), so a literal written right there gets removal edits.
 */
export function listOfNumbers(e: Expr, ctx: FileContext, removable = false): StatusRef[] | undefined {
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
export function linkedRequests(
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
export function methodRequests(methods: Expr, _fallback: string): RetrySite["requests"] {
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

/** Whether a function mentions Retry-After (a header, a `retry_after` field, X-RateLimit-Reset). */
export function readsRetryAfter(fn: FunctionDef): boolean {
  let found = false;
  walkStmts(
    fn.body,
    (st) => {
      for (const e of stmtExprs(st))
        walkExpr(
          e,
          (x) => {
            if (
              (x.kind === "name" && RETRY_AFTER_TEXT.test(x.name)) ||
              (x.kind === "member" && RETRY_AFTER_TEXT.test(x.property)) ||
              (x.kind === "string" && RETRY_AFTER_TEXT.test(x.value))
            )
              found = true;
          },
          true,
        );
      return !found;
    },
    true,
  );
  return found;
}
