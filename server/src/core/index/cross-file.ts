/**
 * Judging a file with what the workspace index knows about the files around it:
 * - a call of a retry helper imported from another file, handed a function that sends a
 *   request, is a retry at the call (mechanism "helper"). It carries what the call adds (the
 *   requests it re-sends, the failures it retries, so the handlers it covers); the helper's
 *   own policy (cap, waits, statuses) is left neutral here and judged once, in its file.
 * - a retry helper of this file that other files call with requests is analysed as if a
 *   caller of this file handed it one, so its policy findings sit on its own loop.
 */

import type { Expr, FunctionDef } from "../ir/types";
import { calleeName, contains, dottedName, stmtExprs, unwrap, walkExpr, walkStmts } from "../ir/walk";
import type { GenericHelper } from "../analysis/loops";
import type { FileContext } from "../analysis/model";
import { requestSite } from "../analysis/retries";
import { attemptBody } from "../mechanisms/configuration";
import type { Simulator } from "../analysis/simulate";
import type { HandlerSite, RequestSite, RetrySite } from "../analysis/types";
import type { Span } from "../types";
import { topLevelFunctions } from "./summary";
import { passedFunction } from "./uses";
import type { CrossFileInput, ImportedHelper } from "./types";
import { argumentNumber, wrappingShape } from "./wrapping";

export function hasCrossFileInput(input: CrossFileInput | undefined): input is CrossFileInput {
  return (
    !!input &&
    (Object.keys(input.helpers).length > 0 ||
      Object.keys(input.wrappers).length > 0 ||
      Object.keys(input.callers).length > 0 ||
      input.axiosRetry !== undefined)
  );
}

/** Retry sites at the calls of imported retry helpers and at the functions imported decorators retry. */
export function importedHelperSites(ctx: FileContext, sim: Simulator, input: CrossFileInput): RetrySite[] {
  const out: RetrySite[] = [];
  const helperOf = (callee: Expr): ImportedHelper | undefined => {
    const name = dottedName(callee);
    return name !== undefined && Object.hasOwn(input.helpers, name) ? input.helpers[name] : undefined;
  };
  for (const call of ctx.index.calls) {
    // `retry(5)(fn)` is `@retry(5)` on `fn`: the attempts read from the factory's arguments.
    const factory = call.callee.kind === "call" ? call.callee : undefined;
    const helper = helperOf(factory ? factory.callee : call.callee);
    if (!helper || !!helper.factory !== !!factory || (factory && !helper.wraps)) continue;
    const arg = call.args[helper.param];
    if (!arg || arg.name) continue;
    const fn = passedFunction(arg.value, ctx);
    const attempts =
      factory && helper.attemptsParam ? argumentNumber(factory.args, helper.attemptsParam) : helper.attempts;
    const site = fn
      ? helperSite(helper, factory ? factory.callee : call.callee, call, fn, sim, attempts)
      : undefined;
    if (!site) continue;
    // `retrying(send)`: the retry calls `send` (handlers in it are covered).
    const passed = unwrap(arg.value);
    if (passed.kind === "name" && fn?.name === passed.name) site.calls?.add(passed.name);
    out.push(site);
  }
  // `@retrying def f(): ...` is `f = retrying(f)`; `@retry(times=5)` is `f = retry(times=5)(f)`.
  for (const fn of ctx.allFunctions)
    for (const d of fn.decorators) {
      const x = unwrap(d);
      const helper = helperOf(x.kind === "call" ? x.callee : x);
      if (!helper?.wraps || !!helper.factory !== (x.kind === "call")) continue;
      const attempts =
        x.kind === "call" && helper.attemptsParam
          ? argumentNumber(x.args, helper.attemptsParam)
          : helper.attempts;
      const site = helperSite(helper, x.kind === "call" ? x.callee : x, fn, fn, sim, attempts);
      if (site) out.push(site);
    }
  return out;
}

