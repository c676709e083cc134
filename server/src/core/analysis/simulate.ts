// Over 400 lines: one abstract interpreter (statements, calls, helpers) whose parts recurse into each other; split it only with the next simulator change.
/**
 * Runs a piece of code (a loop body, a function body, a retry callback)
 * abstractly under one failure scenario and returns how each path ends:
 * falls through, continues, breaks, returns, throws or aborts the retry,
 * with what it did on the way (requests, waits, credential refreshes, the
 * status checks that decided it, a recursive call).
 */

import type { Call, Expr, FunctionDef, Stmt, Target } from "../ir/types";
import {
  calleeName,
  childExprs,
  dottedName,
  rootName,
  stmtExprs,
  unwrap,
  walkExpr,
  walkStmts,
} from "../ir/walk";
import { ConditionEvaluator, DEFINED, type CondResult, type Env, type Scenario } from "./conditions";
import { assignmentsAt } from "./context";
import type { FileContext } from "./model";
import { isCredentialRefresh, RETRY_AFTER_TEXT } from "./knowledge";
import { detectRequest } from "./requests";
import { type RequestInfo } from "./model";
import type { StatusRef } from "./types";
import type { ImportedWrapper } from "../index/types";

export interface WaitEvent {
  /** The wait expression (`sleep(1000)`, `new Promise(r => setTimeout(r, d))`, `time.sleep(d)`). */
  expr: Expr;
  /** The delay expression, when there is one. */
  delay?: Expr;
  /** A same-file helper that does the waiting (`await backoff(attempt)`). */
  helper?: FunctionDef;
  helperArgs?: Call;
  /** The delay's unit when the wait function fixes it (timers take ms, Python sleeps take seconds). */
  unit?: "ms" | "s";
  /** On one path: the values names were last given on it before this wait (null: not a plain `=`). */
  reaching?: readonly Reaching[];
  /** On every retrying path that passes this wait: what `reaching` was on each. */
  paths?: readonly (readonly Reaching[])[];
}

/** A name and the value a path last assigned to it (null when the assignment was not a plain `=`). */
export type Reaching = readonly [string, Expr | null];

export interface PathFacts {
  requested: boolean;
  responded: boolean;
  refreshed: boolean;
  decided: boolean;
  refs: StatusRef[];
  waits: WaitEvent[];
  recursed?: Call;
  /** Simple values names took on this path: literals, or DEFINED for a response. */
  bindings?: [string, Expr][];
  /** The path went through a `catch` / `except` handler. */
  caught?: boolean;
  /** The class an explicit `raise X(...)` on the path raised, until a handler catches it (typed handlers only). */
  raised?: string;
  /** The path passed a condition that checks an attempt count or a deadline (`limitTest`). */
  limited?: boolean;
  /** The path passed a condition on Retry-After (`if retry_after: ... else: backoff`). */
  retryAfterChecked?: boolean;
  /** Names the path assigned after a request was sent (what the next attempt may send differently). */
  assigned?: string[];
  /** What those names were given, in order: the value a later wait reads on this path. */
  values?: Reaching[];
  /**
   * Conditions the path took a branch of without knowing their value (`if (n < max)` taken as
   * false), so that the same test later on the path (`} while (n < max)`) answers the same,
   * until one of the names it reads is assigned.
   */
  assumed?: Assumption[];
}

export interface Assumption {
  key: string;
  names: string[];
  value: boolean;
}

export type OutcomeKind = "normal" | "continue" | "break" | "return" | "throw" | "abort";

export interface Outcome {
  kind: OutcomeKind;
  facts: PathFacts;
}

type Event =
  | { kind: "request"; info: RequestInfo }
  | { kind: "helper"; fn: FunctionDef; throws: boolean }
  | { kind: "raise" }
  | { kind: "wait"; wait: WaitEvent }
  | { kind: "refresh" }
  | { kind: "recurse"; call: Call }
  | { kind: "abort" }
  /** A same-file function that may throw depending on what it is given (`parseResponse(res)`). */
  | { kind: "inline"; fn: FunctionDef };

export interface SimulationOptions {
  /** Names a call must have to be a recursive retry (`api_request`, `this.fetchUser`). */
  selfNames?: ReadonlySet<string>;
  /** Among `selfNames`, the functions that call back into the analysed one: their waits come before it re-runs. */
  partners?: ReadonlySet<string>;
  /** Functions passed in as the attempt (a generic retry helper's `fn` parameter). */
  attemptParams?: ReadonlyMap<string, boolean>;
  /** Calls of these names abort the retry (`bail` of async-retry). */
  abortCalls?: ReadonlySet<string>;
  env?: Env;
  /** The code runs after a request failed (an error interceptor): the path has sent one. */
  assumeRequested?: boolean;
  /** Marks paths through conditions that check an attempt count or a deadline. */
  limitTest?: (test: Expr) => boolean;
}

export const MAX_OUTCOMES = 48;
const MAX_HELPER_DEPTH = 2;

/** Per-file simulator; caches the events of each statement. */
export class Simulator {
  readonly cond: ConditionEvaluator;
  private readonly events = new WeakMap<Stmt, Event[]>();
  private readonly helperInfo = new Map<
    FunctionDef,
    { requests: boolean; throws: boolean; wait?: boolean }
  >();
  private options: SimulationOptions = {};
  private inlineDepth = 0;
  private scenario: Scenario = 200;

