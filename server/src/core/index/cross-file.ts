/**
 * Judging a file with what the workspace index knows about the files around it:
 * - a call of a retry helper imported from another file, handed a function that sends a
 *   request, is a retry at the call (mechanism "helper"). It carries what the call adds (the
 *   requests it re-sends, the failures it retries, so the handlers it covers); the helper's
 *   own policy (cap, waits, statuses) is left neutral here and judged once, in its file.
 * - a retry helper of this file that other files call with requests is analysed as if a
 *   caller of this file handed it one, so its policy findings sit on its own loop.
 */

import type { FunctionDef } from "../ir/types";
import { calleeName, contains, dottedName, stmtExprs, walkExpr, walkStmts } from "../ir/walk";
import type { GenericHelper } from "../analysis/loops";
import type { FileContext } from "../analysis/model";
import { requestSite } from "../analysis/retries";
import type { Simulator } from "../analysis/simulate";
import type { HandlerSite, RequestSite, RetrySite } from "../analysis/types";
import type { Span } from "../types";
import { passedFunction, topLevelFunctions } from "./summary";
import type { CrossFileInput } from "./types";

export function hasCrossFileInput(input: CrossFileInput | undefined): input is CrossFileInput {
  return (
    !!input &&
    (Object.keys(input.helpers).length > 0 ||
      Object.keys(input.wrappers).length > 0 ||
      Object.keys(input.callers).length > 0)
  );
}

/** Retry sites at the calls of imported retry helpers. */
export function importedHelperSites(ctx: FileContext, sim: Simulator, input: CrossFileInput): RetrySite[] {
  const out: RetrySite[] = [];
  for (const call of ctx.index.calls) {
    const callee = dottedName(call.callee);
    const helper =
      callee !== undefined && Object.hasOwn(input.helpers, callee) ? input.helpers[callee] : undefined;
    const arg = helper ? call.args[helper.param] : undefined;
    if (!helper || !arg || arg.name) continue;
    const fn = passedFunction(arg.value, ctx);
    if (!fn) continue;
    const info = sim.helperSummary(fn, 0);
    if (!info.requests) continue;
    const retried = new Set(info.throws ? helper.retriedIfThrows : helper.retriedIfReturns);
    if (retried.size === 0) continue;
    const label = `the retry helper ${helper.name}`;
    out.push({
      kind: "retry",
      mechanism: "helper",
      anchor: { start: call.callee.start, end: call.callee.end },
      start: call.start,
      end: call.end,
      label: `The retry helper ${helper.name}`,
      // The helper's policy is judged in its file: nothing here for the policy rules.
      retriedRefs: [],
      retried,
      blind: false,
      bounded: helper.attempts !== undefined ? true : undefined,
      waitsNothing: false,
      waits: [],
      rateLimitWaits: [],
      calls: calledNames(fn),
      requests: dedupe(sim.requestsIn(fn.body).map(requestSite)),
      mechanismName: label,
      ...(helper.attempts !== undefined ? { attempts: helper.attempts } : {}),
      ...(helper.delay ? { helperDelay: helper.delay } : {}),
      helperLoop: {
        start: helper.loop.start,
        end: helper.loop.end,
        message: `the retry loop of ${helper.name}`,
        file: {
          path: helper.path,
          line: helper.loop.line,
          character: helper.loop.character,
          endLine: helper.loop.endLine,
          endCharacter: helper.loop.endCharacter,
        },
      },
    });
  }
  return out;
}

/** This file's retry helpers that other files call with requests, as `genericRetryHelpers` gives them. */
export function externalHelpers(ctx: FileContext, input: CrossFileInput): Map<FunctionDef, GenericHelper> {
  const out = new Map<FunctionDef, GenericHelper>();
  for (const [name, fn] of topLevelFunctions(ctx.module.body)) {
    const uses = Object.hasOwn(input.callers, name) ? input.callers[name]! : [];
    const attempt = new Map<string, boolean>();
    for (const use of uses) {
      const param = fn.params[use.arg]?.name;
      if (param) attempt.set(param, (attempt.get(param) ?? false) || use.throws);
    }
    if (attempt.size > 0) out.set(fn, { attempt, requests: [] });
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
