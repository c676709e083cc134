/**
 * Whether a wait computed from Retry-After has a ceiling (`min(retry_after, 60)`, a guard that
 * compares it with a limit), so that a server's `Retry-After: 3600` cannot stall the caller.
 */

import type { Expr, FunctionDef } from "../ir/types";
import { calleeName, stmtExprs, walkExpr, walkStmts } from "../ir/walk";
import { assignmentsAt } from "./context";
import type { FileContext } from "./model";
import type { WaitEvent } from "./simulate";
import type { WaitSite } from "./types";

/** Text that names Retry-After itself (the header, `retry_after`, `retryAfter`), not a reset time. */
const RETRY_AFTER_ITSELF = /retry[-_ ]?after/i;
/** Names that hold a limit: a comparison with one is a ceiling. */
const LIMIT_NAME = /max|cap|limit|ceil|longest|upper/i;

/** Whether a wait computed from Retry-After has a ceiling (absent when it does not read Retry-After). */
export function ceilingOf(wait: WaitEvent, ctx: FileContext): Pick<WaitSite, "retryAfterCapped"> {
  const roots: Expr[] = [];
  if (wait.helper) {
    walkStmts(wait.helper.body, (s) => void roots.push(...stmtExprs(s)));
    roots.push(...(wait.helperArgs?.args.map((a) => a.value) ?? []));
  } else if (wait.delay) roots.push(wait.delay);
  if (roots.length === 0) return {};
  const seen = new Set<unknown>();
  const names = new Set<string>();
  let reads = false;
  let capped = false;
  const visit = (root: Expr, depth: number): void => {
    if (depth > 6 || seen.has(root)) return;
    seen.add(root);
    walkExpr(root, (e) => {
      if (e.kind === "string" && RETRY_AFTER_ITSELF.test(e.value)) reads = true;
      else if (e.kind === "member" && RETRY_AFTER_ITSELF.test(e.property)) reads = true;
      else if (e.kind === "name") {
        if (RETRY_AFTER_ITSELF.test(e.name)) reads = true;
        names.add(e.name);
        for (const value of assignmentsAt(ctx, e.name, e).slice(0, 8)) visit(value, depth + 1);
      } else if (e.kind === "binary" && isCeilingTest(e)) capped = true;
      else if (e.kind === "call") {
        const name = calleeName(e.callee) ?? "";
        if (name === "min" || /clamp/i.test(name)) capped = true;
        const fns = ctx.functions.get(name);
        if (fns?.length === 1 && !seen.has(fns[0])) {
          seen.add(fns[0]);
          walkStmts(fns[0]!.body, (s) => {
            for (const x of stmtExprs(s)) visit(x, depth + 1);
          });
        }
      }
    });
  };
  for (const r of roots) visit(r, 0);
  if (!reads) return {};
  // A guard in the enclosing function that compares the value with a limit (`if retry_after > 300: raise`).
  const fn = enclosingFunction(ctx, wait.expr);
  if (!capped && fn) {
    walkStmts(fn.body, (s) => {
      if (capped) return false;
      if (s.kind !== "if") return;
      walkExpr(s.test, (x) => {
        if (
          x.kind === "binary" &&
          isCeilingTest(x) &&
          (mentionsAny(x.left, names) || mentionsAny(x.right, names))
        )
          capped = true;
      });
    });
  }
  return { retryAfterCapped: capped };
}

/** `x > 60`, `x >= MAX_WAIT`, `60 < x`: a comparison with a limit (not a presence test such as `x > 0`). */
function isCeilingTest(e: Extract<Expr, { kind: "binary" }>): boolean {
  if (!["<", "<=", ">", ">="].includes(e.op)) return false;
  const limit = (x: Expr): boolean =>
    (x.kind === "number" && x.value > 1) ||
    (x.kind === "name" && LIMIT_NAME.test(x.name)) ||
    (x.kind === "member" && LIMIT_NAME.test(x.property));
  return limit(e.left) || limit(e.right);
}

export function mentionsAny(e: Expr, names: ReadonlySet<string>): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (x.kind === "name" && names.has(x.name)) found = true;
  });
  return found;
}

export function enclosingFunction(ctx: FileContext, at: Expr): FunctionDef | undefined {
  // Asked again and again for the same expressions (each path through each wait): kept per file.
  let known = enclosing.get(ctx);
  if (!known) enclosing.set(ctx, (known = new WeakMap()));
  if (known.has(at)) return known.get(at);
  let best: FunctionDef | undefined;
  for (const fn of ctx.allFunctions)
    if (fn.start <= at.start && at.end <= fn.end && (!best || fn.start >= best.start)) best = fn;
  known.set(at, best);
  return best;
}

const enclosing = new WeakMap<FileContext, WeakMap<Expr, FunctionDef | undefined>>();