  /** @param wrappers request wrappers imported from other files, by callee (the workspace index). */
  constructor(
    readonly ctx: FileContext,
    private readonly wrappers: Readonly<Record<string, ImportedWrapper>> = {},
  ) {
    this.cond = new ConditionEvaluator(ctx);
  }

  /** Simulates `stmts` under scenario `s`. */
  run(stmts: Stmt[], s: Scenario, options: SimulationOptions = {}): Outcome[] {
    this.options = options;
    this.scenario = s;
    const start: PathFacts = {
      requested: options.assumeRequested === true,
      responded: false,
      refreshed: false,
      decided: false,
      refs: [],
      waits: [],
    };
    return this.block(stmts, [start]);
  }

  /** Whether statements (transitively, through same-file helpers) send a request. */
  containsRequest(stmts: Stmt[], options: SimulationOptions = {}): boolean {
    const saved = this.options;
    this.options = options;
    let found = false;
    walkStmts(stmts, (st) => {
      if (found) return false;
      if (this.eventsOf(st).some((e) => e.kind === "request" || e.kind === "helper")) found = true;
      return !found;
    });
    this.options = saved;
    return found;
  }

  /** All requests sent directly by these statements (not through helpers). */
  requestsIn(stmts: Stmt[]): RequestInfo[] {
    const out: RequestInfo[] = [];
    walkStmts(stmts, (st) => {
      for (const e of this.eventsOf(st)) if (e.kind === "request") out.push(e.info);
    });
    return out;
  }

  // ------------------------------------------------------------ statements

  private block(stmts: Stmt[], incoming: PathFacts[]): Outcome[] {
    let live = incoming;
    const done: Outcome[] = [];
    for (const st of stmts) {
      if (live.length === 0) break;
      const next: PathFacts[] = [];
      for (const facts of live) {
        for (const o of this.stmt(st, facts)) {
          if (o.kind === "normal") next.push(o.facts);
          else done.push(o);
        }
      }
      live = dedupeFacts(next);
    }
    return capOutcomes([...done, ...live.map((facts) => ({ kind: "normal" as const, facts }))]);
  }

  private stmt(st: Stmt, given: PathFacts): Outcome[] {
    const facts = forgetAssumptions(st, given);
    switch (st.kind) {
      case "function":
      case "class":
      case "import":
        return [{ kind: "normal", facts }];
      case "expr":
        return [noteAssigned(st, this.applyEvents(this.eventsOf(st), facts))];
      case "var": {
        const o = noteAssigned(st, this.applyEvents(this.eventsOf(st), facts));
        if (o.kind !== "normal" || st.target.kind !== "name") return [o];
        const value = st.value ? unwrap(st.value) : undefined;
        let bound: Expr | undefined;
        if (value && (value.kind === "bool" || value.kind === "null" || value.kind === "number"))
          bound = value;
        else if (
          o.facts.responded &&
          this.eventsOf(st).some((e) => e.kind === "request" || e.kind === "helper")
        )
          bound = DEFINED;
        if (!bound) return [o];
        return [
          {
            kind: "normal",
            facts: { ...o.facts, bindings: [...(o.facts.bindings ?? []), [st.target.name, bound]] },
          },
        ];
      }
      case "return": {
        const o = this.applyEvents(this.eventsOf(st), facts);
        return [o.kind === "normal" ? { kind: "return", facts: o.facts } : o];
      }
      case "throw": {
        const o = this.applyEvents(this.eventsOf(st), facts);
        if (o.kind !== "normal") return [o];
        const raised = this.ctx.language.catchClausesNameClasses ? raisedClass(st.value) : undefined;
        return [{ kind: isAbortError(st.value) ? "abort" : "throw", facts: { ...o.facts, raised } }];
      }
      case "break":
        return [{ kind: "break", facts }];
      case "continue":
        return [{ kind: "continue", facts }];
      case "block": {
        const o = this.applyEvents(this.eventsOf(st), facts);
        if (o.kind !== "normal") return [o];
        return this.block(st.body, [o.facts]);
      }
      case "if":
        return this.ifStmt(st, facts);
      case "switch":
        return this.switchStmt(st, facts);
      case "loop": {
        // A loop nested in the simulated code runs its body once, abstractly.
        const o = this.applyEvents(this.eventsOf(st), facts);
        if (o.kind !== "normal") return [o];
        // A `while` whose test is false under this scenario (a redirect loop on a 503) never runs its body.
        if (
          st.loop === "while" &&
          st.test &&
          this.cond.eval(st.test, this.scenario, this.options.env).value === false
        )
          return [o];
        const inner = this.block(st.body, [o.facts]);
        return inner.map((x) =>
          x.kind === "break" || x.kind === "continue" ? { kind: "normal", facts: x.facts } : x,
        );
      }
      case "try":
        return this.tryStmt(st, facts);
    }
  }

