/**
 * What one file tells the files that import it, and what it asks of the files it imports:
 * a small, JSON-serialisable summary computed from the parse. The Node layer resolves the
 * imports to files and hands each file what it needs back (`CrossFileInput`); the core never
 * reads another file.
 *
 * Exported today: retry helpers, functions that run a function parameter in a retry loop
 * (`withRetry(fn)`, `call_with_retries(fn, *args)`), with the policy of that loop.
 */

import type { Call, Expr, FunctionDef, LoopStmt, Stmt, Target } from "../ir/types";
import { dottedName, unwrap } from "../ir/walk";
import { analyzeLoop } from "../analysis/loops";
import { analyzeRecursion } from "../analysis/recursion";
import type { FileContext } from "../analysis/model";
import { Simulator } from "../analysis/simulate";
import type { Failure, HelperDelay, RetrySite } from "../analysis/types";
import type { HelperSummary, ModuleSummary, SummaryImport, SummaryLocation, WrapperSummary } from "./types";
import { LineIndex } from "../parse/line-index";
import { clientRetry, loopAttempts, selfRetry } from "../mechanisms/nesting";
import { mountedRetried } from "../mechanisms/urllib3";
import { clientRetried, throughGlobalAxios } from "./client-retries";
import { globalAxiosRetry } from "../mechanisms/axios-retry";
import { helperUses } from "./uses";
import { attemptsParameter, calledParam, wrappingShape } from "./wrapping";

