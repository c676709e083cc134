// Over 400 lines: the status handlers of every shape (if-chains, switch/match, except chains) and the one reading of what decides a failure.
/**
 * Finds the handlers that discriminate HTTP statuses: an if/else chain or a
 * run of consecutive ifs testing statuses, a switch/match on a status or an
 * error code, the except clauses of one try. Records what each handler names
 * and whether it has a path for 429 and for 5xx.
 *
 * SPEC 3 readings: discrimination needs two branches that treat error
 * statuses differently (one condition grouping statuses, or branches that all
 * give the same answer, is not); statuses and ranges that say nothing about
 * error statuses (1xx, 204, 304, success ranges) are not named; a handler
 * whose other statuses leave as thrown or returned errors (classification,
 * error factories) decides nothing about them (`propagates`).
 */

import type { Call, Expr, FunctionDef, IfStmt, Stmt, SwitchCase, SwitchStmt, TryStmt } from "../ir/types";
import { calleeName, dottedName, rootName, unwrap, walkExpr, walkStmtsExprs } from "../ir/walk";
import { clientAt, clientFromConstructor, keywordOrOption } from "./context";
import { detectRequest } from "./requests";
import type { ConditionEvaluator } from "./conditions";
import { classMatch, codeStatus, isCodeAccess } from "./knowledge";
import { LOG_CALL, ownName } from "./simulate";
import type { FileContext } from "./model";
import type { Failure, HandlerSite, StatusRef } from "./types";

/** One thing a handler names: a status, a range, a class or a code, with the failures it covers. */
interface Named {
  key: string;
  covers: (status: number) => boolean;
  ref: StatusRef;
}

const PROBE_5XX = [500, 502, 503, 504];

/** What the client of a request call retries by itself (default: its `ClientInfo.retries`). */
export type ClientRetried = (call: Call) => ReadonlySet<Failure> | undefined;

export function findHandlers(
  ctx: FileContext,
  cond: ConditionEvaluator,
  retried: ClientRetried = (call) => detectRequest(call, ctx)?.client.retries,
): HandlerSite[] {
  const out: HandlerSite[] = [];
  const seenIfs = new Set<Stmt>();
  const visitBlock = (block: Stmt[]): void => {
    let run: IfStmt[] = [];
    const flush = (next: number): void => {
      if (run.length > 0) {
        const chains = run.map((s) => ifChain(s, seenIfs));
        const branches = chains.flatMap((c) => c.branches);
        // What the statuses no branch takes meet: the chain's last `else`, or what follows the run.
        const last = chains[chains.length - 1]!;
        const rest = last.orelse ?? block.slice(next);
        // Statuses no branch takes fall off the end of the function they are in.
        const fn = ctx.index.owner.get(run[0]!);
        const endsFunction = !last.orelse && fn !== undefined && fn.body === block && next === block.length;
        addHandler(
          out,
          run[0]!.keyword,
          branches,
          run[0]!,
          rest,
          ctx,
          cond,
          retried,
          endsFunction ? fn : undefined,
        );
      }
      run = [];
    };
    block.forEach((st, i) => {
      if (st.kind === "if" && !seenIfs.has(st) && chainNamesAnything(st, ctx, cond)) {
        run.push(st);
        return;
      }
      flush(i);
    });
    flush(block.length);
  };
  for (const block of ctx.index.blocks) {
    visitBlock(block);
    block.forEach((st, i) => {
      if (st.kind === "switch") addSwitch(out, st, block.slice(i + 1), ctx, cond, retried);
      if (st.kind === "try") addTry(out, st, ctx, cond);
    });
  }
  return dedupe(out);
}

/** One branch of a handler: what its condition names, and what it does. */
interface Branch {
  named: Named[];
  body: Stmt[];
}

function dedupe(list: HandlerSite[]): HandlerSite[] {
  const seen = new Set<number>();
  return list.filter((h) => (seen.has(h.head.start) ? false : (seen.add(h.head.start), true)));
}

function addHandler(
  out: HandlerSite[],
  head: { start: number; end: number },
  tests: { test: Expr; body: Stmt[] }[],
  whole: Stmt,
  rest: Stmt[],
  ctx: FileContext,
  cond: ConditionEvaluator,
  retried: ClientRetried,
  endsIn?: FunctionDef,
): void {
  const fn = ctx.index.owner.get(whole);
  const holders = statusHolders(
    tests.map((t) => t.test),
    fn,
    ctx,
    cond,
  );
  const branches = tests.map((t) => ({
    named: narrowsOtherKind(t.test, holders) ? [] : namedIn(t.test, ctx, cond),
    body: t.body,
  }));
  const sources = sourceCalls(
    whole,
    tests.map((t) => t.test),
    ctx,
    cond,
  );
  const propagates =
    propagatesErrors(rest) ||
    classifies(branches, rest, cond) ||
    (endsIn !== undefined && handsBack(endsIn, rest, holders)) ||
    translates(branches, rest, fn, holders) ||
    delegates(rest, holders, ctx, cond) ||
    judgesUnknownClient(sources, ctx);
  out.push(coveredByClients(makeHandler(head, branches, whole, propagates, ctx), sources, retried));
}