  private ifStmt(st: Extract<Stmt, { kind: "if" }>, facts: PathFacts): Outcome[] {
    const pre = this.applyEvents(this.eventsOf(st), facts);
    if (pre.kind !== "normal") return [pre];
    const evaluated = this.cond.eval(st.test, this.scenario, this.options.env);
    const known = evaluated.value === undefined ? assumedValue(st.test, pre.facts) : undefined;
    const c = known === undefined ? evaluated : { ...evaluated, value: known };
    const assume = (facts: PathFacts, value: boolean): PathFacts =>
      c.value === undefined ? withAssumption(facts, st.test, value) : facts;
    const out: Outcome[] = [];
    const decided = pre.facts.decided || c.decided;
    // An attempt-count or deadline check bounds the branch it lets through: the `then` branch, and
    // the `else` branch when `then` always leaves (`if (attempt >= max) throw err`).
    const limit = this.options.limitTest?.(st.test) === true;
    if (!pre.facts.retryAfterChecked && mentionsRetryAfter(st.test, this.ctx) && !onlyLogs(st))
      pre.facts = { ...pre.facts, retryAfterChecked: true };
    if (c.value !== false) {
      const limited = limit || pre.facts.limited;
      out.push(
        ...this.block(st.then, [
          assume({ ...pre.facts, limited, decided, refs: [...pre.facts.refs, ...c.refs] }, true),
        ]),
      );
    }
    if (c.value !== true) {
      const thenLeaves =
        limit &&
        st.then.length > 0 &&
        this.block(st.then, [pre.facts]).every(
          (o) => (o.kind === "throw" || o.kind === "return" || o.kind === "abort") && !o.facts.recursed,
        );
      const limited = (limit && thenLeaves) || pre.facts.limited;
      out.push(
        ...this.block(st.else ?? [], [
          assume(
            { ...pre.facts, limited, decided, refs: [...pre.facts.refs, ...(c.falseRefs ?? [])] },
            false,
          ),
        ]),
      );
    }
    return out;
  }

  private switchStmt(st: Extract<Stmt, { kind: "switch" }>, facts: PathFacts): Outcome[] {
    const pre = this.applyEvents(this.eventsOf(st), facts);
    if (pre.kind !== "normal") return [pre];
    const out: Outcome[] = [];
    const subjectIsStatus = this.cond.isStatusExpr(st.subject, this.options.env);
    let fallthrough: PathFacts[] = [];
    let pending: PathFacts[] = [pre.facts];
    const defaultIndex = st.cases.findIndex((c) => c.tests.length === 0);
    const runFrom = (index: number, entry: PathFacts[]): void => {
      let live = entry;
      for (let i = index; i < st.cases.length && live.length > 0; i++) {
        const res = this.block(st.cases[i]!.body, live);
        live = [];
        for (const o of res) {
          if (o.kind === "normal") live.push(o.facts);
          else if (o.kind === "break") out.push({ kind: "normal", facts: o.facts });
          else out.push(o);
        }
        if (!this.ctx.language.casesFallThrough) break; // match cases do not fall through
      }
      for (const f of live) out.push({ kind: "normal", facts: f });
    };
    for (let i = 0; i < st.cases.length; i++) {
      const c = st.cases[i]!;
      if (c.tests.length === 0) continue;
      const r = this.caseTest(c.tests, st.subject, subjectIsStatus);
      const taken = pending.map((f) => ({
        ...f,
        decided: f.decided || r.decided,
        refs: [...f.refs, ...r.refs],
      }));
      if (r.value !== false) fallthrough = taken;
      if (r.value !== false) runFrom(i, fallthrough);
      if (r.value === true) {
        pending = [];
        break;
      }
      pending = pending.map((f) => ({ ...f, decided: f.decided || r.decided }));
    }
    if (pending.length > 0) {
      if (defaultIndex >= 0) runFrom(defaultIndex, pending);
      else for (const f of pending) out.push({ kind: "normal", facts: f });
    }
    return capOutcomes(out);
  }

  private caseTest(tests: Expr[], subject: Expr, subjectIsStatus: boolean): CondResult {
    const results: CondResult[] = tests.map((t) => {
      const n = this.cond.numberOf(t);
      if (subjectIsStatus && n !== undefined) return this.cond.compareStatus("==", n, t, this.scenario);
      if (t.kind === "string" && !t.parts) return this.cond.codeTest(t.value, t, this.scenario);
      if (t.kind === "name" || t.kind === "member") {
        // `case RateLimitError():` / `switch (true) { case err instanceof X: }` / `switch (err.constructor)`
        const sub = unwrap(subject);
        if (sub.kind === "bool" && sub.value) return this.cond.eval(t, this.scenario, this.options.env);
        if (this.ctx.language.casesTestClasses) return this.cond.classTest([t], this.scenario);
      }
      if (unwrap(subject).kind === "bool") return this.cond.eval(t, this.scenario, this.options.env);
      return { value: undefined, refs: [], decided: false };
    });
    if (results.some((r) => r.value === true))
      return { value: true, refs: results.flatMap((r) => (r.value === true ? r.refs : [])), decided: true };
    if (results.every((r) => r.value === false))
      return { value: false, refs: [], decided: results.some((r) => r.decided) };
    return {
      value: undefined,
      refs: results.flatMap((r) => r.refs),
      decided: results.some((r) => r.decided),
    };
  }