/** The summary of a file from its context. */
export function summarizeModule(ctx: FileContext, text: string): ModuleSummary {
  // Lines are counted only for a file that has a location to give (most have none).
  let lines: LineIndex | undefined;
  const at = (start: number, end: number): SummaryLocation => {
    lines ??= new LineIndex(text);
    const s = lines.positionAt(start);
    const e = lines.positionAt(end);
    return { start, end, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
  };
  const imports: SummaryImport[] = [];
  for (const [local, info] of ctx.imports)
    if (local !== "*") imports.push({ local, module: info.module, imported: info.imported });
  // Every star import (`export * from`, `from m import *`): there may be several.
  for (const st of ctx.module.body)
    if (st.kind === "import" && st.names.some((n) => n.local === "*"))
      imports.push({ local: "*", module: st.module, imported: "*" });
  const sim = new Simulator(ctx);
  const helpers: Record<string, HelperSummary> = {};
  const wrappers: Record<string, WrapperSummary> = {};
  // The loops of each function (its own, not those of functions nested in it), found once.
  const loopsOf = new Map<FunctionDef, LoopStmt[]>();
  for (const loop of ctx.index.loops) {
    const owner = ctx.index.owner.get(loop);
    if (owner) loopsOf.set(owner, [...(loopsOf.get(owner) ?? []), loop]);
  }
  // The calls by position, built when a wrapper's request does not carry its call.
  let calls: Map<number, Call> | undefined;
  const callAt = (start: number, end: number): Call | undefined => {
    if (!calls) {
      calls = new Map();
      for (const call of ctx.index.calls) calls.set(call.start * 1_000_003 + call.end, call);
    }
    return calls.get(start * 1_000_003 + end);
  };
  for (const [name, fn] of topLevelFunctions(ctx.module.body)) {
    if (Object.hasOwn(helpers, name) || Object.hasOwn(wrappers, name)) continue;
    const helper = helperOf(fn, loopsOf.get(fn) ?? [], ctx, sim, at) ?? wrappingHelperOf(fn, ctx, sim, at);
    if (helper) helpers[name] = helper;
    const wrapper = helper ? undefined : wrapperOf(fn, callAt, ctx, sim, at);
    if (wrapper) wrappers[name] = wrapper;
  }
  const clients = retryingClients(ctx, at);
  const exports = exportedNames(ctx.module.body);
  const all = ctx.language.family === "python" ? dunderAll(ctx.module.body) : undefined;
  const global = ctx.language.family === "javascript" ? globalAxiosRetry(ctx) : undefined;
  return {
    imports,
    helpers,
    wrappers,
    uses: helperUses(ctx, sim),
    ...(Object.keys(clients).length > 0 ? { clients } : {}),
    ...(Object.keys(exports).length > 0 ? { exports } : {}),
    ...(all ? { all } : {}),
    ...(global
      ? {
          axiosRetry: {
            attempts: global.attempts,
            retries: [...global.retried].sort(byFailure),
            at: at(global.at.start, global.at.end),
          },
        }
      : {}),
  };
}

/**
 * Clients built once at the top of the file that retry on their own: `export const client = new
 * OpenAI({ maxRetries: 5 })`, `api = got.extend({ retry: { limit: 3 } })`, `session =
 * requests.Session()` with a urllib3 Retry mounted. One with its retries off is not one.
 */
function retryingClients(
  ctx: FileContext,
  at: (s: number, e: number) => SummaryLocation,
): Record<string, WrapperSummary> {
  const out: Record<string, WrapperSummary> = {};
  for (const st of ctx.module.body) {
    if (st.kind !== "var" || st.target.kind !== "name" || !st.value) continue;
    const name = st.target.name;
    const bindings = ctx.clients.get(name);
    if (ctx.assignments.get(name)?.length !== 1 || bindings?.length !== 1 || bindings[0]!.scope) continue;
    const info = bindings[0]!.info;
    const own = clientRetry(info, name, ctx, undefined);
    if (!own) continue;
    const mounted = info.kind === "requests" ? mountedRetried(name, info, ctx) : undefined;
    const retries = mounted?.retried ?? clientRetried(info, name, ctx);
    out[name] = {
      throws: info.throws,
      selfRetry: {
        attempts: own.attempts,
        by: own.by,
        off: own.off,
        at: at(own.at.start, own.at.end),
        ...(own.idempotentOnly ? { idempotentOnly: true as const } : {}),
        ...(retries ? { retries: [...retries].sort(byFailure) } : {}),
        ...(mounted?.methods ? { retriesMethods: mounted.methods } : {}),
      },
    };
  }
  return out;
}

/**
 * `function f() {}`, `const f = () => {}`, `def f():` at the top of the file, by name; a
 * function exported without a name of its own by the name it is exported under
 * (`export default function () {}`, `module.exports = function () {}` as `default`,
 * `exports.retry = function () {}` as `retry`).
 */
export function topLevelFunctions(body: readonly Stmt[]): [string, FunctionDef][] {
  const out: [string, FunctionDef][] = [];
  for (const st of body) {
    if (st.kind === "function" && st.fn.name) out.push([st.fn.name, st.fn]);
    else if (st.kind === "function" && st.exportDefault) out.push(["default", st.fn]);
    else if (st.kind === "var" && st.value) {
      const v = unwrap(st.value);
      if (v.kind !== "function") continue;
      const name = st.target.kind === "name" ? st.target.name : commonJsExport(st.target);
      if (name) out.push([name, v.fn]);
    } else if (st.kind === "expr" && st.exportDefault) {
      const v = unwrap(st.expr);
      if (v.kind === "function") out.push([v.fn.name ?? "default", v.fn]);
    }
  }
  return out;
}

/** `module.exports` -> `default`, `exports.retry` / `module.exports.retry` -> `retry`; else undefined. */
function commonJsExport(target: Target): string | undefined {
  if (target.kind !== "expr") return undefined;
  const name = dottedName(target.expr);
  if (name === "module.exports") return "default";
  const parts = name?.split(".") ?? [];
  if (parts[0] === "module") parts.shift();
  return parts.length === 2 && parts[0] === "exports" ? parts[1] : undefined;
}

/**
 * Exported names bound to another top-level name: `export default withRetry`, `export =
 * withRetry`, `module.exports = withRetry`, `module.exports = { retry: withRetry }`,
 * `exports.retry = withRetry`; and named default exports (`export default function withRetry`).
 */
function exportedNames(body: readonly Stmt[]): Record<string, string> {
  const out: Record<string, string> = {};
  const bind = (exported: string, value: Expr) => {
    const v = unwrap(value);
    if (v.kind === "name" && v.name !== exported) out[exported] = v.name;
    else if (v.kind === "function" && v.fn.name && v.fn.name !== exported) out[exported] = v.fn.name;
  };
  for (const st of body) {
    if (st.kind === "function" && st.exportDefault && st.fn.name) out["default"] = st.fn.name;
    else if (st.kind === "expr" && st.exportDefault) bind("default", st.expr);
    else if (st.kind === "var" && st.value) {
      const name = commonJsExport(st.target);
      const v = unwrap(st.value);
      if (name === "default" && v.kind === "object") {
        for (const p of v.properties) if (p.key && !p.spread) bind(p.key, p.value);
      } else if (name && v.kind !== "function") bind(name, st.value);
    }
  }
  return out;
}

/** `__all__ = ["a", "b"]` (a list or tuple of strings) at the top of a Python file. */
function dunderAll(body: readonly Stmt[]): string[] | undefined {
  let out: string[] | undefined;
  for (const st of body) {
    if (st.kind !== "var" || st.target.kind !== "name" || st.target.name !== "__all__" || !st.value) continue;
    const v = unwrap(st.value);
    if (v.kind !== "array" || (st.op !== "=" && st.op !== "+=")) return undefined;
    const names = v.elements.map((e) => (e.kind === "string" && !e.parts ? e.value : undefined));
    if (names.some((n) => n === undefined)) return undefined;
    out = [...(st.op === "+=" ? (out ?? []) : []), ...(names as string[])];
  }
  return out;
}

function helperOf(
  fn: FunctionDef,
  loops: readonly LoopStmt[],
  ctx: FileContext,
  sim: Simulator,
  at: (s: number, e: number) => SummaryLocation,
): HelperSummary | undefined {
  const params = fn.params.map((p) => p.name);
  if (params.every((p) => p === undefined)) return undefined;
  for (const loop of loops) {
    const param = calledParam(loop, params);
    if (param === undefined) continue;
    const name = params[param]!;
    const run = (throws: boolean) =>
      analyzeLoop(loop, ctx, sim, "", { attempt: new Map([[name, throws]]), requests: [] });
    const thrown = run(true);
    if (!thrown) continue;
    const returned = run(false);
    return {
      param,
      retriedIfThrows: [...thrown.retried].sort(byFailure),
      retriedIfReturns: returned ? [...returned.retried].sort(byFailure) : [],
      ...(thrown.bounded === false
        ? { unbounded: true as const }
        : optional("attempts", loopAttempts(loop, ctx))),
      loop: at(loop.keyword.start, loop.keyword.end),
      delay: delayOf(thrown),
    };
  }
  return fn.name ? recursiveHelperOf(fn, params, ctx, sim, at) : undefined;
}

/**
 * A decorator, decorator factory or higher-order wrapper (`wrapping.ts`): its loop is in the
 * function it returns, around a call of the function it is given.
 */
function wrappingHelperOf(
  fn: FunctionDef,
  ctx: FileContext,
  sim: Simulator,
  at: (s: number, e: number) => SummaryLocation,
): HelperSummary | undefined {
  const shape = wrappingShape(fn, ctx);
  const name = shape?.attempt;
  if (!shape || !name) return undefined;
  for (const loop of shape.loops) {
    const run = (throws: boolean) =>
      analyzeLoop(loop, ctx, sim, "", { attempt: new Map([[name, throws]]), requests: [] });
    const thrown = run(true);
    if (!thrown) continue;
    const returned = run(false);
    const attempts = thrown.bounded === false ? undefined : loopAttempts(loop, ctx);
    const fromParam = shape.factory && attempts === undefined ? attemptsParameter(loop, fn) : undefined;
    return {
      param: shape.param,
      retriedIfThrows: [...thrown.retried].sort(byFailure),
      retriedIfReturns: returned ? [...returned.retried].sort(byFailure) : [],
      ...optional("attempts", attempts),
      ...(thrown.bounded === false ? { unbounded: true as const } : {}),
      loop: at(loop.keyword.start, loop.keyword.end),
      delay: delayOf(thrown),
      wraps: true,
      ...(shape.factory ? { factory: true as const } : {}),
      ...(fromParam && thrown.bounded !== false ? { attemptsParam: fromParam } : {}),
    };
  }
  return undefined;
}

/**
 * A function that calls a parameter and, on failure, itself (`withRetry(fn, attempt + 1)`): a
 * retry helper as a loop is; its attempts are not counted (`recursive` says where it re-enters).
 */
function recursiveHelperOf(
  fn: FunctionDef,
  params: (string | undefined)[],
  ctx: FileContext,
  sim: Simulator,
  at: (s: number, e: number) => SummaryLocation,
): HelperSummary | undefined {
  const param = calledParam({ body: fn.body }, params);
  if (param === undefined) return undefined;
  const name = params[param]!;
  const run = (throws: boolean) => analyzeRecursion(fn, ctx, sim, new Map([[name, throws]]));
  const thrown = run(true);
  if (!thrown) return undefined;
  const returned = run(false);
  return {
    param,
    retriedIfThrows: [...thrown.retried].sort(byFailure),
    retriedIfReturns: returned ? [...returned.retried].sort(byFailure) : [],
    ...(thrown.bounded === false ? { unbounded: true as const } : {}),
    loop: at(thrown.anchor.start, thrown.anchor.end),
    delay: delayOf(thrown),
    recursive: true,
  };
}

/** A function that sends exactly one request itself, and what a retry around a call of it re-sends. */
function wrapperOf(
  fn: FunctionDef,
  callAt: (start: number, end: number) => Call | undefined,
  ctx: FileContext,
  sim: Simulator,
  at: (s: number, e: number) => SummaryLocation,
): WrapperSummary | undefined {
  if (fn.isGenerator) return undefined;
  // The one request first: most functions send none, and that walk is the cheaper one.
  const sent = sim.requestsIn(fn.body);
  if (sent.length !== 1) return undefined;
  const info = sim.helperSummary(fn, 0);
  if (!info.requests) return undefined;
  const req = sent[0]!;
  const call = req.call ?? callAt(req.span.start, req.span.end);
  const own = call ? selfRetry(call, req.method, ctx, undefined) : undefined;
  const global = !own && call && throughGlobalAxios(call, ctx) && !globalAxiosRetry(ctx);
  return {
    throws: info.throws,
    ...(global ? { globalAxios: true as const } : {}),
    ...(req.method ? { method: req.method } : {}),
    ...(req.idempotencyKey !== undefined ? { idempotencyKey: req.idempotencyKey } : {}),
    ...(own
      ? { selfRetry: { attempts: own.attempts, by: own.by, off: own.off, at: at(own.at.start, own.at.end) } }
      : {}),
  };
}

/** How a loop waits between attempts, from its waits on the retry paths. */
function delayOf(site: RetrySite): HelperDelay {
  const waits = site.waits;
  const retryAfter = waits.some((w) => w.readsRetryAfter);
  if (waits.length === 0) return { kind: site.waitsNothing ? "none" : "unknown", jitter: false, retryAfter };
  const jitter = waits.every((w) => w.jitter);
  if (waits.some((w) => w.exponential)) return { kind: "exponential", jitter, retryAfter };
  if (waits.some((w) => w.grows)) return { kind: "linear", jitter, retryAfter };
  return { kind: retryAfter ? "unknown" : "fixed", jitter, retryAfter };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function byFailure(a: Failure, b: Failure): number {
  return (typeof a === "number" ? a : 1000) - (typeof b === "number" ? b : 1000);
}