function makeHandler(
  head: { start: number; end: number },
  branches: Branch[],
  whole: Stmt,
  propagates: boolean,
  ctx: FileContext,
): HandlerSite {
  const named = branches.flatMap((b) => b.named);
  const keys = new Set(named.map((n) => n.key));
  const naming = branches.filter((b) => b.named.length > 0);
  const outcomes = new Set(naming.map((b, i) => outcomeOf(b.body) ?? `#${i}`));
  return {
    kind: "handler",
    owner: ctx.index.owner.get(whole)?.name,
    start: whole.start,
    end: whole.end,
    head: { start: head.start, end: head.end },
    refs: named.map((n) => n.ref),
    discriminates: keys.size >= 2 && naming.length >= 2 && outcomes.size >= 2,
    propagates,
    covers429: named.some((n) => n.covers(429)),
    covers5xx: named.some((n) => PROBE_5XX.some((s) => n.covers(s))),
    retryCovers429: false,
    retryCovers5xx: false,
  };
}

/** The branches of an if / else-if chain (nested ifs in `else` are part of it) and its final `else`. */
function ifChain(st: IfStmt, seen: Set<Stmt>): { branches: { test: Expr; body: Stmt[] }[]; orelse?: Stmt[] } {
  const branches: { test: Expr; body: Stmt[] }[] = [];
  let cur: IfStmt | undefined = st;
  let orelse: Stmt[] | undefined;
  while (cur) {
    seen.add(cur);
    branches.push({ test: cur.test, body: cur.then });
    const next: Stmt | undefined = cur.else && cur.else.length === 1 ? cur.else[0] : undefined;
    if (next?.kind !== "if") orelse = cur.else;
    cur = next?.kind === "if" ? next : undefined;
  }
  return { branches, orelse };
}

/**
 * The answer a branch gives when it is only that (`return true`, `return
 * None`, `return "retry"`): branches with one and the same answer group
 * statuses (a yes/no predicate), they do not discriminate them.
 */
function outcomeOf(body: Stmt[]): string | undefined {
  if (body.length !== 1) return undefined;
  const st = body[0]!;
  if (st.kind !== "return") return undefined;
  const v = st.value ? unwrap(st.value) : undefined;
  if (!v) return "return";
  if (v.kind === "bool") return `return ${String(v.value)}`;
  if (v.kind === "null") return "return null";
  if (v.kind === "number") return `return ${v.value}`;
  if (v.kind === "string" && !v.parts) return `return "${v.value}"`;
  return undefined;
}

const ERROR_NAME = /(Error|Exception|Err|Failure)$/;

/** A call that builds an error: `new XError(...)`, `SomeException(...)`, `APIError.generate(...)`, `exc(...)`. */
function buildsError(e: Expr): boolean {
  const x = unwrap(e);
  if (x.kind !== "call") return false;
  const dotted = dottedName(x.callee) ?? "";
  const parts = dotted.split(".");
  return parts.some((p) => ERROR_NAME.test(p)) || /^(exc|err|error)$/i.test(parts[parts.length - 1] ?? "");
}

/**
 * Whether the handler is an error factory: the statuses no branch names leave
 * it as an error it builds and returns to its caller (`return new
 * StripeAPIError(raw)`, `return exc(status, body)`), or as the exception class
 * it picks for its caller to raise (`cls = GithubException`). A handler that
 * throws them itself has made them its final answer. Log calls on the way do
 * not matter; anything else (a return of data, a branch) does.
 */
function propagatesErrors(rest: Stmt[]): boolean {
  for (const st of rest) {
    if (st.kind === "throw") return false;
    if (st.kind === "return") return st.value !== undefined && buildsError(st.value);
    if (st.kind === "var" && st.value) {
      const v = unwrap(st.value);
      const dotted = v.kind === "name" || v.kind === "member" ? dottedName(v) : undefined;
      if (dotted && ERROR_NAME.test(dotted.slice(dotted.lastIndexOf(".") + 1))) return true;
      if (buildsError(v)) continue;
      return false;
    }
    if (st.kind === "expr") continue;
    return false;
  }
  return false;
}

/**
 * Error classification (SPEC 3, *decides the failure*): every branch that
 * names an error status leaves as an error for the caller (it throws one, or
 * returns or collects one it builds), and the statuses no branch takes leave
 * as an error that still carries their status: the caught error re-thrown
 * (`throw error`, `raise`), or one built from the status (`raise
 * GithubException(status=r.status_code, ...)`, `throw new ApiError(res.status)`).
 * Such a handler maps statuses to errors of distinct kinds (classes, or the
 * codes an error factory is given); what becomes of a 429 or a 5xx is its
 * caller's choice. Branches that all build the same error with different
 * messages only word the failure for a reader: they classify nothing.
 */