  private tryStmt(st: Extract<Stmt, { kind: "try" }>, facts: PathFacts): Outcome[] {
    const body = this.block(st.body, [facts]);
    const out: Outcome[] = [];
    for (const o of body) {
      if (o.kind === "throw") {
        let remaining: PathFacts[] = [o.facts];
        const raised = o.facts.raised;
        for (const h of st.handlers) {
          if (remaining.length === 0) break;
          // An error the code raises itself is caught by a handler of its class, not by what the
          // request's failure would be (`raise BadRequestError(r)` passes `except ReadTimeoutError`).
          const match: CondResult = raised
            ? { value: this.catchesRaised(h.types, raised, 0), refs: [], decided: true }
            : this.cond.classTest(h.types, this.scenario);
          const next: PathFacts[] = [];
          for (const f of remaining) {
            if (match.value !== false) {
              out.push(
                ...this.block(h.body, [
                  {
                    ...f,
                    raised: undefined,
                    caught: true,
                    decided: f.decided || match.decided,
                    refs: [...f.refs, ...match.refs],
                  },
                ]),
              );
            }
            if (match.value !== true) next.push({ ...f, decided: f.decided || match.decided });
          }
          remaining = next;
        }
        for (const f of remaining) out.push({ kind: "throw", facts: f });
      } else if (o.kind === "normal" && st.orelse) {
        out.push(...this.block(st.orelse, [o.facts]));
      } else {
        out.push(o);
      }
    }
    if (!st.finally || st.finally.length === 0) return capOutcomes(out);
    const withFinally: Outcome[] = [];
    for (const o of out) {
      for (const f of this.block(st.finally, [o.facts]))
        withFinally.push(f.kind === "normal" ? { kind: o.kind, facts: f.facts } : f);
    }
    return capOutcomes(withFinally);
  }

  // ------------------------------------------------------------ events

  private applyEvents(events: Event[], facts: PathFacts): Outcome {
    let f = facts;
    const s = this.scenario;
    for (const ev of events) {
      switch (ev.kind) {
        case "request":
        case "helper": {
          const throws = ev.kind === "request" ? ev.info.client.throws : ev.throws;
          f = { ...f, requested: true };
          if (s === "network") return { kind: "throw", facts: f };
          if (s !== 200 && throws) return { kind: "throw", facts: f };
          f = { ...f, responded: true };
          break;
        }
        case "raise":
          if (f.responded && s !== 200 && s !== "network") return { kind: "throw", facts: f };
          break;
        case "wait":
          // The values this path gave the names a wait reads decide what it waits on this path.
          f = { ...f, waits: [...f.waits, f.values ? { ...ev.wait, reaching: f.values } : ev.wait] };
          break;
        case "refresh":
          f = { ...f, refreshed: true };
          break;
        case "recurse":
          f = { ...f, recursed: ev.call };
          break;
        case "abort":
          return { kind: "abort", facts: f };
        case "inline": {
          if (!f.responded || this.inlineDepth > 0) break;
          // Run it under this scenario: a failure throws when some path of it throws; a success only
          // when every path does. Its own checks decide nothing about retrying.
          this.inlineDepth++;
          const outs = this.block(ev.fn.body, [f]);
          this.inlineDepth--;
          const throwing = outs.filter((o) => o.kind === "throw" || o.kind === "abort");
          const throws = s === 200 ? outs.length > 0 && throwing.length === outs.length : throwing.length > 0;
          if (throws) return { kind: throwing[0]!.kind === "abort" ? "abort" : "throw", facts: f };
          break;
        }
      }
    }
    return { kind: "normal", facts: f };
  }

  private eventsOf(st: Stmt): Event[] {
    const cached = this.events.get(st);
    if (cached && !this.options.selfNames && !this.options.attemptParams && !this.options.abortCalls)
      return cached;
    const out: Event[] = [];
    for (const e of stmtExprs(st)) this.collect(e, out, 0);
    if (!this.options.selfNames && !this.options.attemptParams && !this.options.abortCalls)
      this.events.set(st, out);
    return out;
  }

  /** Post-order: a call's arguments run before the call. Functions are not entered (callbacks run later), but promise-wrapped timers are waits. */
  private collect(e: Expr, out: Event[], depth: number): void {
    if (depth > 200) return;
    switch (e.kind) {
      case "function":
        return;
      case "call":
        this.collect(e.callee, out, depth + 1);
        for (const a of e.args) {
          if (a.value.kind !== "function") this.collect(a.value, out, depth + 1);
          else if (this.options.selfNames) {
            // `delay(ms).then(() => fetchIssue(key))`: the callback re-enters the function.
            const inner = this.selfCallIn(a.value.fn);
            // `setTimeout(() => f(x), d)`: the timer waits before the callback re-enters.
            const delay =
              calleeName(e.callee) === "setTimeout" && a === e.args[0] ? e.args[1]?.value : undefined;
            if (inner && delay) out.push({ kind: "wait", wait: { expr: e, delay, unit: "ms" } });
            if (inner) out.push({ kind: "recurse", call: inner });
          }
        }
        this.callEvent(e, out);
        return;
      default:
        for (const c of childExprs(e)) this.collect(c, out, depth + 1);
    }
  }

  /** A call of one of `selfNames` directly in a small callback's body. */
  private selfCallIn(fn: FunctionDef): Call | undefined {
    const names = this.options.selfNames!;
    let found: Call | undefined;
    for (const st of fn.body) {
      for (const e of stmtExprs(st)) {
        walkExpr(e, (x) => {
          if (found || x.kind !== "call") return;
          const d = ownName(x.callee);
          if (names.has(d)) found = x;
        });
      }
    }
    return found;
  }

