// Over 400 lines: which results an edit leaves valid is one dependency reading (definitions, status readers, spans) shared by the memo, the reuse checks and the shift of what is kept.
/**
 * Site extraction after an edit, reusing the previous version's work: the result of each
 * loop, recursive function and call of a top-level statement the edit cannot have affected
 * is taken over (shifted by the edit's length change) instead of being analysed again.
 *
 * What the analysis of a statement reads outside its own text, it reaches by name: a helper
 * function it calls, a module-level constant, a client bound at module level or on `this`,
 * an import, a name whose value is unique in the file. So an edit affects the statements
 * that mention (directly, or through what those names are defined as) a name the edited
 * statement defines, or a name in the edited expressions. Everything else is kept. When in
 * doubt (another knowledge, other imports or URL hosts, cross-file input), nothing is kept.
 */

import type { Call, FunctionDef, LoopStmt, Stmt } from "./ir/types";
import { eachRecord } from "./ir/reuse";
import { topLevelStatementAt } from "./analysis/context";
import { statusReadersOf } from "./analysis/responses";
import type { FileContext, RequestInfo } from "./analysis/model";
import type { RetrySite } from "./analysis/types";
import type { Span } from "./types";

/** The edit between two versions, in offsets of the old (`oldEnd`) and the new (`newEnd`) text. */
export interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** How much of an extraction was taken over from the previous version. */
export interface ReuseStats {
  /** Loops, recursive functions and calls whose result was needed. */
  units: number;
  /** Of those, the ones taken over. */
  reused: number;
  /** Loops and recursive functions among the units, and of those the ones taken over. */
  retries: number;
  retriesReused: number;
}

/**
 * What one version's extraction leaves for the next: the result of each loop, function and
 * call as it was made (before the file-wide passes marked it), in that version's offsets.
 */
export class SiteMemo {
  readonly loops = new Map<LoopStmt, RetrySite | undefined>();
  readonly recursions = new Map<FunctionDef, RetrySite | undefined>();
  readonly requests = new Map<Call, RequestInfo | null>();
  /** Functions that are generic retry helpers: their loops depend on every call handing them a function. */
  readonly helperOwners = new Set<FunctionDef>();
  readonly stats: ReuseStats = { units: 0, reused: 0, retries: 0, retriesReused: 0 };

  constructor(
    readonly ctx: FileContext,
    /** What every result depends on beyond names (the file's imports and URL hosts, the language). */
    readonly key: string,
  ) {}
}

/** The part of a file context that every result depends on, as a string to compare. */
export function contextKey(ctx: FileContext, candidatesOnly: boolean): string {
  return JSON.stringify([ctx.language.family, ctx.signals, candidatesOnly]);
}

/** One extraction's access to the previous version's results, and the memo it leaves for the next. */
export class SiteReuse {
  readonly next: SiteMemo;
  /** Top-level statements of the new version whose results can be taken over. */
  private readonly valid = new Set<Stmt>();
  /** Old spans of the previous version's statements that are gone: a result pointing there is not kept. */
  private readonly stale: Span[] = [];
  private readonly previous: SiteMemo | undefined;