function classifies(branches: Branch[], rest: Stmt[], cond: ConditionEvaluator): boolean {
  const naming = branches.filter((b) => b.named.length > 0);
  if (naming.length === 0 || !naming.every((b) => leavesAsError(b.body))) return false;
  const kinds = new Set(naming.map((b) => errorKind(b.body)));
  if (kinds.size < 2 || kinds.has(undefined)) return false;
  for (const st of rest) {
    if (st.kind === "throw")
      return !st.value || unwrap(st.value).kind === "name" || carriesStatus(st.value, cond);
    if (st.kind === "return")
      return st.value !== undefined && buildsError(st.value) && carriesStatus(st.value, cond);
    if (st.kind === "expr" || st.kind === "var") continue;
    return false;
  }
  return false;
}

/** An error built with the response's status among its arguments. */
function carriesStatus(e: Expr, cond: ConditionEvaluator): boolean {
  const x = unwrap(e);
  if (x.kind === "call") {
    return x.args.some((a) => cond.isStatusExpr(a.value));
  }
  return false;
}

const COLLECT = /^(push|append|add)$/;

/** The kind of error a branch leaves with: the class or factory it builds (with a code it is given), or a re-throw. */
function errorKind(body: Stmt[]): string | undefined {
  for (const st of body) {
    let e: Expr | undefined;
    if (st.kind === "throw" || st.kind === "return") e = st.value;
    else if (st.kind === "expr") {
      const x = unwrap(st.expr);
      if (x.kind === "call" && x.callee.kind === "member" && COLLECT.test(x.callee.property))
        e = x.args[0]?.value;
      else if (x.kind === "call" && x.callee.kind === "member" && x.callee.property === "raise_for_status")
        return "raise_for_status";
    }
    if (!e) {
      if (st.kind === "throw") return "rethrow";
      continue;
    }
    const x = unwrap(e);
    if (x.kind === "name") return "rethrow";
    if (x.kind !== "call") return undefined;
    const first = x.args[0] ? unwrap(x.args[0].value) : undefined;
    const code =
      first?.kind === "string" && !first.parts && /^[A-Z][A-Z0-9_]+$/.test(first.value)
        ? `:${first.value}`
        : "";
    return (dottedName(x.callee) ?? "?") + code;
  }
  return undefined;
}

/**
 * Whether a branch ends by handing an error to its caller: it throws (a
 * re-throw, a raise, `raise_for_status()` as its last word), returns an error
 * it builds, or collects one into a list of errors (`errors.push(getError(...))`,
 * `errors.append(exc)`). Log calls on the way do not matter; a return of data,
 * a loop or a retry does.
 */
function leavesAsError(body: Stmt[]): boolean {
  let collected = false;
  for (const st of body) {
    if (st.kind === "throw") return true;
    if (st.kind === "return") return st.value !== undefined && buildsError(st.value);
    if (st.kind === "expr") {
      const x = unwrap(st.expr);
      if (x.kind === "call" && x.callee.kind === "member") {
        if (x.callee.property === "raise_for_status") return true;
        const arg = x.args[0] ? unwrap(x.args[0].value) : undefined;
        if (COLLECT.test(x.callee.property) && arg && (buildsError(arg) || arg.kind === "name"))
          collected = true;
      }
      continue;
    }
    if (st.kind === "var") continue;
    // `if e.response.text: msg += ...`: building the message on the way.
    if (st.kind === "if" && wordsOnly(st.then) && (!st.else || wordsOnly(st.else))) continue;
    return false;
  }
  return collected;
}

/** Statements that only compute or log (no return, throw, loop or branch). */
function wordsOnly(body: Stmt[]): boolean {
  return body.every((st) => st.kind === "var" || st.kind === "expr");
}

/**
 * A hook given the response or error by its caller (`def _exception_handler(self,
 * error)`): the statuses it does not take fall off its end, back to the caller
 * that still holds them. It decides nothing about them.
 */
function handsBack(fn: FunctionDef, rest: Stmt[], holders: ReadonlySet<string>): boolean {
  if (!rest.every((st) => st.kind === "return" && (!st.value || unwrap(st.value).kind === "null")))
    return false;
  return handedStatus(fn, holders);
}

/** The statuses the handler tests are read from what its function was given (a parameter). */
function handedStatus(fn: FunctionDef, holders: ReadonlySet<string>): boolean {
  const params = new Set(fn.params.map((p) => p.name).filter((n): n is string => n !== undefined));
  return holders.size > 0 && [...holders].every((h) => params.has(h));
}

/**
 * A branch on the kind of something other than the response, narrowed to one status for that
 * kind (`issubclass(response_class, FileResponse) and status == 404`, `status == 401 and
 * response_class == DeleteDevicesResponse`): it picks what to build for that kind, and treats no
 * status differently from the others. A type check of the response or error itself
 * (`isinstance(e, ApiError) and e.status >= 500`) still names the status.
 */
