// Over 400 lines: one abstract run of a retry loop or recursion (assignments, waits, requests, exits) that counts attempts and waits for the report.
/**
 * Runs hand-written retry code (a loop, a recursive retry) in the head, in
 * the worst case: every attempt fails with a retryable failure. Counters,
 * caps and delays are tracked as numbers; conditions on the failure itself
 * take the value that keeps retrying. What comes out is the number of
 * attempts and the wait before each, or "unknown" where the code computes
 * something this cannot see.
 */

import type { Expr, FunctionDef, LoopStmt, Stmt } from "../ir/types";
import { calleeName, dottedName, stmtExprs, unwrap, walkExpr } from "../ir/walk";
import {
  arithmetic,
  evaluate,
  exact,
  isInterval,
  truth,
  type Interval,
  type Lookup,
  type Value,
} from "./evaluate";

/** What a simulated run needs to know about the code around it. */
export interface AttemptCode {
  /** The statements of one attempt (a loop body, a function body). */
  body: Stmt[];
  /** Variables set before the first attempt (loop `init`, parameters of a recursive function). */
  init: Map<string, Value>;
  /** Checked before every attempt (`for`/`while` test). */
  headTest?: Expr;
  /** Checked after every attempt (`do ... while` test). */
  tailTest?: Expr;
  /** Run after every attempt (`for` update). */
  update?: Expr[];
  /** `for attempt in range(5)`: the values the loop variable takes. */
  binding?: { name: string; values: number[] | "unknown" };
  /** Offsets of the request calls an attempt sends. */
  requests: { start: number; throws: boolean }[];
  /** The first attempt is sent before the loop (`r = send(); while r.status == 429: ... r = send()`). */
  sentBefore?: boolean;
  /** Waits by the offset of their expression: the delay expression and its unit. */
  waits: Map<number, { end: number; delay?: Expr; unit: "ms" | "s" }>;
  /** The recursive call of a recursive retry, and the parameters it rebinds. */
  recursion?: { start: number; end: number; params: string[] };
  /**
   * Mutual recursion: the call of the partner function (which calls back, at `recursion`), the
   * partner's parameters and body, run where the attempt calls it.
   */
  partner?: { start: number; params: string[]; body: Stmt[] };
  /** The status a failing attempt answers with (for `res.status === 503`). */
  failingStatus: number;
  /** Constants of the file. */
  constant: Lookup;
}

export interface AttemptRun {
  attempts: number | "unknown" | "unbounded";
  /** The wait after each failed attempt that waited (ms), in order. */
  waits: (Interval | "unknown")[];
  /** Why something is unknown. */
  unknowns: string[];
}

const MAX_ITERATIONS = 60;

/** One effect of a statement on the run, at its offset (ties broken by half offsets). */
type Event = { at: number } & (
  | { kind: "assign"; name: string; op: string; value: Expr }
  | { kind: "wait"; wait: { delay?: Expr; unit: "ms" | "s" } }
  | { kind: "request"; throws: boolean }
  | { kind: "throw" }
  | { kind: "recurse"; call: Expr }
  | { kind: "partner"; call: Expr }
);

type Flow = "next" | "continue" | "throw" | "exit" | "retry";

class Stop extends Error {}