  private callEvent(call: Call, out: Event[]): void {
    const dotted = dottedName(call.callee) ?? "";
    const name = calleeName(call.callee) ?? "";
    const opts = this.options;
    if (opts.selfNames && (opts.selfNames.has(dotted) || opts.selfNames.has(ownName(call.callee)))) {
      // Celery's `self.retry(countdown=...)` waits before the task runs again.
      const countdown = call.args.find((a) => a.name === "countdown")?.value;
      if (countdown) out.push({ kind: "wait", wait: { expr: call, delay: countdown, unit: "s" } });
      const partner = opts.partners?.has(ownName(call.callee)) ? this.sameFileFunction(call) : undefined;
      if (partner) out.push(...this.partnerWaits(partner));
      out.push({ kind: "recurse", call });
      return;
    }
    if (opts.abortCalls?.has(dotted)) {
      out.push({ kind: "abort" });
      return;
    }
    // `fn(...)`, `fn.apply(this, args)`, `fn.call(this, ...args)` (a method decorator's original).
    const attempt = /\.(apply|call)$/.test(dotted) ? dotted.slice(0, dotted.lastIndexOf(".")) : dotted;
    if (opts.attemptParams?.has(dotted) || opts.attemptParams?.has(attempt)) {
      // The attempt function of a generic retry helper: it fails the way the functions passed to it do.
      const throws = opts.attemptParams.get(dotted) ?? opts.attemptParams.get(attempt)!;
      out.push({ kind: "helper", fn: EMPTY_FN, throws });
      return;
    }
    const request = withImported(detectRequest(call, this.ctx), importedRequest(call, dotted, this.wrappers));
    if (request) {
      out.push({ kind: "request", info: request });
      return;
    }
    if (name === "raise_for_status" && call.callee.kind === "member") {
      out.push({ kind: "raise" });
      return;
    }
    const wait = this.waitOf(call);
    if (wait) {
      out.push({ kind: "wait", wait });
      return;
    }
    if (isCredentialRefresh(name)) {
      out.push({ kind: "refresh" });
      return;
    }
    const helper = this.sameFileFunction(call);
    if (helper) {
      const info = this.helperSummary(helper, 0);
      if (info.requests) out.push({ kind: "helper", fn: helper, throws: info.throws });
      else if (info.wait) out.push({ kind: "wait", wait: { expr: call, helper, helperArgs: call } });
      else if (info.throws && call.args.length > 0) out.push({ kind: "inline", fn: helper });
    }
  }

  /** The waits a function that calls back into the analysed one makes on its way (`await sleep(d); return f(x)`). */
  private partnerWaits(fn: FunctionDef): Event[] {
    const out: Event[] = [];
    walkStmts(fn.body, (st) => {
      for (const e of stmtExprs(st))
        walkExpr(e, (x) => {
          const wait = x.kind === "call" ? this.waitOf(x) : undefined;
          if (wait) out.push({ kind: "wait", wait });
        });
    });
    return out;
  }

  /** A wait: `sleep(ms)`, `time.sleep(s)`, `new Promise(r => setTimeout(r, ms))`, `setTimeout(ms)` of timers/promises. */
  private waitOf(call: Call): WaitEvent | undefined {
    if (call.isNew && calleeName(call.callee) === "Promise") {
      const fn = call.args[0]?.value;
      if (fn?.kind !== "function") return undefined;
      let found: WaitEvent | undefined;
      walkStmts(fn.fn.body, (st) => {
        for (const e of stmtExprs(st)) {
          const x = unwrap(e);
          if (x.kind === "call" && calleeName(x.callee) === "setTimeout") {
            found = { expr: call, delay: x.args[1]?.value, unit: "ms" };
          }
        }
      });
      return found;
    }
    const dotted = dottedName(call.callee);
    if (!dotted) return undefined;
    const imp = this.ctx.imports.get(dotted.split(".")[0]!);
    const sleep = this.ctx.language.sleep(dotted, imp?.module);
    if (!sleep) return undefined;
    const index = sleep.delayArg;
    if (sleep.certain) return { expr: call, delay: call.args[index]?.value, unit: sleep.unit };
    const local = this.sameFileFunction(call);
    if (local) {
      const info = this.helperSummary(local, 0);
      if (!info.wait) return undefined;
      // A thin `sleep(ms)` wrapper: the delay is its argument. A helper that computes its own
      // delay (`_wait(resp, attempt)`) is judged by what it computes.
      return thinWrapper(local)
        ? { expr: call, delay: call.args[index]?.value, unit: thinWrapperUnit(local, index) }
        : { expr: call, helper: local, helperArgs: call };
    }
    return { expr: call, delay: call.args[index]?.value, unit: sleep.unit };
  }

  private sameFileFunction(call: Call): FunctionDef | undefined {
    const dotted = dottedName(call.callee);
    if (!dotted) return undefined;
    const name = ownName(call.callee);
    if (name.includes(".")) return undefined;
    const fns = this.ctx.functions.get(name);
    return fns && fns.length === 1 ? fns[0] : undefined;
  }

  /**
   * Whether an `except` clause catches the class `raised` that the code raised itself: it names
   * the class, a catch-all (`Exception`, a bare `except:`), or a base the class has in this file
   * (`class BadRequest(ApiError)`); a tuple held in a module-level name is read. A class of
   * another module whose bases the analyser cannot see is taken as not caught by other names.
   */
  private catchesRaised(types: Expr[], raised: string, depth: number): boolean {
    if (types.length === 0) return true;
    const names: string[] = [];
    const add = (t: Expr, d: number): void => {
      const x = unwrap(t);
      if (x.kind === "array") for (const e of x.elements) add(e, d);
      const dotted = dottedName(x);
      if (!dotted) return;
      const value = x.kind === "name" && d < 3 ? this.ctx.values.get(x.name) : undefined;
      if (value && unwrap(value).kind === "array") add(value, d + 1);
      else names.push(dotted.slice(dotted.lastIndexOf(".") + 1));
    };
    for (const t of types) add(t, 0);
    if (names.some((n) => n === raised || n === "Exception" || n === "BaseException")) return true;
    if (depth >= 5) return false;
    return this.basesOf(raised).some((b) => this.catchesRaised(types, b, depth + 1));
  }

