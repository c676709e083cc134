/**
 * Lookups the report needs over one file's IR: the expression, loop or
 * function at a span the analysis reported, and the numeric constants of the
 * file (names assigned once, parameter defaults no call overrides).
 */

import type { Call, Expr, FunctionDef, LoopStmt, Module, Stmt } from "../ir/types";
import { calleeName, dottedName, stmtExprs, walkExpr, walkStmts } from "../ir/walk";
import { evaluate, type Lookup, type Value } from "../analysis/evaluate";

export class CodeIndex {
  /** Expressions by start offset (few share one start), preferring a call among those of one span. */
  private readonly exprs = new Map<number, Expr[]>();
  readonly calls: Call[] = [];
  readonly loops: LoopStmt[] = [];
  readonly functions: FunctionDef[] = [];
  /** Every assignment to a simple or dotted name, in source order. */
  private readonly assignments = new Map<string, { at: number; end: number; value: Expr; op: string }[]>();
  private readonly resolving = new Set<string>();

  constructor(readonly module: Module) {
    const visitExpr = (x: Expr): void => {
      const atStart = this.exprs.get(x.start);
      if (!atStart) this.exprs.set(x.start, [x]);
      else {
        const i = atStart.findIndex((e) => e.end === x.end);
        if (i < 0) atStart.push(x);
        else if (atStart[i]!.kind !== "call" && x.kind === "call") atStart[i] = x;
      }
      if (x.kind === "call") this.calls.push(x);
      if (x.kind === "function") this.functions.push(x.fn);
      if (x.kind === "assign") {
        const name =
          x.target.kind === "name"
            ? x.target.name
            : x.target.kind === "expr"
              ? dottedName(x.target.expr)
              : undefined;
        if (name) this.addAssignment(name, x.start, x.end, x.value, x.op);
      }
    };
    walkStmts(
      module.body,
      (s: Stmt) => {
        if (s.kind === "loop") this.loops.push(s);
        if (s.kind === "function") this.functions.push(s.fn);
        if (s.kind === "var" && s.value) {
          const name =
            s.target.kind === "name"
              ? s.target.name
              : s.target.kind === "expr"
                ? dottedName(s.target.expr)
                : undefined;
          if (name) this.addAssignment(name, s.start, s.end, s.value, s.op);
        }
        for (const e of stmtExprs(s)) walkExpr(e, (x) => void visitExpr(x));
        if (s.kind === "function")
          for (const p of s.fn.params) if (p.defaultValue) walkExpr(p.defaultValue, (x) => void visitExpr(x));
      },
      true,
    );
  }

  private addAssignment(name: string, at: number, end: number, value: Expr, op: string): void {
    let list = this.assignments.get(name);
    if (!list) this.assignments.set(name, (list = []));
    list.push({ at, end, value, op });
  }

  exprAt(span: { start: number; end: number } | undefined): Expr | undefined {
    return span ? this.exprs.get(span.start)?.find((e) => e.end === span.end) : undefined;
  }

  callAt(span: { start: number; end: number }): Call | undefined {
    const e = this.exprAt(span);
    return e?.kind === "call" ? e : undefined;
  }

  loopAt(keywordStart: number): LoopStmt | undefined {
    return this.loops.find((l) => l.keyword.start === keywordStart);
  }

  private readonly around = new Map<number, FunctionDef[]>();
  private readonly resolved = new Map<string, Value | undefined>();

  /** Functions containing an offset, innermost first. */
  functionsAround(offset: number): FunctionDef[] {
    let found = this.around.get(offset);
    if (!found) {
      found = this.functions
        .filter((f) => f.start <= offset && offset < f.end)
        .sort((a, b) => b.start - a.start || a.end - b.end);
      this.around.set(offset, found);
    }
    return found;
  }