  constructor(
    private readonly ctx: FileContext,
    key: string,
    previous: SiteMemo | undefined,
    private readonly edit: Edit | undefined,
  ) {
    this.next = new SiteMemo(ctx, key);
    if (!previous || !edit || previous.key !== key) return;
    this.previous = previous;
    const oldBody = previous.ctx.module.body;
    const newBody = ctx.module.body;
    const newSet = new Set(newBody);
    const oldSet = new Set(oldBody);
    const gone = oldBody.filter((s) => !newSet.has(s));
    const fresh = newBody.filter((s) => !oldSet.has(s));
    for (const s of gone) this.stale.push({ start: s.start, end: s.end });
    const unique = (n: string): boolean => previous.ctx.values.has(n) || ctx.values.has(n);
    // The names the edit can have changed the meaning of: those whose definitions differ
    // between the statements that went and those that came (a definition the edit left as it
    // was still means the same; a result pointing into it is not kept, see `adopt`).
    const touched = new Set<string>();
    const before = new DefinitionList();
    const after = new DefinitionList();
    const note = (s: Stmt, end: number, into: DefinitionList): void => {
      if (s.end < edit.start || s.start > end) {
        // A statement outside the edit that was not taken over (parsed differently): all of it.
        for (const n of namesOf(s).refs) touched.add(n);
        return;
      }
      definitionsOf(s, into);
      // What the edited code uses (not defines) matters only where the analysis gathers uses
      // file-wide by name: the names whose status is read (`res.status`), which gained or lost
      // a reader (below), and the global AWS configuration. Other uses are read afresh each
      // time (who calls which function, which functions are handed a callback).
      const changed = changedNames(s, edit.start, end);
      if ([...GLOBAL_USES].some((n) => changed.has(n))) for (const n of changed) touched.add(n);
    };
    for (const s of gone) note(s, edit.oldEnd, before);
    for (const s of fresh) note(s, edit.newEnd, after);
    for (const n of before.differences(after, unique)) touched.add(n);
    for (const n of symmetricDifference(statusReaders(gone), statusReaders(fresh))) touched.add(n);
    for (const receiver of RECEIVERS) touched.delete(receiver);
    // Statements reaching a touched name, and through what they define, those reaching them
    // (the new statements too: a helper the edit left may call one it changed).
    const kept = newBody.filter((s) => oldSet.has(s));
    const tainted = new Set<Stmt>();
    for (let grew = true; grew;) {
      grew = false;
      for (const s of [...kept, ...fresh]) {
        if (tainted.has(s)) continue;
        const names = namesOf(s);
        if (!intersects(touched, names.refs)) continue;
        tainted.add(s);
        const defined = [...names.defs, ...[...names.assigned].filter(unique)];
        for (const n of defined)
          if (!touched.has(n) && !RECEIVERS.includes(n)) {
            touched.add(n);
            grew = true;
          }
      }
    }
    for (const s of kept) if (!tainted.has(s)) this.valid.add(s);
  }

  /** Records the generic retry helpers of the new version (their loops are always analysed). */
  helpers(owners: Iterable<FunctionDef>): void {
    for (const fn of owners) this.next.helperOwners.add(fn);
  }

  /** The site of a loop of function `fn`: the previous version's when it still holds, else `compute()`. */
  loop(
    loop: LoopStmt,
    fn: FunctionDef | undefined,
    compute: () => RetrySite | undefined,
  ): RetrySite | undefined {
    this.next.stats.units++;
    this.next.stats.retries++;
    // A loop outside any function reads the whole text for its fixes: always analysed, never kept.
    if (!fn) return compute();
    const helper = this.next.helperOwners.has(fn) || this.previous?.helperOwners.has(fn);
    return this.retrySite(loop, (m) => m.loops, !helper, compute);
  }

  /** The recursion site of a function, as `loop` does for loops. */
  recursion(fn: FunctionDef, compute: () => RetrySite | undefined): RetrySite | undefined {
    this.next.stats.units++;
    this.next.stats.retries++;
    return this.retrySite(fn, (m) => m.recursions, true, compute);
  }

  /** The previous version's retry site for `key` (shifted) when `reusable` and it still holds, else `compute()`; kept for the next version. */
  private retrySite<K extends LoopStmt | FunctionDef>(
    key: K,
    sitesOf: (memo: SiteMemo) => Map<K, RetrySite | undefined>,
    reusable: boolean,
    compute: () => RetrySite | undefined,
  ): RetrySite | undefined {
    const previous = this.previous && sitesOf(this.previous);
    if (reusable && previous?.has(key) && this.holds(key)) {
      const before = previous.get(key);
      const moved = before && this.moved(before);
      if (before === undefined || moved) {
        this.next.stats.reused++;
        this.next.stats.retriesReused++;
        sitesOf(this.next).set(key, moved);
        return moved && snapshot(moved);
      }
    }
    const site = compute();
    sitesOf(this.next).set(key, site && snapshot(site));
    return site;
  }

  /**
   * What the previous version found a call to be (a request or not), when it still holds:
   * `undefined` when the call must be looked at again. Keeps it for the next version.
   */
  request(call: Call): RequestInfo | null | undefined {
    this.next.stats.units++;
    if (!this.previous?.requests.has(call) || !this.holds(call)) return undefined;
    const before = this.previous.requests.get(call)!;
    const moved = before && this.moved(before);
    if (moved === undefined) return undefined;
    this.next.stats.reused++;
    this.next.requests.set(call, moved);
    return moved && snapshot(moved);
  }

  /** Keeps what the new version found a call to be, for the next. */
  found(call: Call, info: RequestInfo | null): void {
    if (!this.next.requests.has(call)) this.next.requests.set(call, info && snapshot(info));
  }