  private classBases: Map<string, string[]> | undefined;

  /** The names of the bases of a class defined in this file (`class A(B, mod.C)` -> B, C). */
  private basesOf(name: string): string[] {
    if (!this.classBases) {
      this.classBases = new Map();
      for (const st of this.ctx.index.stmts) {
        if (st.kind !== "class" || !st.name) continue;
        const bases = st.bases.map((b) => dottedName(b)).filter((b): b is string => b !== undefined);
        this.classBases.set(
          st.name,
          bases.map((b) => b.slice(b.lastIndexOf(".") + 1)),
        );
      }
    }
    return this.classBases.get(name) ?? [];
  }

  /** Does a same-file function send requests, throw on HTTP errors, wait? */
  helperSummary(fn: FunctionDef, depth: number): { requests: boolean; throws: boolean; wait?: boolean } {
    const cached = this.helperInfo.get(fn);
    if (cached) return cached;
    const info = { requests: false, throws: false, wait: false };
    this.helperInfo.set(fn, info); // breaks cycles
    if (depth > MAX_HELPER_DEPTH) return info;
    const saved = this.options;
    this.options = {};
    walkStmts(fn.body, (st) => {
      if (st.kind === "throw") info.throws = true;
      for (const ev of this.eventsOf(st)) {
        if (ev.kind === "request") {
          info.requests = true;
          if (ev.info.client.throws) info.throws = true;
        } else if (ev.kind === "helper") {
          info.requests = true;
          if (ev.throws) info.throws = true;
        } else if (ev.kind === "raise") info.throws = true;
        else if (ev.kind === "wait") info.wait = true;
      }
    });
    if (!info.wait) {
      // `function sleep(ms) { return new Promise(r => setTimeout(r, ms)) }`
      walkStmts(fn.body, (st) => {
        for (const e of stmtExprs(st)) {
          const x = unwrap(e);
          if (x.kind === "call" && this.waitOf(x)) info.wait = true;
        }
      });
    }
    this.options = saved;
    return info;
  }
}

/**
 * A callee's name as a function of this file knows it: without `this.` / `self.` (or ES5's
 * `_this.`), and without `.call` / `.apply` (`this.fetch.call(this, url)` calls `fetch`).
 */
export function ownName(callee: Expr): string {
  return (dottedName(callee) ?? "")
    .replace(/^(this|self|cls|_this|_self|that)\./, "")
    .replace(/\.(call|apply)$/, "");
}

/** A function whose only wait is on one of its own parameters: `const sleep = (ms) => new Promise(r => setTimeout(r, ms))`. */
function thinWrapper(fn: FunctionDef): boolean {
  const params = new Set(fn.params.map((p) => p.name));
  let thin = false;
  walkStmts(fn.body, (st) => {
    for (const e of stmtExprs(st)) {
      walkExpr(
        e,
        (x) => {
          if (x.kind !== "call") return;
          const name = calleeName(x.callee) ?? "";
          const arg =
            name === "setTimeout"
              ? x.args[1]?.value
              : /sleep|wait|delay/i.test(name)
                ? x.args[0]?.value
                : undefined;
          if (arg && arg.kind === "name" && params.has(arg.name)) thin = true;
        },
        true,
      );
    }
  });
  return thin || fn.body.length === 0;
}

/**
 * The unit of a thin wrapper's delay parameter when the wrapper hands that parameter straight
 * to a timer (`setTimeout(r, ms)`: ms) or a Python sleep (`time.sleep(s)` / `asyncio.sleep(s)`: s).
 */
function thinWrapperUnit(fn: FunctionDef, index: number): "ms" | "s" | undefined {
  const param = fn.params[index]?.name;
  if (!param) return undefined;
  let unit: "ms" | "s" | undefined;
  let other = false;
  walkStmts(fn.body, (st) => {
    for (const e of stmtExprs(st)) {
      walkExpr(
        e,
        (x) => {
          if (x.kind !== "call") return;
          const name = dottedName(x.callee) ?? "";
          const found =
            name === "setTimeout"
              ? x.args[1]?.value
              : name === "time.sleep" || name === "asyncio.sleep"
                ? x.args[0]?.value
                : undefined;
          if (!found) return;
          const u = name === "setTimeout" ? "ms" : "s";
          if (found.kind !== "name" || found.name !== param || (unit && unit !== u)) other = true;
          else unit = u;
        },
        true,
      );
    }
  });
  return other ? undefined : unit;
}

/**
 * A request as this file sees it, with what the workspace index adds: the own retries of a
 * client of another file it goes through (`client.chat.completions.create` on `export const
 * client = new OpenAI({ maxRetries: 5 })`; got and ky: `idempotentOnly`, which `core/mechanisms/nesting`
 * weighs against the request's method).
 */
function withImported(
  found: RequestInfo | undefined,
  imported: RequestInfo | undefined,
): RequestInfo | undefined {
  if (!found) return imported;
  const own = imported?.selfRetry;
  return own && !found.selfRetry ? { ...found, selfRetry: own } : found;
}

