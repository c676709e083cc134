/**
 * What the analysis knows about one file before it looks for sites: imports,
 * functions by name, constant values, and which variables hold HTTP clients.
 * Name-based (not scope-exact): precise enough for the shapes retry code takes.
 */

import type { Call, Expr, FunctionDef, Member, Module, ObjectLit, Stmt, Target } from "../ir/types";
import type { Span } from "../types";
import { calleeName, dottedName, rootName } from "../ir/walk";
import { indexModule, type ModuleIndex } from "../ir/module-index";
import type { ErrorKnowledge, FileSignals } from "./knowledge";
import type { ClientInfo, ClientBinding, ImportInfo, FileContext, LanguageProfile } from "./model";

/** Builds the context of a lowered file. */
export function buildContext(
  module: Module,
  language: LanguageProfile,
  knowledge: ErrorKnowledge,
): FileContext {
  const imports = new Map<string, ImportInfo>();
  const functions = new Map<string, FunctionDef[]>();
  const assigned = new Map<string, Expr[]>();
  const patternPaths = new Map<string, string[]>();
  const clients = new Map<string, ClientBinding[]>();
  const index = indexModule(module);
  const allFunctions = index.functions;

  for (const fn of allFunctions) {
    if (!fn.name) continue;
    const list = functions.get(fn.name) ?? [];
    list.push(fn);
    functions.set(fn.name, list);
  }

  const bind = (target: Target, value: Expr | undefined): void => {
    if (target.kind === "name") {
      if (value) {
        const list = assigned.get(target.name) ?? [];
        list.push(value);
        assigned.set(target.name, list);
      }
    } else if (target.kind === "pattern") {
      for (const b of target.bindings) patternPaths.set(b.name, b.path);
    } else if (value) {
      const name = dottedName(target.expr);
      if (name) {
        const list = assigned.get(name) ?? [];
        list.push(value);
        assigned.set(name, list);
      }
    }
  };

  for (const s of index.stmts) {
    if (s.kind === "import") {
      if (s.namespace) imports.set(s.namespace, { module: s.module, imported: "*" });
      for (const n of s.names) imports.set(n.local, { module: s.module, imported: n.imported });
    } else if (s.kind === "var" && s.op === "=") {
      bind(s.target, s.value);
      // `const axiosRetry = require("axios-retry").default` / `require("got").default`.
      const required = s.value && s.target.kind === "name" ? requiredExport(s.value) : undefined;
      if (required && s.target.kind === "name") imports.set(s.target.name, required);
    } else if (s.kind === "block") {
      for (const w of s.with ?? []) if (w.target) bind(w.target, w.value);
    } else if (s.kind === "class" && s.name) {
      // A constant table as a class: `class Codes(IntEnum): RATE_LIMITED = 429` -> `Codes.RATE_LIMITED`.
      for (const field of s.body) {
        if (
          field.kind === "var" &&
          field.op === "=" &&
          field.target.kind === "name" &&
          field.value?.kind === "number"
        )
          bind({ ...field.target, name: `${s.name}.${field.target.name}` }, field.value);
      }
    }
  }
  for (const a of index.assigns) if (a.op === "=") bind(a.target, a.value);

  const values = new Map<string, Expr>();
  for (const [name, list] of assigned) if (list.length === 1) values.set(name, list[0]!);

  const signals = fileSignals(index, imports);
  const related = knowledge.relatedApis?.(signals);
  const ctx: FileContext = {
    language,
    module,
    knowledge: related && knowledge.scoped ? knowledge.scoped(related) : knowledge,
    signals,
    related,
    imports,
    functions,
    allFunctions,
    index,
    values,
    assignments: assigned,
    patternPaths,
    clients,
  };
  for (const [name, list] of assigned) {
    for (const value of list) {
      const info = clientFromConstructor(value, ctx);
      if (!info) continue;
      info.builtAt ??= { start: value.start, end: value.end };
      const scope = /^(this|self)\./.test(name) ? undefined : innermostFunction(allFunctions, value);
      const bindings = clients.get(name) ?? [];
      bindings.push({ info, scope });
      clients.set(name, bindings);
      const bare = name.replace(/^(this|self)\./, "");
      if (bare !== name) clients.set(bare, [...(clients.get(bare) ?? []), { info }]);
    }
  }
  return ctx;
}