  /** Whether the statement holding a node (taken over from the previous version) is unaffected by the edit. */
  private holds(node: Span): boolean {
    const st = topLevelStatementAt(this.ctx.module.body, node.start);
    return st !== undefined && this.valid.has(st);
  }

  /**
   * A copy of a kept result in the new offsets, or undefined when it points into code that is
   * gone (then it is not kept). The previous version's memo stays as it was (an analysis of
   * this version that is started again reads it again); syntax nodes the result refers to are
   * shared, and were moved with the tree.
   */
  private moved<T extends object>(result: T): T | undefined {
    const { start, oldEnd, newEnd } = this.edit!;
    const inStale = (v: number): boolean => this.stale.some((s) => s.start <= v && v < s.end);
    let holds = true;
    visitResult(result, (record, syntax) => {
      for (const key of ["start", "end"] as const) {
        const v = record[key];
        if (typeof v !== "number") continue;
        if (inStale(v)) holds = false;
        // Syntax nodes are in new offsets already; a result's own spans are in old ones.
        else if (!syntax && v > start && v < oldEnd) holds = false;
      }
      return holds;
    });
    if (!holds) return undefined;
    const copy = snapshot(result);
    const delta = newEnd - oldEnd;
    if (delta !== 0)
      visitResult(copy, (record, syntax) => {
        if (syntax) return true;
        for (const key of ["start", "end"] as const) {
          const v = record[key];
          if (typeof v === "number" && v >= oldEnd) record[key] = v + delta;
        }
        return true;
      });
    return copy;
  }
}

// ---------------------------------------------------------------- names

interface StatementNames {
  /** Every name, property and string the statement holds. */
  refs: Set<string>;
  /** What other statements can reach by name: functions, classes, imports, module-level and member assignments. */
  defs: Set<string>;
  /** Names assigned anywhere in it (a local counts when its value is the only one in the file). */
  assigned: Set<string>;
}

/** Per statement object: statements taken over keep theirs. */
const statementNames = new WeakMap<Stmt, StatementNames>();

/** Uses the analysis of a request gathers from the whole file (`AWS.config.update(...)`, `AWS.config.maxRetries = n`). */
const GLOBAL_USES = new Set(["update", "maxRetries"]);

/** The names whose status some of the statements read (see `readsStatusOf`). */
function statusReaders(statements: readonly Stmt[]): Set<string> {
  const out = new Set<string>();
  for (const s of statements) for (const n of statusReadersOf(s)) out.add(n);
  return out;
}

function symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...[...a].filter((n) => !b.has(n)), ...[...b].filter((n) => !a.has(n))];
}

/** `this`, `self`, `cls`: no lookup is keyed by them alone. */
const RECEIVERS = ["this", "self", "cls"];

/** Keys whose strings are no names (node kinds, operators). */
const NOT_NAMES = new Set(["kind", "op", "what", "unit", "loop", "raw"]);

function namesOf(statement: Stmt): StatementNames {
  let names = statementNames.get(statement);
  if (names) return names;
  names = { refs: new Set(), defs: new Set(), assigned: new Set() };
  const { refs, defs, assigned } = names;
  const seen = new Set<object>();
  const target = (t: unknown, inFunction: boolean): void => {
    if (!t || typeof t !== "object") return;
    const rec = t as Record<string, unknown>;
    if (rec.kind === "name" && typeof rec.name === "string") {
      assigned.add(rec.name);
      if (!inFunction) defs.add(rec.name);
    } else if (rec.kind === "pattern") {
      for (const b of rec.bindings as { name: string }[]) {
        defs.add(b.name);
        assigned.add(b.name);
      }
    } else if (rec.kind === "expr") {
      // `this.client = ...`, `AWS.config.maxRetries = ...`: reachable from anywhere (the
      // receiver alone keys nothing: `self.lines` is found as `self.lines` or `lines`).
      for (const s of stringsOf(rec.expr)) if (!RECEIVERS.includes(s)) defs.add(s);
    }
  };
  const visit = (value: unknown, inFunction: boolean): void => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item, inFunction);
      return;
    }
    const rec = value as Record<string, unknown>;
    let inner = inFunction;
    // A function's or class's own name is what it defines; the code that reads it mentions it elsewhere.
    let declared = false;
    if (Array.isArray(rec.params) && Array.isArray(rec.body) && rec.head) {
      if (typeof rec.name === "string") defs.add(rec.name);
      inner = true;
      declared = true;
    } else if (rec.kind === "class" && typeof rec.name === "string") {
      defs.add(rec.name);
      declared = true;
    } else if (rec.kind === "import") {
      if (typeof rec.namespace === "string") defs.add(rec.namespace);
      for (const n of rec.names as { local: string }[]) defs.add(n.local);
    }
    if ("target" in rec) target(rec.target, inFunction);
    for (const key in rec) {
      const v = rec[key];
      if (typeof v === "string") {
        if (!NOT_NAMES.has(key) && !(declared && key === "name")) refs.add(v);
      } else if (v !== null && typeof v === "object") visit(v, inner);
    }
  };
  visit(statement, false);
  statementNames.set(statement, names);
  return names;
}