const HTTP_VERBS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/** A call of a request wrapper imported from another file, as the request it sends. */
function importedRequest(
  call: Call,
  dotted: string,
  wrappers: Readonly<Record<string, ImportedWrapper>>,
): RequestInfo | undefined {
  const w = Object.hasOwn(wrappers, dotted) ? wrappers[dotted] : undefined;
  if (!w) return undefined;
  const at = w.selfRetry?.at;
  // A call through a client of another file names its method: `api.get(...)`, `api.post(...)`.
  const verb = w.client ? (calleeName(call.callee) ?? "").toUpperCase() : "";
  const method = w.method ?? (HTTP_VERBS.has(verb) ? verb : undefined);
  return {
    client: { kind: "generic", throws: w.throws },
    ...(method ? { method } : {}),
    idempotencyKey: w.idempotencyKey,
    callee: { start: call.callee.start, end: call.callee.end },
    span: { start: call.start, end: call.end },
    call,
    ...(w.selfRetry && at
      ? {
          selfRetry: {
            attempts: w.selfRetry.attempts,
            by: w.client ? w.selfRetry.by : `${w.selfRetry.by} of ${w.name}`,
            off: w.selfRetry.off,
            ...(w.selfRetry.idempotentOnly ? { idempotentOnly: true as const } : {}),
            at: {
              start: at.start,
              end: at.end,
              file: {
                path: w.selfRetry.path ?? w.path,
                line: at.line,
                character: at.character,
                endLine: at.endLine,
                endCharacter: at.endCharacter,
              },
            },
          },
        }
      : {}),
  };
}

const EMPTY_FN: FunctionDef = {
  start: 0,
  end: 0,
  params: [],
  body: [],
  isAsync: false,
  decorators: [],
  head: { start: 0, end: 0 },
};

const retryAfterTests = new WeakMap<Expr, boolean>();

/** A condition that looks at Retry-After: the waits it chooses between are the server's or a fallback. */
/**
 * A test that reads Retry-After: by name (`if retry_after:`), or through a local
 * bound to it (`ra = r.headers.get("Retry-After")` then `if ra:`), so its `else`
 * is the fallback wait used when the response has none.
 */
function mentionsRetryAfter(test: Expr, ctx: FileContext): boolean {
  const cached = retryAfterTests.get(test);
  if (cached !== undefined) return cached;
  const found = scanRetryAfter(test, ctx, 0);
  retryAfterTests.set(test, found);
  return found;
}

/** Calls that only report (`log.warning(...)`, `print(...)`, `console.warn(...)`, `warnings.warn(...)`). */
export const LOG_CALL =
  /^(print|console\.\w+|warnings\.warn|(\w+\.)*(log|logger|logging|_log|_logger|LOG|LOGGER|log_?\w*)\.\w+)$/;

/**
 * An `if` on Retry-After whose branches only log it (`if retry_after: log.warning(...)`): the
 * value reaches a message, not the wait, so the path has not honoured it.
 */
function onlyLogs(st: Extract<Stmt, { kind: "if" }>): boolean {
  const branches = [...st.then, ...(st.else ?? [])];
  if (branches.length === 0) return false;
  let logs = true;
  walkStmts(branches, (s) => {
    if (!logs) return false;
    if (s.kind === "if") return undefined;
    const x = s.kind === "expr" ? unwrap(s.expr) : undefined;
    if (x?.kind !== "call" || !LOG_CALL.test(dottedName(x.callee) ?? "")) logs = false;
    return logs;
  });
  return logs;
}

function scanRetryAfter(test: Expr, ctx: FileContext, depth: number): boolean {
  let found = false;
  walkExpr(test, (x) => {
    if (found) return false;
    if (
      (x.kind === "name" && RETRY_AFTER_TEXT.test(x.name)) ||
      (x.kind === "member" && RETRY_AFTER_TEXT.test(x.property)) ||
      (x.kind === "string" && RETRY_AFTER_TEXT.test(x.value))
    ) {
      found = true;
    } else if (x.kind === "name" && depth < 3) {
      const bound = assignmentsAt(ctx, x.name, x);
      if (
        bound.length > 0 &&
        bound.length <= 4 &&
        bound.some((v) => v !== x && scanRetryAfter(v, ctx, depth + 1))
      )
        found = true;
    }
  });
  return found;
}

/** `throw new AbortError(...)` / `throw new pRetry.AbortError(...)`: p-retry's "do not retry". */
function isAbortError(value: Expr | undefined): boolean {
  if (!value) return false;
  const x = unwrap(value);
  return x.kind === "call" && calleeName(x.callee) === "AbortError";
}

/** Records the names a statement assigns on a path that has sent a request. */
function noteAssigned(st: Stmt, o: Outcome): Outcome {
  if (o.kind !== "normal" || !o.facts.requested) return o;
  const names: string[] = [];
  if (st.kind === "var" && st.target.kind === "name") names.push(st.target.name);
  if (st.kind === "expr") {
    const x = unwrap(st.expr);
    if (x.kind === "assign" && x.target.kind === "name") names.push(x.target.name);
  }
  if (names.length === 0) return o;
  let values: Reaching[] | undefined;
  if (st.kind === "var" && st.target.kind === "name")
    values = [[st.target.name, st.op === "=" && st.value ? st.value : null]];
  else if (st.kind === "expr") {
    const x = unwrap(st.expr);
    if (x.kind === "assign" && x.target.kind === "name")
      values = [[x.target.name, x.op === "=" ? x.value : null]];
  }
  return {
    kind: "normal",
    facts: {
      ...o.facts,
      assigned: [...(o.facts.assigned ?? []), ...names],
      ...(values ? { values: [...(o.facts.values ?? []), ...values] } : {}),
    },
  };
}