/** Runs the attempts until the code gives up; stops after MAX_ITERATIONS ("unbounded" when nothing limits it). */
export function runAttempts(code: AttemptCode, boundedByAnalysis: boolean | undefined): AttemptRun {
  const vars = new Map<string, Value>(code.init);
  const unknowns = new Set<string>();
  const waits: (Interval | "unknown")[] = [];
  let attempts = code.sentBefore ? 1 : 0;
  let sentThisIteration = false;
  const lookup: Lookup = Object.assign(
    (name: string, at: number) => {
      if (vars.has(name)) return vars.get(name);
      return code.constant(name, at);
    },
    { helper: code.constant.helper },
  );
  const failureLookup: Lookup = (name, at) => {
    const last = name.split(".").pop() ?? "";
    if (name.includes(".") && (last === "ok" || last === "is_success")) return exact(0);
    if (
      name.includes(".") &&
      (last === "status" || last === "status_code" || last === "statusCode" || last === "code")
    )
      return exact(code.failingStatus);
    return lookup(name, at);
  };

  const requestAt = (s: Stmt): { throws: boolean } | undefined =>
    code.requests.find((r) => r.start >= s.start && r.start < s.end);

  /** What a simple statement does, in source order: read once per statement, replayed every iteration. */
  const plans = new Map<Stmt, Event[]>();
  const planOf = (s: Stmt): Event[] => {
    let events = plans.get(s);
    if (events) return events;
    events = [];
    const out = events;
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (x.kind === "assign" && x.target.kind === "name")
          out.push({ at: x.end, kind: "assign", name: x.target.name, op: x.op, value: x.value });
        if (x.kind === "call") {
          const wait = code.waits.get(x.start);
          if (wait) out.push({ at: x.end, kind: "wait", wait });
          const req = code.requests.find((r) => r.start === x.start);
          if (req) out.push({ at: x.end - 0.5, kind: "request", throws: req.throws });
          if (calleeName(x.callee) === "raise_for_status") out.push({ at: x.end, kind: "throw" });
          if (code.recursion && x.start === code.recursion.start)
            out.push({ at: x.end + 0.5, kind: "recurse", call: x });
          if (code.partner && x.start === code.partner.start)
            out.push({ at: x.end + 0.5, kind: "partner", call: x });
        }
      });
    }
    if (s.kind === "var" && s.target.kind === "name" && s.value)
      out.push({ at: s.end, kind: "assign", name: s.target.name, op: s.op, value: s.value });
    out.sort((a, b) => a.at - b.at);
    plans.set(s, out);
    return out;
  };

  /** Applies the assignments and waits of a simple statement, in source order. */
  const effects = (s: Stmt): Flow | undefined => {
    for (const ev of planOf(s)) {
      switch (ev.kind) {
        case "assign":
          assign(ev.name, ev.op, ev.value);
          break;
        case "wait":
          recordWait(ev.wait);
          break;
        case "request": {
          const f = sendRequest(ev.throws);
          if (f) return f;
          break;
        }
        case "throw":
          return "throw";
        case "recurse":
          return recurse(ev.call);
        case "partner":
          return enterPartner(ev.call);
      }
    }
    return undefined;
  };

  const assign = (name: string, op: string, value: Expr): void => {
    const cur = (): Value => vars.get(name) ?? lookup(name, value.start) ?? "unknown";
    if (op === "++" || op === "--") {
      const v = cur();
      vars.set(name, isInterval(v) ? arithmetic(op === "++" ? "+" : "-", v, exact(1)) : "unknown");
      return;
    }
    const rhs = evaluate(value, lookup);
    if (op === "=") {
      vars.set(name, rhs);
      return;
    }
    // `delay *= 2`: the operator of the compound assignment, combined as evaluate combines it.
    const v = cur();
    const out =
      isInterval(v) && isInterval(rhs) && COMPOUND.has(op) ? arithmetic(op.slice(0, -1), v, rhs) : "unknown";
    vars.set(name, out === "absent" ? "unknown" : out);
  };

  const recordWait = (wait: { delay?: Expr; unit: "ms" | "s" }): void => {
    if (!wait.delay) {
      waits.push("unknown");
      unknowns.add("a wait whose delay is computed in a function it cannot see");
      return;
    }
    const v = evaluate(wait.delay, lookup);
    if (!isInterval(v)) {
      waits.push("unknown");
      unknowns.add(
        v === "absent" ? "a wait taken only from Retry-After" : "a delay computed from values it cannot see",
      );
      return;
    }
    const k = wait.unit === "s" ? 1000 : 1;
    waits.push({ lo: Math.max(0, v.lo * k), hi: Math.max(0, v.hi * k), random: v.random });
  };

  const sendRequest = (throws: boolean): Flow | undefined => {
    if (!sentThisIteration) {
      attempts++;
      sentThisIteration = true;
    }
    return throws ? "throw" : undefined;
  };

  const recurse = (c: Expr): Flow => {
    const call = unwrap(c);
    if (call.kind !== "call" || !code.recursion) return "retry";
    const next = new Map<string, Value>();
    code.recursion.params.forEach((p, i) => {
      const arg = call.args.find((a) => a.name === p) ?? call.args.filter((a) => !a.name)[i];
      next.set(p, arg ? evaluate(arg.value, lookup) : (code.init.get(p) ?? "unknown"));
    });
    for (const [k, v] of next) vars.set(k, v);
    return "retry";
  };

  /** Runs the partner of a mutual recursion with its parameters bound to the call's arguments. */
  const enterPartner = (c: Expr): Flow => {
    const call = unwrap(c);
    const partner = code.partner;
    if (call.kind !== "call" || !partner) return "retry";
    const positional = call.args.filter((a) => !a.name);
    const bound = partner.params.map((p, i) => {
      const arg = call.args.find((a) => a.name === p) ?? positional[i];
      return [p, arg ? evaluate(arg.value, lookup) : "unknown"] as const;
    });
    for (const [p, v] of bound) vars.set(p, v);
    const flow = run(partner.body, false);
    return flow === "next" ? "exit" : flow;
  };

  /** Truth of a condition in the worst case: unknown parts take the value that keeps retrying. */
  const decide = (test: Expr, thenBlock: Stmt[], inTry: boolean): boolean | undefined => {
    const known = truth(test, failureLookup);
    if (known !== undefined) return known;
    const purpose = blockPurpose(thenBlock, inTry, code);
    if (purpose === "exit") return assume(test, false);
    if (purpose === "retry") return assume(test, true);
    return undefined;
  };

  const assume = (test: Expr, wanted: boolean): boolean | undefined => {
    const x = unwrap(test);
    if (x.kind === "unary" && x.op === "not") {
      const r = assume(x.operand, !wanted);
      return r === undefined ? undefined : !r;
    }
    if (x.kind === "logical") {
      const a = assume(x.left, wanted);
      const b = assume(x.right, wanted);
      if (a === undefined || b === undefined) return undefined;
      return x.op === "and" ? a && b : a || b;
    }
    const t = truth(x, failureLookup);
    return t ?? wanted;
  };

  const testUpdates = new Map<Expr, { prefix: Expr[]; postfix: Expr[] }>();
  const testUpdatesOf = (test: Expr): { prefix: Expr[]; postfix: Expr[] } => {
    let found = testUpdates.get(test);
    if (!found) {
      const updates: Expr[] = [];
      walkExpr(test, (x) => {
        if (x.kind === "assign" && x.target.kind === "name") updates.push(x);
      });
      const prefix = updates.filter((u) => u.kind === "assign" && u.target.start > u.start);
      found = { prefix, postfix: updates.filter((u) => !prefix.includes(u)) };
      testUpdates.set(test, found);
    }
    return found;
  };

  const run = (stmts: Stmt[], inTry: boolean): Flow => {
    for (const s of stmts) {
      const f = step(s, inTry);
      if (f !== "next") return f;
    }
    return "next";
  };

  const step = (s: Stmt, inTry: boolean): Flow => {
    switch (s.kind) {
      case "if": {
        // `if (++attempt >= 5)`: a prefix update counts before the comparison, a postfix one after.
        const { prefix, postfix } = testUpdatesOf(s.test);
        const apply = (list: Expr[]): void => {
          for (const u of list)
            if (u.kind === "assign" && u.target.kind === "name") assign(u.target.name, u.op, u.value);
        };
        apply(prefix);
        const t = decide(s.test, s.then, inTry);
        apply(postfix);
        if (t === undefined) {
          unknowns.add("a branch that depends on something it cannot see");
          throw new Stop();
        }
        if (t) return run(s.then, inTry);
        return s.else ? run(s.else, inTry) : "next";
      }
      case "try": {
        const body = run(s.body, true);
        let flow = body;
        if (body === "throw" && s.handlers[0]) flow = run(s.handlers[0].body, inTry);
        else if (body === "next" && s.orelse) flow = run(s.orelse, inTry);
        if (s.finally) {
          const f = run(s.finally, inTry);
          if (f !== "next") return f;
        }
        return flow;
      }
      case "block":
        return run(s.body, inTry);
      case "loop":
      case "switch":
        // Nested loops and switches: only their requests count.
        if (requestAt(s)) sendRequest(false);
        return "next";
      case "function":
      case "class":
      case "import":
        return "next";
      case "continue":
        return "continue";
      case "break":
        return "exit";
      case "return": {
        const f = effects(s);
        if (f) return f;
        return "exit";
      }
      case "throw": {
        const f = effects(s);
        if (f) return f;
        return "throw";
      }
      default:
        return effects(s) ?? "next";
    }
  };

  const updates: Stmt[] = (code.update ?? []).map((u) => ({
    kind: "expr",
    expr: u,
    start: u.start,
    end: u.end,
  }));
  let iteration = 0;
  const bindingValues = code.binding?.values;
  if (code.binding && bindingValues === "unknown")
    return { attempts: "unknown", waits: [], unknowns: ["the loop iterates values it cannot see"] };
  try {
    for (; iteration < MAX_ITERATIONS; iteration++) {
      if (code.binding && Array.isArray(bindingValues)) {
        if (iteration >= bindingValues.length) break;
        vars.set(code.binding.name, exact(bindingValues[iteration]!));
      }
      if (code.headTest) {
        const t = truth(code.headTest, failureLookup);
        if (t === undefined) {
          // `while (!done)`: a flag set on success; keep going.
          if (!mentionsTracked(code.headTest, vars)) {
            // falls through: keeps retrying
          } else {
            unknowns.add("a loop condition it cannot evaluate");
            throw new Stop();
          }
        } else if (!t) break;
      }
      sentThisIteration = false;
      const flow = run(code.body, false);
      if (flow === "exit" || flow === "throw") break;
      if (code.recursion && flow !== "retry") break;
      if (code.tailTest) {
        const t = truth(code.tailTest, failureLookup);
        if (t === false) break;
        if (t === undefined && mentionsTracked(code.tailTest, vars)) {
          unknowns.add("a loop condition it cannot evaluate");
          throw new Stop();
        }
      }
      for (const u of updates) effects(u);
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { attempts: "unknown", waits: [], unknowns: [...unknowns] };
  }
  if (iteration >= MAX_ITERATIONS) {
    return {
      attempts: boundedByAnalysis === false ? "unbounded" : "unknown",
      // The first waits of an endless retry (the curve); the total has no bound.
      waits: waits.slice(0, 20),
      unknowns: boundedByAnalysis === false ? [] : ["no cap it can count (a deadline or a flag may end it)"],
    };
  }
  if (attempts === 0) return { attempts: "unknown", waits: [], unknowns: ["no attempt it can follow"] };
  return { attempts, waits, unknowns: [...unknowns] };
}