function narrowsOtherKind(test: Expr, holders: ReadonlySet<string>): boolean {
  const x = unwrap(test);
  if (x.kind !== "logical" || x.op !== "and" || holders.size === 0) return false;
  const other = (e: Expr | undefined): boolean => {
    const root = e ? rootName(unwrap(e)) : undefined;
    return root !== undefined && !holders.has(root);
  };
  const isClass = (e: Expr): boolean => {
    const dotted = dottedName(unwrap(e));
    return dotted !== undefined && /^[A-Z]\w*[a-z]\w*$/.test(dotted.slice(dotted.lastIndexOf(".") + 1));
  };
  const kindCheck = (p: Expr): boolean => {
    const y = unwrap(p);
    if (y.kind === "call") {
      const name = calleeName(y.callee);
      return (name === "isinstance" || name === "issubclass") && other(y.args[0]?.value);
    }
    if (y.kind !== "binary") return false;
    if (y.op === "instanceof") return other(y.left);
    if (y.op === "==" || y.op === "===" || y.op === "is")
      return (isClass(y.right) && other(y.left)) || (isClass(y.left) && other(y.right));
    return false;
  };
  const parts: Expr[] = [];
  const flatten = (e: Expr): void => {
    const y = unwrap(e);
    if (y.kind === "logical" && y.op === "and") {
      flatten(y.left);
      flatten(y.right);
    } else parts.push(y);
  };
  flatten(x);
  return parts.some(kindCheck);
}

const COMPARISON = new Set(["==", "===", "!=", "!==", "<", "<=", ">", ">="]);

/**
 * The variables the handler's statuses are read from (`res` in `res.status`, and in
 * `status` after `const status = res.status` in the same function).
 */
function statusHolders(
  tests: Expr[],
  fn: FunctionDef | undefined,
  ctx: FileContext,
  cond: ConditionEvaluator,
): Set<string> {
  const holders = new Set<string>();
  // What is compared with an HTTP status number is a status too (`response.code >= 500`).
  const compared = new Set<Expr>();
  for (const t of tests)
    walkExpr(t, (e) => {
      if (e.kind !== "binary" || !COMPARISON.has(e.op)) return;
      for (const [side, other] of [
        [e.left, e.right],
        [e.right, e.left],
      ] as const) {
        const n = cond.numberOf(other);
        if (n !== undefined && n >= 100 && n <= 599) compared.add(unwrap(side));
      }
    });
  for (const t of tests)
    walkExpr(t, (e) => {
      if (!compared.has(e) && !cond.isStatusExpr(e)) return;
      if (e.kind === "member") {
        const root = rootName(e);
        if (root) holders.add(root);
      } else if (e.kind === "name") {
        const roots = (ctx.assignments.get(e.name) ?? [])
          .filter((v) => !fn || (fn.start <= v.start && v.end <= fn.end))
          .map((v) => unwrap(v))
          .map((x) => (x.kind === "member" ? rootName(x) : undefined));
        if (roots.length === 0) holders.add(e.name);
        for (const root of roots) if (root) holders.add(root);
      }
    });
  return holders;
}

/**
 * Whether the statuses no branch takes are handed, with the response or error that
 * holds them, to another function that decides their fate (`const handled = await
 * handleErrors(manager, res); if (handled === null) return retry(...)`): what becomes of
 * a 429 or a 5xx is that function's answer, not this handler's. Only a function of this
 * file that tests statuses counts: a log call, `next(err)` or `Promise.reject(err)` is no hand-over.
 */
function delegates(
  rest: Stmt[],
  holders: ReadonlySet<string>,
  ctx: FileContext,
  cond: ConditionEvaluator,
): boolean {
  if (holders.size === 0) return false;
  const handsOver = (e: Expr | undefined): boolean => {
    const x = e ? unwrap(e) : undefined;
    if (x?.kind !== "call" || LOG_CALL.test(dottedName(x.callee) ?? "")) return false;
    const given = x.args.some((a) => {
      const v = unwrap(a.value);
      return v.kind === "name" && holders.has(v.name);
    });
    if (!given) return false;
    // A function of this file that tests statuses itself (`parse_body(res)` does not; `next(err)`
    // and `Promise.reject(err)` hand the failure on as it is).
    const own = ctx.functions.get(ownName(x.callee));
    return own !== undefined && own.some((f) => testsStatus(f, cond));
  };
  return rest.some(
    (st) =>
      (st.kind === "expr" && handsOver(st.expr)) ||
      (st.kind === "var" && handsOver(st.value)) ||
      ((st.kind === "return" || st.kind === "throw") && handsOver(st.value)),
  );
}

/** A function that compares something with an HTTP error status, or calls `raise_for_status()`. */
function testsStatus(fn: FunctionDef, cond: ConditionEvaluator): boolean {
  let found = false;
  walkStmtsExprs(fn.body, (e) => {
    if (found) return;
    if (e.kind === "call" && e.callee.kind === "member" && e.callee.property === "raise_for_status")
      found = true;
    if (e.kind !== "binary" || !COMPARISON.has(e.op)) return;
    for (const side of [e.left, e.right]) {
      const n = cond.numberOf(side);
      if (n !== undefined && n >= 400 && n <= 599) found = true;
    }
  });
  return found;
}

/**
 * A translation table (SPEC 3, *decides the failure*): a function handed a status that
 * only maps each status to a label for its caller (`case 429: return { code: 2, message:
 * "resource_exhausted" }`, `elif http_status == 404: self.set_status("not_found")`): every
 * branch, and what the statuses no branch takes meet, is one return of a constant or one
 * call with constant arguments, and at least two branches give different labels. It
 * classifies statuses; what becomes of the failure is its caller's choice.
 */