  /**
   * Whether code in `outer` can run the code at `inner`: it contains it, or calls (through
   * functions of this file, a few calls deep) a function that contains it.
   */
  reaches(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
    if (outer.start <= inner.start && inner.end <= outer.end) return true;
    const spans: { start: number; end: number }[] = [outer];
    const seen = new Set<FunctionDef>();
    for (let depth = 0; depth < 4 && spans.length > 0; depth++) {
      const next: { start: number; end: number }[] = [];
      for (const span of spans)
        for (const call of this.calls) {
          if (call.start < span.start || call.end > span.end) continue;
          const name = calleeName(call.callee);
          for (const fn of this.functions) {
            if (fn.name !== name || seen.has(fn)) continue;
            if (fn.start <= inner.start && inner.end <= fn.end) return true;
            seen.add(fn);
            next.push(fn);
          }
        }
      spans.splice(0, spans.length, ...next);
    }
    return false;
  }

  /** The assignments to a name, in source order. */
  assignmentsOf(name: string): { at: number; end: number; value: Expr; op: string }[] {
    return this.assignments.get(name) ?? [];
  }

  /**
   * A name's value where it is read: its only assignment in the file, or the
   * one assignment before `at` in the same function; a parameter's default
   * when no call in the file passes that argument.
   */
  readonly constant: Lookup = Object.assign((name: string, at: number) => this.constantAt(name, at), {
    helper: (name: string) => this.helperNamed(name),
  });

  /** A same-file function whose body is one `return`: what a call of it evaluates to. */
  private helperNamed(name: string): { params: (string | undefined)[]; returns: Expr } | undefined {
    const fns = this.functions.filter((f) => f.name === name);
    const only = fns.length === 1 ? fns[0]!.body : undefined;
    const ret = only?.length === 1 && only[0]!.kind === "return" ? only[0]!.value : undefined;
    return ret ? { params: fns[0]!.params.map((p) => p.name), returns: ret } : undefined;
  }

  private constantAt(name: string, at: number): Value | undefined {
    const key = `${name}@${at}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    if (this.resolving.has(name)) return "unknown";
    this.resolving.add(name);
    try {
      const value = this.resolve(name, at) ?? this.resolve(name.replace(/^(this|self)\./, ""), at);
      this.resolved.set(key, value);
      return value;
    } finally {
      this.resolving.delete(name);
    }
  }

  private resolve(name: string, at: number): Value | undefined {
    const list = (this.assignments.get(name) ?? []).filter((a) => a.op === "=");
    if (list.length === 1 && (this.assignments.get(name)?.length ?? 0) === 1)
      return evaluate(list[0]!.value, this.constant);
    const fn = this.functionsAround(at)[0];
    const local = list.filter((a) => a.end <= at && (!fn || (fn.start <= a.at && a.at < fn.end)));
    if (local.length === 1 && (this.assignments.get(name) ?? []).every((a) => a.op === "=")) {
      const inner = this.functionsAround(local[0]!.at)[0];
      if (inner === fn) return evaluate(local[0]!.value, this.constant);
    }
    for (const f of this.functionsAround(at)) {
      const i = f.params.findIndex((p) => p.name === name);
      if (i < 0) continue;
      const param = f.params[i]!;
      return this.paramValue(f, i, param.defaultValue);
    }
    return undefined;
  }

  private paramValue(fn: FunctionDef, index: number, fallback: Expr | undefined): Value {
    const name = fn.params[index]!.name!;
    if ((this.assignments.get(name) ?? []).some((a) => fn.start <= a.at && a.at < fn.end)) return "unknown";
    if (!fn.name) return "unknown";
    // Calls from outside the function (a recursive call passes the next value, not the first).
    const calls = this.calls.filter(
      (c) => calleeName(c.callee) === fn.name && !(fn.start <= c.start && c.start < fn.end),
    );
    const passed = calls
      .map(
        (c) =>
          c.args.find((a) => a.name === name) ??
          (c.args.some((a) => a.spread)
            ? c.args[0]
            : c.args.filter((a) => !a.name)[index - (fn.params[0]?.name === "self" ? 1 : 0)]),
      )
      .filter((a) => a !== undefined);
    if (passed.length === 0) return fallback ? evaluate(fallback, this.constant) : "unknown";
    if (passed.length === calls.length) {
      const values = passed.map((a) => evaluate(a.value, this.constant));
      const first = values[0];
      if (
        typeof first === "object" &&
        values.every((v) => typeof v === "object" && v.lo === first.lo && v.hi === first.hi)
      )
        return first;
    }
    return "unknown";
  }
}