/** `require("m")` -> namespace of m; `require("m").x` -> export x of m (`default` for `.default`). */
function requiredExport(value: Expr): ImportInfo | undefined {
  let x = value;
  while (x.kind === "await") x = x.expr;
  let imported = "*";
  if (x.kind === "member") {
    imported = x.property;
    x = x.object;
  }
  if (x.kind !== "call" || x.callee.kind !== "name" || x.callee.name !== "require") return undefined;
  const arg = x.args[0]?.value;
  return arg?.kind === "string" && !arg.parts ? { module: arg.value, imported } : undefined;
}

function innermostFunction(fns: FunctionDef[], at: { start: number; end: number }): FunctionDef | undefined {
  let best: FunctionDef | undefined;
  for (const fn of fns) {
    if (fn.start <= at.start && at.end <= fn.end && (!best || (best.start <= fn.start && fn.end <= best.end)))
      best = fn;
  }
  return best;
}

/**
 * The client a variable holds at an offset: a binding local to the enclosing
 * function, else a module-level one, unless a parameter of that name shadows it.
 */
export function clientAt(ctx: FileContext, name: string, offset: number): ClientInfo | undefined {
  const bindings = ctx.clients.get(name);
  if (!bindings) return undefined;
  const fn = innermostFunction(ctx.allFunctions, { start: offset, end: offset });
  const local = bindings.find((b) => b.scope && b.scope.start <= offset && offset <= b.scope.end);
  if (local) return local.info;
  if (!name.includes(".") && fn?.params.some((p) => p.name === name)) return undefined;
  return bindings.find((b) => !b.scope)?.info;
}

const URL_HOST = /^(?:https?|wss?):\/\/([a-z0-9.-]+)/i;

/** The imported modules and the hosts of the literal URLs of a file (its strings, from the module index). */
function fileSignals(index: ModuleIndex, imports: Map<string, ImportInfo>): FileSignals {
  const modules = [...new Set([...imports.values()].map((i) => i.module))];
  const hosts = new Set<string>();
  for (const e of index.strings) {
    // Most strings are no URL: the cheap test first.
    if (!e.value.includes("://")) continue;
    const host = URL_HOST.exec(e.value)?.[1];
    if (host) hosts.add(host.toLowerCase());
  }
  return { modules, hosts: [...hosts] };
}

/** The module an imported name comes from, or undefined. */
export function importedFrom(ctx: FileContext, local: string): ImportInfo | undefined {
  return ctx.imports.get(local);
}

function moduleOfRoot(ctx: FileContext, e: Expr): string | undefined {
  const root = rootName(e);
  return root ? ctx.imports.get(root)?.module : undefined;
}

/** `axios.create()`, `got.extend()`, `requests.Session()`, `new CaseForge()`, `caseforge.Client()` ... -> client info (the language's profile knows its clients). */
export function clientFromConstructor(value: Expr, ctx: FileContext): ClientInfo | undefined {
  let e = value;
  while (e.kind === "await") e = e.expr;
  // `session or requests.Session()`, `options.client ?? axios.create()`: the client built when none is given.
  if ((e.kind === "logical" && e.op === "or") || (e.kind === "binary" && e.op === "??"))
    return clientFromConstructor(e.right, ctx);
  if (e.kind !== "call") return undefined;
  const dotted = dottedName(e.callee) ?? "";
  const mod = moduleOfRoot(ctx, e.callee) ?? "";
  const last = calleeName(e.callee) ?? "";
  const options = objectArg(e);
  return ctx.language.clientFrom({ call: e, dotted, module: mod, last, options }, ctx);
}

/** A Python keyword argument or a property of the first object argument. */
export function keywordOrOption(call: Call, names: string[]): Expr | undefined {
  for (const a of call.args) if (a.name && names.includes(a.name)) return a.value;
  const obj = objectArg(call);
  return obj ? propertyValue(obj, names) : undefined;
}

export function objectArg(call: Call, index?: number): ObjectLit | undefined {
  if (index !== undefined) {
    const a = call.args.filter((x) => !x.name)[index];
    return a?.value.kind === "object" ? a.value : undefined;
  }
  for (const a of call.args) if (!a.name && a.value.kind === "object") return a.value;
  return undefined;
}