/** The retry an imported helper makes of `fn` (handed at `span`, named at `anchor`), when `fn` sends a request. */
function helperSite(
  helper: ImportedHelper,
  anchor: Span,
  span: Span,
  fn: FunctionDef,
  sim: Simulator,
  attempts: number | undefined,
): RetrySite | undefined {
  const info = sim.helperSummary(fn, 0);
  if (!info.requests) return undefined;
  const retried = new Set(info.throws ? helper.retriedIfThrows : helper.retriedIfReturns);
  if (retried.size === 0) return undefined;
  const label = `the retry helper ${helper.name}`;
  const calls = calledNames(fn);
  // A decorated function: the retry calls it by its name (handlers in it are covered).
  if (span === fn && fn.name) calls.add(fn.name);
  return {
    kind: "retry",
    mechanism: "helper",
    anchor: { start: anchor.start, end: anchor.end },
    start: span.start,
    end: span.end,
    label: `The retry helper ${helper.name}`,
    // The helper's policy is judged in its file: nothing here for the policy rules.
    retriedRefs: [],
    retried,
    blind: false,
    bounded: attempts !== undefined || helper.attemptsParam ? true : undefined,
    waitsNothing: false,
    waits: [],
    rateLimitWaits: [],
    calls,
    // `withRetry(() => send(body))`: the requests of `send`, a function of this file.
    requests: dedupe(sim.requestsIn(attemptBody(fn, sim.ctx).body).map(requestSite)),
    mechanismName: label,
    ...(attempts !== undefined ? { attempts } : {}),
    ...(helper.delay ? { helperDelay: helper.delay } : {}),
    ...(helper.unbounded && attempts === undefined ? { helperUnbounded: true as const } : {}),
    helperLoop: {
      start: helper.loop.start,
      end: helper.loop.end,
      message: helper.recursive
        ? `the recursive retry of ${helper.name}`
        : `the retry loop of ${helper.name}`,
      file: {
        path: helper.path,
        line: helper.loop.line,
        character: helper.loop.character,
        endLine: helper.loop.endLine,
        endCharacter: helper.loop.endCharacter,
      },
    },
  };
}

/** This file's retry helpers that other files call with requests, as `genericRetryHelpers` gives them. */
export function externalHelpers(ctx: FileContext, input: CrossFileInput): Map<FunctionDef, GenericHelper> {
  const out = new Map<FunctionDef, GenericHelper>();
  const add = (fn: FunctionDef, param: string | undefined, throws: boolean) => {
    if (!param) return;
    const entry = out.get(fn) ?? { attempt: new Map<string, boolean>(), requests: [] };
    entry.attempt.set(param, (entry.attempt.get(param) ?? false) || throws);
    out.set(fn, entry);
  };
  for (const [name, fn] of topLevelFunctions(ctx.module.body)) {
    const uses = Object.hasOwn(input.callers, name) ? input.callers[name]! : [];
    if (uses.length === 0) continue;
    // A decorator or wrapper: its loop is in a nested function and calls the parameter it is given.
    const shape = wrappingShape(fn, ctx);
    for (const use of uses) {
      add(fn, fn.params[use.arg]?.name, use.throws);
      if (!shape) continue;
      const param = use.arg === shape.param ? shape.attempt : shape.receiver.params[use.arg]?.name;
      for (const loop of shape.loops) {
        const owner = ctx.index.owner.get(loop);
        if (owner) add(owner, param, use.throws);
      }
    }
  }
  return out;
}

/**
 * A handler that comes after the call of an imported retry helper, in the same function,
 * sees what the helper gave up on (`try { await withRetry(...) } catch (e) { switch ... }`):
 * the helper's retries cover it.
 */
export function handlesHelperResult(ctx: FileContext, retry: RetrySite, handler: HandlerSite): boolean {
  if (!retry.helperLoop || handler.start < retry.end) return false;
  return innermost(ctx, retry) === innermost(ctx, handler);
}

function innermost(ctx: FileContext, span: Span): FunctionDef | undefined {
  let best: FunctionDef | undefined;
  for (const fn of ctx.allFunctions)
    if (contains(fn, span) && (!best || (best.start <= fn.start && fn.end <= best.end))) best = fn;
  return best;
}

function calledNames(fn: FunctionDef): Set<string> {
  const out = new Set<string>();
  walkStmts(fn.body, (s) => {
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => {
        const n = x.kind === "call" ? calleeName(x.callee) : undefined;
        if (n) out.add(n);
      });
  });
  return out;
}

function dedupe(list: RequestSite[]): RequestSite[] {
  const seen = new Set<number>();
  return list.filter((r) => (seen.has(r.start) ? false : (seen.add(r.start), true)));
}