/**
 * The definitions of some statements, each as a name and a signature: what it is, where
 * (module level or in which functions) and its code without offsets. Two lists differ in
 * the names whose signatures differ.
 */
class DefinitionList {
  private readonly visible = new Map<string, string[]>();
  /** Locals: they matter elsewhere only when their value is the one of that name in the file. */
  private readonly locals = new Map<string, string[]>();

  add(name: string, signature: string, local: boolean): void {
    const into = local ? this.locals : this.visible;
    const list = into.get(name) ?? [];
    list.push(signature);
    into.set(name, list);
  }

  differences(other: DefinitionList, unique: (name: string) => boolean): string[] {
    const out: string[] = [];
    const compare = (
      a: Map<string, string[]>,
      b: Map<string, string[]>,
      keep: (n: string) => boolean,
    ): void => {
      for (const name of new Set([...a.keys(), ...b.keys()])) {
        if (!keep(name)) continue;
        const x = (a.get(name) ?? []).sort().join("\n");
        const y = (b.get(name) ?? []).sort().join("\n");
        if (x !== y) out.push(name);
      }
    };
    compare(this.visible, other.visible, () => true);
    compare(this.locals, other.locals, unique);
    return out;
  }
}

/** A node's code without its offsets (the same code elsewhere in the file gives the same text). */
function codeOf(node: unknown): string {
  return JSON.stringify(node, (key, value: unknown) =>
    key === "start" || key === "end" ? undefined : value,
  );
}

/** Adds the definitions of a statement (as `namesOf` finds them) to a list. */
function definitionsOf(statement: Stmt, into: DefinitionList): void {
  const seen = new Set<object>();
  const target = (t: unknown, holder: unknown, path: string, inFunction: boolean): void => {
    if (!t || typeof t !== "object") return;
    const rec = t as Record<string, unknown>;
    const signature = (what: string): string => `${what}|${path}|${codeOf(holder)}`;
    if (rec.kind === "name" && typeof rec.name === "string")
      into.add(rec.name, signature("assign"), inFunction);
    else if (rec.kind === "pattern")
      for (const b of rec.bindings as { name: string }[]) into.add(b.name, signature("pattern"), false);
    else if (rec.kind === "expr")
      for (const s of stringsOf(rec.expr))
        if (!RECEIVERS.includes(s)) into.add(s, signature("member"), false);
  };
  const visit = (value: unknown, path: string, inFunction: boolean): void => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item, path, inFunction);
      return;
    }
    const rec = value as Record<string, unknown>;
    let innerPath = path;
    let inner = inFunction;
    if (Array.isArray(rec.params) && Array.isArray(rec.body) && rec.head) {
      const name = typeof rec.name === "string" ? rec.name : "";
      if (name) into.add(name, `function|${path}|${codeOf(rec)}`, false);
      innerPath = `${path}/${name}@${inFunction}`;
      inner = true;
    } else if (rec.kind === "class" && typeof rec.name === "string") {
      into.add(rec.name, `class|${path}|${codeOf(rec)}`, false);
      innerPath = `${path}/class ${rec.name}`;
    } else if (rec.kind === "import") {
      if (typeof rec.namespace === "string") into.add(rec.namespace, `import|${codeOf(rec)}`, false);
      for (const n of rec.names as { local: string }[]) into.add(n.local, `import|${codeOf(rec)}`, false);
    }
    if ("target" in rec) target(rec.target, rec, path, inFunction);
    for (const key in rec) {
      const v = rec[key];
      if (v !== null && typeof v === "object") visit(v, innerPath, inner);
    }
  };
  visit(statement, "", false);
}