/**
 * A condition as text, for recognising the same test again: local names, literals and
 * operators only (a call may answer differently each time, and an attribute such as
 * `self.closed` may be changed by the code it calls or by another thread); undefined for
 * anything else.
 */
function conditionKey(e: Expr, names: string[], depth = 0): string | undefined {
  if (depth > 12) return undefined;
  const x = unwrap(e);
  switch (x.kind) {
    case "name":
      names.push(x.name);
      return x.name;
    case "number":
      return String(x.value);
    case "string":
      return x.parts ? undefined : JSON.stringify(x.value);
    case "bool":
    case "null":
      return x.kind === "null" ? "null" : String(x.value);
    case "unary": {
      const operand = conditionKey(x.operand, names, depth + 1);
      return operand === undefined ? undefined : `(${x.op} ${operand})`;
    }
    case "binary":
    case "logical": {
      const l = conditionKey(x.left, names, depth + 1);
      const r = l === undefined ? undefined : conditionKey(x.right, names, depth + 1);
      return r === undefined ? undefined : `(${l} ${x.op} ${r})`;
    }
    default:
      return undefined;
  }
}

/** The value the path already took for this very condition, if it did. */
export function assumedValue(test: Expr, facts: PathFacts): boolean | undefined {
  if (!facts.assumed) return undefined;
  const key = conditionKey(test, []);
  return key === undefined ? undefined : facts.assumed.find((a) => a.key === key)?.value;
}

function withAssumption(facts: PathFacts, test: Expr, value: boolean): PathFacts {
  const names: string[] = [];
  const key = conditionKey(test, names);
  if (key === undefined) return facts;
  const kept = (facts.assumed ?? []).filter((a) => a.key !== key);
  return { ...facts, assumed: [...kept, { key, names, value }] };
}

/** Drops the assumptions on names a statement assigns (`n += 1`, `max = ...`). */
function forgetAssumptions(st: Stmt, facts: PathFacts): PathFacts {
  if (!facts.assumed || facts.assumed.length === 0) return facts;
  if (st.kind !== "var" && st.kind !== "expr") return facts;
  const assigned = new Set<string>();
  const note = (t: Target): void => {
    if (t.kind === "name") assigned.add(t.name);
    else if (t.kind === "pattern") for (const b of t.bindings) assigned.add(b.name);
    else {
      const root = rootName(t.expr);
      if (root) assigned.add(root);
    }
  };
  if (st.kind === "var") note(st.target);
  for (const e of stmtExprs(st))
    walkExpr(e, (x) => {
      if (x.kind === "assign") note(x.target);
    });
  if (assigned.size === 0) return facts;
  const kept = facts.assumed.filter((a) => !a.names.some((n) => assigned.has(n)));
  return kept.length === facts.assumed.length ? facts : { ...facts, assumed: kept };
}

function sharedAssumptions(a: PathFacts, b: PathFacts): Assumption[] {
  const other = b.assumed ?? [];
  return (a.assumed ?? []).filter((x) => other.some((y) => y.key === x.key && y.value === x.value));
}

function factsKey(f: PathFacts): string {
  return [
    f.requested ? 1 : 0,
    f.responded ? 1 : 0,
    f.refreshed ? 1 : 0,
    f.decided ? 1 : 0,
    f.recursed ? f.recursed.start : -1,
    f.refs.map((r) => r.start).join(","),
    f.waits.map((w) => w.expr.start).join(","),
    (f.assigned ?? []).join(","),
    (f.values ?? []).map(([, v]) => (v ? v.start : -1)).join(","),
  ].join("|");
}

function dedupeFacts(list: PathFacts[]): PathFacts[] {
  if (list.length < 2) return list;
  const seen = new Map<string, PathFacts>();
  for (const f of list) {
    const key = factsKey(f);
    const first = seen.get(key);
    // Paths that only differ in what they assumed merge into one that assumes what both did.
    if (!first) seen.set(key, f);
    else if (first.assumed && first.assumed !== f.assumed)
      seen.set(key, { ...first, assumed: sharedAssumptions(first, f) });
  }
  return [...seen.values()].slice(0, MAX_OUTCOMES);
}

function capOutcomes(list: Outcome[]): Outcome[] {
  if (list.length < 2) return list;
  const seen = new Map<string, Outcome>();
  for (const o of list) {
    const key = o.kind + "#" + factsKey(o.facts);
    if (!seen.has(key)) seen.set(key, o);
  }
  return [...seen.values()].slice(0, MAX_OUTCOMES);
}

/** The class a `raise X(...)` / `raise X` names; undefined for a re-raise (`raise`, `raise err`). */
function raisedClass(value: Expr | undefined): string | undefined {
  if (!value) return undefined;
  const x = unwrap(value);
  const dotted = dottedName(x.kind === "call" ? x.callee : x);
  const last = dotted?.slice(dotted.lastIndexOf(".") + 1);
  return last && /^[A-Z]/.test(last) ? last : undefined;
}