export function propertyValue(obj: ObjectLit, names: string[]): Expr | undefined {
  for (const p of obj.properties) if (p.key !== undefined && names.includes(p.key)) return p.value;
  return undefined;
}

/**
 * The value the code gives a member of its own constant table: a TypeScript enum
 * (`HttpCodes.ServiceUnavailable`, also as compiled, `HttpCodes[HttpCodes["ServiceUnavailable"] = 503]`),
 * an object literal (`const Codes = { RATE_LIMITED: 429 }`, `Object.freeze({...})`) or a Python
 * class attribute (`class Codes(IntEnum): RATE_LIMITED = 429`).
 */
export function memberConstant(ctx: FileContext, x: Member): Expr | undefined {
  const dotted = dottedName(x);
  const assigned = dotted !== undefined ? ctx.values.get(dotted) : undefined;
  if (assigned && assigned !== x) return assigned;
  let table = x.object.kind === "name" ? ctx.values.get(x.object.name) : undefined;
  if (table?.kind === "call" && dottedName(table.callee) === "Object.freeze") table = table.args[0]?.value;
  if (table?.kind !== "object") return undefined;
  return table.properties.find((p) => p.key === x.property && !p.spread)?.value;
}

/**
 * The values assigned to `name` that code at `at` can see: those in the same top-level
 * statement (its function, the functions nested in it, a class's methods) and those at
 * module level. A local of another function (`res`, `delay`) says nothing about this one,
 * and leaving it out keeps an edit of one function from changing what another's analysis reads.
 */
export function assignmentsAt(ctx: FileContext, name: string, at: Span): Expr[] {
  const all = ctx.assignments.get(name);
  if (!all) return [];
  const home = topLevelStatementAt(ctx.module.body, at.start);
  return all.filter(
    (v) => (home !== undefined && home.start <= v.start && v.end <= home.end) || atModuleLevel(ctx, v),
  );
}

/** Whether an expression lies outside every function (module-level code, a class body). */
function atModuleLevel(ctx: FileContext, x: Span): boolean {
  return functionsAround(ctx, x).length === 0;
}

/** The functions of a file sorted by start, each with the function around it: built when first asked. */
interface FunctionTree {
  sorted: FunctionDef[];
  parent: Map<FunctionDef, FunctionDef | undefined>;
  order: Map<FunctionDef, number>;
}

const functionTrees = new WeakMap<FileContext, FunctionTree>();

function functionTree(ctx: FileContext): FunctionTree {
  let tree = functionTrees.get(ctx);
  if (tree) return tree;
  const order = new Map(ctx.allFunctions.map((fn, i) => [fn, i]));
  const sorted = [...ctx.allFunctions].sort((a, b) => a.start - b.start || b.end - a.end);
  const parent = new Map<FunctionDef, FunctionDef | undefined>();
  const open: FunctionDef[] = [];
  for (const fn of sorted) {
    while (
      open.length > 0 &&
      !(open[open.length - 1]!.start <= fn.start && fn.end <= open[open.length - 1]!.end)
    )
      open.pop();
    parent.set(fn, open[open.length - 1]);
    open.push(fn);
  }
  tree = { sorted, parent, order };
  functionTrees.set(ctx, tree);
  return tree;
}

/** The functions around a node, in the order of `ctx.allFunctions`. */
export function functionsAround(ctx: FileContext, x: Span): FunctionDef[] {
  const { sorted, parent, order } = functionTree(ctx);
  // The last function starting at or before the node; the ones around it are it or its ancestors.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start <= x.start) lo = mid + 1;
    else hi = mid;
  }
  const out: FunctionDef[] = [];
  for (let fn = sorted[lo - 1]; fn; fn = parent.get(fn))
    if (fn.start <= x.start && x.end <= fn.end) out.push(fn);
  return out.sort((a, b) => order.get(a)! - order.get(b)!);
}

/** The top-level statement holding `offset` (statements are in source order). */
export function topLevelStatementAt(body: readonly Stmt[], offset: number): Stmt | undefined {
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (body[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const found = body[lo];
  return found && found.start <= offset ? found : undefined;
}