function translates(
  branches: Branch[],
  rest: Stmt[],
  fn: FunctionDef | undefined,
  holders: ReadonlySet<string>,
): boolean {
  if (!fn || !handedStatus(fn, holders)) return false;
  const labels = new Set<string>();
  for (const body of [...branches.map((b) => b.body), rest]) {
    if (body.length === 0 && body === rest) continue;
    const label = body.length === 1 ? labelOf(body[0]!) : undefined;
    if (label === undefined) return false;
    labels.add(label);
  }
  return labels.size >= 2;
}

/** The constant a statement gives (`return "x"`, `return { code: 2 }`, `set_status("x")`), as a key. */
function labelOf(st: Stmt): string | undefined {
  if (st.kind === "return") return st.value ? constantKey(st.value) : "return";
  if (st.kind !== "expr") return undefined;
  const x = unwrap(st.expr);
  if (x.kind !== "call" || x.args.length === 0) return undefined;
  const args = x.args.map((a) => constantKey(a.value));
  if (args.some((a) => a === undefined)) return undefined;
  return `${dottedName(x.callee) ?? "?"}(${args.join(",")})`;
}

/** A literal, a named constant or an object of those, as a key; undefined for anything computed. */
function constantKey(e: Expr, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  switch (e.kind) {
    case "string":
      return e.parts ? undefined : JSON.stringify(e.value);
    case "number":
      return String(e.value);
    case "bool":
      return String(e.value);
    case "null":
      return "null";
    case "name":
    case "member": {
      const dotted = dottedName(e);
      return dotted && /^[A-Z][A-Z0-9_]*$/.test(dotted.slice(dotted.lastIndexOf(".") + 1))
        ? dotted
        : undefined;
    }
    case "object": {
      const parts: string[] = [];
      for (const p of e.properties) {
        const v = p.key !== undefined && !p.spread ? constantKey(p.value, depth + 1) : undefined;
        if (v === undefined) return undefined;
        parts.push(`${p.key}:${v}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      return undefined;
  }
}

/**
 * A client that retries on its own (an SDK, got, ky) covers what it retries, also when the
 * handler sits in the `catch` of its call or tests the response it returned (SPEC 3, cause 8).
 */
const RETRY_OPTIONS = ["retry", "retries", "maxRetries", "max_retries"];

function coveredByClients(h: HandlerSite, sources: Call[], retried: ClientRetried): HandlerSite {
  for (const call of sources) {
    // A per-request retry option (`{ retry: 0 }`) overrides the client's own policy: the mechanisms judge it.
    if (call.args.some((a) => a.value.kind === "object") && keywordOrOption(call, RETRY_OPTIONS)) continue;
    if (call.args.some((a) => a.name && RETRY_OPTIONS.includes(a.name))) continue;
    const own = retried(call);
    if (!own) continue;
    if (own.has(429)) h.retryCovers429 = true;
    if (own.has(500)) h.retryCovers5xx = true;
  }
  return h;
}

/** The calls whose result or error the handler's status expression holds: the `try` body its `catch` guards, or the call assigned to it. */
function sourceCalls(whole: Stmt, tests: Expr[], ctx: FileContext, cond: ConditionEvaluator): Call[] {
  let subject: string | undefined;
  for (const t of tests)
    walkExpr(t, (e) => {
      if (subject === undefined && cond.isStatusExpr(e) && e.kind === "member") subject = rootName(e);
    });
  if (!subject) return [];
  const fn = ctx.index.owner.get(whole);
  // The calls whose result or error the subject holds.
  const sources: Call[] = [];
  for (const st of ctx.index.stmts) {
    if (st.kind !== "try" || st.start > whole.start || st.end < whole.end) continue;
    if (!st.handlers.some((h) => h.binding === subject && h.start <= whole.start && whole.end <= h.end))
      continue;
    walkStmtsExprs(st.body, (e) => {
      if (e.kind === "call") sources.push(e);
    });
  }
  for (const v of ctx.assignments.get(subject) ?? []) {
    if (fn && (v.start < fn.start || v.end > fn.end)) continue;
    if (v.start > whole.start) continue;
    const x = unwrap(v);
    if (x.kind === "call") sources.push(x);
  }
  return sources;
}

/**
 * The handler judges the failures of requests sent through a client the
 * analyser cannot know (SPEC 3: when it cannot know, it stays silent): one
 * built from a class the code was handed (`function success(config, { Octokit
 * }) { const octokit = new Octokit(...) }`) or imported from a module that is
 * no HTTP library it knows (`self._session = ResilientSession(...)`). Such a
 * client may retry 429 and 5xx, or raise on them, before the handler sees them.
 */
function judgesUnknownClient(sources: Call[], ctx: FileContext): boolean {
  let unknown = false;
  for (const call of sources) {
    if (call.callee.kind !== "member") continue;
    const receiver = dottedName(call.callee.object);
    if (!receiver) continue;
    // `self._session = None` in a close() says nothing about what the client is.
    const built = (ctx.assignments.get(receiver) ?? []).filter((b) => unwrap(b).kind !== "null");
    // A class handed in as a parameter is unknown whatever its name (`{ Octokit }` may carry plugins).
    if (built.length > 0 && built.every((b) => builtFrom(b, ctx) === "parameter")) {
      unknown = true;
      continue;
    }
    if (clientAt(ctx, receiver, call.start)) return false;
    if (built.length === 0) continue;
    if (!built.every((b) => builtFrom(b, ctx) !== undefined)) return false;
    unknown = true;
  }
  return unknown;
}

/**
 * Where the class of a client built by `new X(...)` / `X(...)` comes from, when the analyser cannot know
 * it: a parameter (`{ Octokit }`), or an import that is no HTTP library or SDK it knows.
 */
const HTTP_LAYER = /(Session|Transport|Adapter|Requester|HttpClient|HTTPClient|Connection)$/;

function builtFrom(value: Expr, ctx: FileContext): "parameter" | "import" | undefined {
  const x = unwrap(value);
  const handedIn = (root: string): boolean =>
    ctx.allFunctions.some(
      (f) =>
        f.start <= x.start &&
        x.end <= f.end &&
        f.params.some(
          (p) =>
            p.name === root ||
            (p.pattern?.kind === "pattern" && p.pattern.bindings.some((b) => b.name === root)),
        ),
    );
  // `self._session = session`: the client itself was handed in.
  if (x.kind === "name") return handedIn(x.name) ? "parameter" : undefined;
  if (x.kind !== "call") return undefined;
  const name = dottedName(x.callee);
  if (!name || !/^[A-Z]/.test(name.slice(name.lastIndexOf(".") + 1))) return undefined;
  const root = name.split(".")[0]!;
  if (handedIn(root)) return "parameter";
  if (clientFromConstructor(x, ctx)) return undefined;
  // An HTTP layer of the project's own (`ResilientSession`, `RetryTransport`); an SDK's root
  // class (`Github(...)`) is judged by what the analyser knows of that SDK instead.
  return ctx.imports.has(root) && HTTP_LAYER.test(name) ? "import" : undefined;
}

/** The tests of an if / else-if chain. */
function chainTests(st: IfStmt): Expr[] {
  const out: Expr[] = [];
  for (let cur: IfStmt | undefined = st, n = 0; cur && n < 64; n++) {
    out.push(cur.test);
    const next: Stmt | undefined = cur.else && cur.else.length === 1 ? cur.else[0] : undefined;
    cur = next?.kind === "if" ? next : undefined;
  }
  return out;
}

/** Whether a test of an if / else-if chain names a status (`if s == 201: ... elif s == 404:` starts with a success). */
function chainNamesAnything(st: IfStmt, ctx: FileContext, cond: ConditionEvaluator): boolean {
  for (let cur: IfStmt | undefined = st, n = 0; cur && n < 64; n++) {
    if (namedIn(cur.test, ctx, cond).length > 0) return true;
    const next: Stmt | undefined = cur.else && cur.else.length === 1 ? cur.else[0] : undefined;
    cur = next?.kind === "if" ? next : undefined;
  }
  return false;
}

function addSwitch(
  out: HandlerSite[],
  st: SwitchStmt,
  after: Stmt[],
  ctx: FileContext,
  cond: ConditionEvaluator,
  retried: ClientRetried,
): void {
  const branches: Branch[] = [];
  const subject = unwrap(st.subject);
  const statusSubject = cond.isStatusExpr(subject);
  const codeSubject = isCodeAccess(subject);
  let pending: Named[] = [];
  for (const c of st.cases) {
    const named: Named[] = pending;
    for (const t of c.tests) {
      if (statusSubject) {
        const n = cond.numberOf(t);
        if (n !== undefined && n >= 400 && n <= 599) named.push(statusNamed(n, t));
        continue;
      }
      if (codeSubject && t.kind === "string" && !t.parts) {
        const c2 = codeNamed(t.value, t, ctx);
        if (c2) named.push(c2);
        continue;
      }
      if (ctx.language.casesTestClasses && (t.kind === "name" || t.kind === "member")) {
        const cl = classNamed(t, ctx);
        if (cl) named.push(cl);
        continue;
      }
      if (subject.kind === "bool") named.push(...namedIn(t, ctx, cond));
    }
    // `case status if status >= 500:`
    if (c.guard) named.push(...namedIn(c.guard, ctx, cond));
    // `case 401: case 403: ...` fall through into one branch.
    if (c.body.length === 0 && c.tests.length > 0) {
      pending = named;
      continue;
    }
    pending = [];
    branches.push({ named, body: c.body });
  }
  if (branches.every((b) => b.named.length === 0)) return;
  const fallback: SwitchCase | undefined = st.cases.find((c) => c.tests.length === 0);
  const rest = fallback ? fallback.body : after;
  const sources = sourceCalls(st, [st.subject], ctx, cond);
  const fn = ctx.index.owner.get(st);
  const holders = statusHolders([st.subject], fn, ctx, cond);
  const propagates =
    propagatesErrors(rest) ||
    classifies(branches, rest, cond) ||
    translates(branches, rest, fn, holders) ||
    delegates(rest, holders, ctx, cond) ||
    judgesUnknownClient(sources, ctx);
  out.push(coveredByClients(makeHandler(st.keyword, branches, st, propagates, ctx), sources, retried));
}

function addTry(out: HandlerSite[], st: TryStmt, ctx: FileContext, _cond: ConditionEvaluator): void {
  if (!ctx.language.catchClausesNameClasses || st.handlers.length < 2) return;
  const branches: Branch[] = st.handlers.map((h) => ({
    named: [
      ...h.types
        .flatMap((x) => (x.kind === "array" ? x.elements : [x]))
        .flatMap((t) => classNamed(t, ctx) ?? []),
      // `except APIStatusError as e: if e.status_code >= 500: ...`: a status check in a typed handler is a path.
      ...h.body.flatMap((b) => (b.kind === "if" ? chainTests(b).flatMap((t) => namedIn(t, ctx, _cond)) : [])),
    ],
    body: h.body,
  }));
  if (branches.every((b) => b.named.length === 0)) return;
  const h = makeHandler(st.keyword, branches, st, false, ctx);
  // discord.py sleeps out 429s and retries 5xx before its classes reach the clauses.
  const own = selfRetriesBeforeClauses(st, ctx);
  if (own?.has(429)) h.retryCovers429 = true;
  if (own?.has(500)) h.retryCovers5xx = true;
  out.push(h);
}

/** What the SDK whose classes the clauses name retries on its own before raising them. */
function selfRetriesBeforeClauses(st: TryStmt, ctx: FileContext): ReadonlySet<number> | undefined {
  if (!ctx.language.selfRetriesBeforeRaising) return undefined;
  for (const h of st.handlers)
    for (const t of h.types.flatMap((x) => (x.kind === "array" ? x.elements : [x]))) {
      const root = (dottedName(t) ?? "").split(".")[0]!;
      const module = ctx.imports.get(root)?.module;
      const own = module ? ctx.language.selfRetriesBeforeRaising(module) : undefined;
      if (own) return own;
    }
  return undefined;
}

/** The statuses, ranges, classes and codes a condition names. */
function namedIn(test: Expr, ctx: FileContext, cond: ConditionEvaluator): Named[] {
  const out: Named[] = [];
  const visit = (e: Expr, depth: number): void => {
    if (depth > 40) return;
    const x = unwrap(e);
    if (x.kind === "logical") {
      visit(x.left, depth + 1);
      visit(x.right, depth + 1);
      return;
    }
    if (x.kind === "unary" && x.op === "not") {
      visit(x.operand, depth + 1);
      return;
    }
    if (x.kind === "name") {
      // `const retryable = res.status === 429 || res.status >= 500; if (retryable) ...`
      const value = ctx.values.get(x.name);
      if (value && value !== x && value.kind !== "function") visit(value, depth + 5);
      return;
    }
    if (x.kind === "binary") {
      if (x.op === "instanceof") {
        const cl = classNamed(x.right, ctx);
        if (cl) out.push(cl);
        return;
      }
      if ((x.op === "in" || x.op === "not in") && cond.isStatusExpr(x.left)) {
        out.push(...listNamed(x.right, cond));
        return;
      }
      if (
        ["==", "!=", "<", "<=", ">", ">="].includes(x.op) &&
        (cond.statusClassOf(x.left) || cond.statusClassOf(x.right))
      ) {
        const cls = classNamedIn(x, cond);
        if (cls) out.push(cls);
        return;
      }
      if (["==", "!=", "<", "<=", ">", ">="].includes(x.op)) {
        // A code field (`error_code`) compared with an error status is a status too.
        const codeStatus = (a: Expr, b: Expr): boolean => {
          const n = cond.isNumericCode(a) ? cond.numberOf(b) : undefined;
          return n !== undefined && n >= 400 && n <= 599;
        };
        const [statusSide, other] =
          cond.isStatusExpr(x.left) || codeStatus(x.left, x.right)
            ? [x.left, x.right]
            : cond.isStatusExpr(x.right) || codeStatus(x.right, x.left)
              ? [x.right, x.left]
              : [undefined, undefined];
        if (statusSide && other) {
          const n = cond.numberOf(other);
          if (n === undefined) return;
          const op = statusSide === x.left ? x.op : flip(x.op);
          if (op === "==" || op === "!=") {
            if (n >= 400 && n <= 599) out.push(statusNamed(n, other));
          } else {
            const range = rangeNamed(op, n, x);
            if (range) out.push(range);
          }
          return;
        }
        if (x.op === "==" || x.op === "!=") {
          const lit = unwrap(x.right).kind === "string" ? unwrap(x.right) : unwrap(x.left);
          const side = lit === unwrap(x.right) ? x.left : x.right;
          if (lit.kind === "string" && !lit.parts && isCodeAccess(unwrap(side))) {
            const c = codeNamed(lit.value, lit, ctx);
            if (c) out.push(c);
          }
        }
      }
      return;
    }
    if (x.kind === "call") {
      const name = calleeName(x.callee);
      const positional = x.args.filter((a) => !a.name);
      if (name === "isinstance" && positional[1]) {
        const types = unwrap(positional[1].value);
        for (const t of types.kind === "array" ? types.elements : [types]) {
          const cl = classNamed(t, ctx);
          if (cl) out.push(cl);
        }
        return;
      }
      if (
        (name === "includes" || name === "has") &&
        x.callee.kind === "member" &&
        positional[0] &&
        cond.isStatusExpr(positional[0].value)
      ) {
        out.push(...listNamed(x.callee.object, cond));
      }
      return;
    }
    if (x.kind === "member" && (x.property === "is_server_error" || x.property === "is_client_error")) {
      const server = x.property === "is_server_error";
      out.push({
        key: `m:${x.property}`,
        covers: (s) => (server ? s >= 500 : s >= 400 && s < 500),
        ref: {
          status: server ? 500 : 400,
          via: "range",
          label: server ? "5xx" : "4xx",
          start: x.start,
          end: x.end,
        },
      });
    }
  };
  visit(test, 0);
  return out;
}

/** `Math.floor(status / 100) === 5`: a status class, covering what a range would. */
function classNamedIn(x: Extract<Expr, { kind: "binary" }>, cond: ConditionEvaluator): Named | undefined {
  const onLeft = cond.statusClassOf(x.left);
  const k = cond.numberOf(onLeft ? x.right : x.left) ?? -1;
  const op = onLeft ? x.op : flip(x.op);
  const holds = (v: number): boolean => {
    const c = Math.floor(v / 100);
    return op === "=="
      ? c === k
      : op === "!="
        ? c !== k
        : op === "<"
          ? c < k
          : op === "<="
            ? c <= k
            : op === ">"
              ? c > k
              : c >= k;
  };
  if (sameForAllErrors(holds)) return undefined;
  return {
    key: `class:${op}${k}`,
    covers: (s) => (s === 429 ? holds(429) && !holds(500) : holds(s) !== holds(404)),
    ref: { status: k * 100, via: "range", label: `${k}xx`, start: x.start, end: x.end },
  };
}

function flip(op: string): string {
  return op === "<" ? ">" : op === ">" ? "<" : op === "<=" ? ">=" : op === ">=" ? "<=" : op;
}

function statusNamed(n: number, at: Expr): Named {
  return {
    key: `s:${n}`,
    covers: (s) => s === n,
    ref: { status: n, via: "literal", label: String(n), start: at.start, end: at.end },
  };
}

/**
 * A range or class that holds for every error status or for none (`>= 200`,
 * `< 300`, `>= 400`, `Math.floor(s / 100) === 2`) tells error statuses nothing
 * apart: it is `!res.ok` or a success check spelled out.
 */
function sameForAllErrors(holds: (v: number) => boolean): boolean {
  const first = holds(400);
  for (let v = 401; v <= 599; v++) if (holds(v) !== first) return false;
  return true;
}

function rangeNamed(op: string, n: number, at: Expr): Named | undefined {
  const holds = (v: number): boolean =>
    op === "<" ? v < n : op === "<=" ? v <= n : op === ">" ? v > n : v >= n;
  if (sameForAllErrors(holds)) return undefined;
  return {
    key: `r:${op}${n}`,
    // A path for 429 when it sets 429 apart from 5xx (`< 500`); a path for 5xx when it sets
    // 5xx apart from ordinary 4xx (`>= 500`, `< 500`). `>= 400` lumps everything together.
    covers: (s) => (s === 429 ? holds(429) && !holds(500) : holds(s) !== holds(404)),
    ref: { status: n, via: "range", label: `${op} ${n}`, start: at.start, end: at.end },
  };
}

function listNamed(list: Expr, cond: ConditionEvaluator): Named[] {
  const items = cond.listOf(list);
  if (!items) return [];
  return items.items.filter((i) => i.value >= 400 && i.value <= 599).map((i) => statusNamed(i.value, i.ref));
}

function classNamed(t: Expr, ctx: FileContext): Named | undefined {
  const dotted = dottedName(t);
  if (!dotted) return undefined;
  const imp = ctx.imports.get(dotted.split(".")[0]!);
  const known = classMatch(dotted, ctx.knowledge, ctx.language, imp !== undefined);
  if (!known || known.status === undefined) return undefined;
  const name = dotted.slice(dotted.lastIndexOf(".") + 1);
  return {
    key: `c:${name}`,
    covers: (s) => known.match(s),
    ref: { status: known.status, via: "class", label: name, start: t.start, end: t.end },
  };
}

function codeNamed(code: string, at: Expr, ctx: FileContext): Named | undefined {
  const known = codeStatus(code, ctx.knowledge);
  if (known === undefined) return undefined;
  const status = known.simulated;
  return {
    key: `k:${code}`,
    covers: (s) => s === status || (status >= 500 && s >= 500 && s < 600 && s === status),
    ref: { status, via: "code", label: code, start: at.start, end: at.end },
  };
}