/** Every string under a node (names, properties, string values), node kinds and operators aside. */
function stringsOf(root: unknown): Set<string> {
  const out = new Set<string>();
  eachRecord(root, (record) => {
    for (const key in record) {
      const v = record[key];
      if (typeof v === "string" && !NOT_NAMES.has(key)) out.add(v);
    }
  });
  return out;
}

/** Statement kinds without statements inside: when the edit touches one, all of it is "the edited code". */
const SIMPLE_STATEMENTS = new Set(["expr", "var", "return", "throw", "break", "continue", "import"]);

/**
 * The names in the code the edit touched: all names of every simple statement and
 * expression that overlaps [start, end] (the edit's range in that version); of a compound
 * statement, a case, a function, only the parts that overlap. A function inside an edited
 * expression counts by its own overlapping parts too (`withRetry(() => ...)`).
 */
function changedNames(statement: Stmt, start: number, end: number): Set<string> {
  const out = new Set<string>();
  const seen = new Set<object>();
  const visit = (value: unknown, all: boolean): void => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item, all);
      return;
    }
    const rec = value as Record<string, unknown>;
    const s = rec.start;
    const e = rec.end;
    const fn = Array.isArray(rec.params) && Array.isArray(rec.body);
    if ((!all || fn) && typeof s === "number" && typeof e === "number" && (e < start || s > end)) return;
    let whole = all && !fn;
    if (!whole && !fn && typeof rec.kind === "string" && typeof s === "number")
      whole = SIMPLE_STATEMENTS.has(rec.kind) || !STATEMENT_KINDS.has(rec.kind);
    for (const key in rec) {
      const v = rec[key];
      if (typeof v === "string") {
        if (!NOT_NAMES.has(key)) out.add(v);
      } else if (v !== null && typeof v === "object") visit(v, whole);
    }
  };
  visit(statement, false);
  return out;
}

/** Every statement kind (an expression of kind `function` is no statement: its body is looked into). */
const STATEMENT_KINDS = new Set([
  "expr",
  "var",
  "if",
  "switch",
  "loop",
  "try",
  "return",
  "throw",
  "break",
  "continue",
  "class",
  "import",
  "block",
]);

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

// ---------------------------------------------------------------- results

/** Kinds of the analysis's own records (every other record with a kind and a span is a syntax node). */
const RESULT_KINDS = new Set(["retry", "wait", "request", "handler"]);

/** Whether a record is a syntax node (kept by reference, moved with the tree) rather than part of a result. */
function isSyntax(rec: Record<string, unknown>): boolean {
  if (Array.isArray(rec.params) && Array.isArray(rec.body)) return true;
  return (
    typeof rec.kind === "string" &&
    !RESULT_KINDS.has(rec.kind) &&
    typeof rec.start === "number" &&
    typeof rec.end === "number"
  );
}

/** Visits every record of a result once (until `visit` says false); syntax nodes are reported but not entered. */
function visitResult(
  root: object,
  visit: (record: Record<string, unknown>, syntax: boolean) => boolean,
): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== "object" || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof Set || value instanceof Map) {
      for (const item of value.values()) stack.push(item);
      if (value instanceof Map) for (const k of value.keys()) stack.push(k);
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    const rec = value as Record<string, unknown>;
    const syntax = isSyntax(rec);
    if (!visit(rec, syntax)) return;
    if (syntax) continue;
    for (const key in rec) {
      const v = rec[key];
      if (v !== null && typeof v === "object") stack.push(v);
    }
  }
}

/**
 * A deep copy of a result: its own records copied (the file-wide passes mark them), the
 * syntax nodes it refers to shared, objects shared within it shared in the copy too.
 */
export function snapshot<T extends object>(root: T): T {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== "object") return value;
    const known = copies.get(value);
    if (known !== undefined) return known;
    if (value instanceof Set) {
      const out = new Set<unknown>();
      copies.set(value, out);
      for (const item of value) out.add(copy(item));
      return out;
    }
    if (value instanceof Map) {
      const out = new Map<unknown, unknown>();
      copies.set(value, out);
      for (const [k, v] of value) out.set(copy(k), copy(v));
      return out;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      copies.set(value, out);
      for (const item of value) out.push(copy(item));
      return out;
    }
    const rec = value as Record<string, unknown>;
    if (isSyntax(rec)) return value;
    const out: Record<string, unknown> = {};
    copies.set(value, out);
    for (const key in rec) out[key] = copy(rec[key]);
    return out;
  };
  return copy(root) as T;
}