/** The compound assignments a run follows (`**=` and `<<=` for doubling delays). */
const COMPOUND = new Set(["+=", "-=", "*=", "/=", "**=", "<<="]);

function mentionsTracked(e: Expr, vars: Map<string, Value>): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (x.kind === "name" && vars.has(x.name)) found = true;
    const d = x.kind === "member" ? dottedName(x) : undefined;
    if (d && vars.has(d)) found = true;
  });
  return found;
}

/** Whether a branch gives up (return, break, throw out of the attempt) or goes on retrying. */
function blockPurpose(block: Stmt[], inTry: boolean, code: AttemptCode): "exit" | "retry" | undefined {
  let retry = false;
  let exit = false;
  const visit = (stmts: Stmt[]): void => {
    for (const s of stmts) {
      if (s.kind === "continue") retry = true;
      else if (s.kind === "break") exit = true;
      else if (s.kind === "return") {
        if (s.value && code.recursion && containsSpan(s.value, code.recursion.start)) retry = true;
        else if (s.value && code.partner && containsSpan(s.value, code.partner.start)) retry = true;
        else exit = true;
      } else if (s.kind === "throw") {
        if (inTry) retry = true;
        else exit = true;
      } else if (s.kind === "if") {
        visit(s.then);
        if (s.else) visit(s.else);
      } else if (s.kind === "block") visit(s.body);
      else {
        for (const e of stmtExprs(s))
          walkExpr(e, (x) => {
            if (x.kind === "call" && code.waits.has(x.start)) retry = true;
            if (x.kind === "call" && code.recursion && x.start === code.recursion.start) retry = true;
            if (x.kind === "call" && code.partner && x.start === code.partner.start) retry = true;
          });
      }
    }
  };
  visit(block);
  if (exit && !retry) return "exit";
  if (retry && !exit) return "retry";
  return undefined;
}

function containsSpan(e: Expr, start: number): boolean {
  return e.start <= start && start < e.end;
}

/** The values `range(...)`, `itertools.count()` or a numeric array literal iterates. */
export function iteratedValues(e: Expr | undefined, constant: Lookup): number[] | "unknown" {
  if (!e) return "unknown";
  const x = unwrap(e);
  if (x.kind === "array") {
    const out: number[] = [];
    for (const el of x.elements) {
      if (el.kind !== "number") return "unknown";
      out.push(el.value);
    }
    return out;
  }
  if (x.kind !== "call" || dottedName(x.callee) !== "range") return "unknown";
  const nums = x.args.map((a) => evaluate(a.value, constant));
  if (!nums.every((n) => isInterval(n) && n.lo === n.hi)) return "unknown";
  const [a, b, c] = (nums as Interval[]).map((n) => n.lo);
  const [from, to, by] = nums.length === 1 ? [0, a!, 1] : [a!, b!, c ?? 1];
  if (by === 0) return "unknown";
  const out: number[] = [];
  for (let i = from; by > 0 ? i < to : i > to; i += by) {
    out.push(i);
    if (out.length > MAX_ITERATIONS) break;
  }
  return out;
}

export type { FunctionDef, LoopStmt };
