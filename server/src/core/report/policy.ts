// Over 400 lines: the effective policy of every retry kind (loops, recursion, libraries, client layers) in one pass.
/**
 * The effective policy of each retry mechanism the analysis found: hand-written
 * loops and recursion are run in the head (analysis/attempts.ts); libraries are
 * read from their configuration and documented defaults, which each mechanism
 * gives beside its recognition (mechanisms/<library>.ts, `...Numbers`).
 */

import type { Call, Expr, FunctionDef, LoopStmt, ObjectLit, Stmt } from "../ir/types";
import { calleeName, dottedName, stmtExprs, unwrap, walkExpr, walkStmts } from "../ir/walk";
import type { LineIndex } from "../parse/line-index";
import type { HelperDelay, RequestSite, RetrySite } from "../analysis/types";
import { runAttempts, iteratedValues, type AttemptCode } from "../analysis/attempts";
import type { CodeIndex } from "./code-index";
import { evaluate, exact, isInterval, readsRetryAfter, type Value } from "../analysis/evaluate";
import { axiosRetryNumbers } from "../mechanisms/axios-retry";
import { backoffNumbers } from "../mechanisms/backoff";
import { backoffEventNumbers } from "../mechanisms/backoff-events";
import { gotKyNumbers } from "../mechanisms/got";
import { promiseRetryNumbers } from "../mechanisms/p-retry";
import { sdkNumbers } from "../mechanisms/sdk";
import { tenacityNumbers } from "../mechanisms/tenacity";
import type { LibraryNumbers } from "../mechanisms/timing";
import { urllib3Numbers } from "../mechanisms/urllib3";
import type { Amount, DelayModel, PolicyLayer, RetryAfterModel, WaitRange } from "./model";

/** Waits listed per layer (the total counts them all). */
const LISTED_WAITS = 20;
/** Attempts beyond which a total is not summed one by one. */
const SUMMED_ATTEMPTS = 10_000;

export interface FileCode {
  text: string;
  python: boolean;
  lines: LineIndex;
  code: CodeIndex;
}

export function layerForRetry(site: RetrySite, f: FileCode): PolicyLayer {
  if (site.helperLoop?.file) return importedHelperLayer(site, f);
  const numbers = site.library ? libraryLayer(site, f) : undefined;
  if (numbers) return fromNumbers(site, f, numbers);
  if (site.mechanism === "loop" || site.mechanism === "recursion") return codeLayer(site, f);
  // A retry configured by a status list the analysis knows nothing more about.
  return fromNumbers(site, f, {
    attempts: "unknown",
    wait: "unknown",
    formula: "unknown",
    kind: "unknown",
    jitter: "unknown",
    retryAfter: { honoured: site.libraryHonoursRetryAfter ? true : "unknown" },
    source: "library-config",
    unknowns: ["a retry configuration whose library it does not know"],
  });
}

/**
 * A retry helper of another file (the workspace index): what its summary says, the attempts when
 * a constant gives them and the kind of wait; the wait's numbers are in the helper's own file.
 */
function importedHelperLayer(site: RetrySite, f: FileCode): PolicyLayer {
  const name = site.mechanismName?.replace(/^the /, "") ?? "retry helper";
  const delay = site.helperDelay;
  const where = site.helperLoop?.file
    ? ` (${baseName(site.helperLoop.file.path)}:${site.helperLoop.file.line + 1})`
    : "";
  const n: LibraryNumbers = {
    attempts: site.attempts ?? (site.helperUnbounded || site.bounded === false ? "unbounded" : "unknown"),
    wait: delay?.kind === "none" ? () => ({ minMs: 0, maxMs: 0 }) : "unknown",
    formula: delay ? delayWords(delay) : "unknown",
    kind: delay?.kind ?? "unknown",
    jitter: delay ? delay.jitter : "unknown",
    retryAfter: { honoured: delay ? delay.retryAfter : "unknown" },
    source: "library-config",
    unknowns: delay?.kind === "none" ? [] : [`the waits' numbers: in the ${name}${where}`],
  };
  const layer = build(undefined, `${name}${where}`, "helper", site.anchor, f, n, retriesOf(site));
  return { ...layer, source: "code" };
}

function delayWords(d: HelperDelay): string {
  if (d.kind === "none") return "no wait";
  const base = d.kind === "unknown" ? "a wait" : `${d.kind} backoff`;
  return `${base}${d.jitter ? " with jitter" : ""}${d.retryAfter ? ", or Retry-After when sent" : ""}`;
}

/** The last part of a path, either separator. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

/** The retries a client makes on its own (SDKs, got, ky) for a request no configuration in the code changes. */
export function clientLayer(request: RequestSite, f: FileCode): PolicyLayer | undefined {
  const other = request.selfRetry?.at.file;
  if (other) {
    // A client of another file (the workspace index): its attempts, the rest is in its file.
    const by = request.selfRetry!.by.replace(/^the /, "");
    const n: LibraryNumbers = {
      attempts: request.selfRetry!.attempts,
      wait: "unknown",
      formula: "unknown",
      kind: "unknown",
      jitter: "unknown",
      retryAfter: { honoured: "unknown" },
      source: "library-config",
      unknowns: [`the waits of the ${by}: set where it is built (${baseName(other.path)}:${other.line + 1})`],
    };
    return build(undefined, `${by} (built-in retries)`, "client", request.callee, f, n, {
      statuses: [],
      network: true,
      anyFailure: false,
    });
  }
  const call = f.code.callAt(request);
  if (request.client === "got" || request.client === "ky") {
    const method = request.method ?? "GET";
    if (!["GET", "PUT", "HEAD", "DELETE", "OPTIONS", "TRACE"].includes(method)) return undefined;
    const n = gotKyNumbers(request.client, undefined, f.code.constant);
    return build(request.client, `${request.client} (built-in retries)`, "client", request.callee, f, n, {
      statuses:
        request.client === "got"
          ? [408, 413, 429, 500, 502, 503, 504, 521, 522, 524]
          : [408, 413, 429, 500, 502, 503, 504],
      network: true,
      anyFailure: false,
    });
  }
  if (request.client !== "sdk" || !call) return undefined;
  const sdk = sdkClientOf(call, f);
  if (!sdk) return undefined;
  const n = sdkNumbers(sdk.name, sdk.maxRetries, f.code.constant);
  if (n.attempts === 1) return undefined;
  return build(sdk.name, `${sdk.name} client (built-in retries)`, "client", request.callee, f, n, {
    statuses: sdk.name === "openai" || sdk.name === "anthropic" ? [408, 409, 429, 500, 502, 503, 504] : [],
    network: true,
    anyFailure: false,
  });
}

// ---------------------------------------------------------------- libraries

function libraryLayer(site: RetrySite, f: FileCode): LibraryNumbers | undefined {
  const c = f.code.constant;
  switch (site.library) {
    case "tenacity": {
      const e = f.code.exprAt(site.anchor);
      return tenacityNumbers(e?.kind === "call" ? e : undefined, c);
    }
    case "backoff": {
      const b = site.eventBackoff;
      if (!f.python) {
        if (!b) return undefined;
        const options = b.options ? objectOf(f.code.exprAt(b.options)) : undefined;
        const cap = b.failAfter === "none" ? "none" : b.failAfter ? f.code.exprAt(b.failAfter) : undefined;
        return backoffEventNumbers({ kind: b.kind, options, unseen: b.unseen }, cap, c);
      }
      const e = f.code.exprAt(site.anchor);
      return e?.kind === "call" ? backoffNumbers(e, c) : undefined;
    }
    case "p-retry":
    case "async-retry": {
      const call = f.code.callAt(site);
      const arg = call?.args[1]?.value;
      const options = objectOf(arg) ?? assignedObject(arg, f);
      // Options the report cannot see (a parameter, a spread) are not the library's defaults.
      if (arg && !options)
        return {
          ...promiseRetryNumbers(site.library, undefined, c),
          attempts: "unknown",
          wait: "unknown",
          formula: "unknown",
          kind: "unknown",
          jitter: "unknown",
          source: "library-config",
          unknowns: ["options it cannot see"],
        };
      return promiseRetryNumbers(site.library, options, c);
    }
    case "axios-retry": {
      const call = f.code.callAt(site);
      const options = objectOf(call?.args[1]?.value);
      const delay = options?.properties.find((p) => p.key === "retryDelay")?.value;
      const fn = delay ? functionOf(delay, f) : undefined;
      return axiosRetryNumbers(options, c, fn ? (n) => returnedDelay(fn, n, f) : undefined);
    }
    case "urllib3": {
      const call = f.code.callAt(site);
      return call ? urllib3Numbers(call, c) : undefined;
    }
    case "got":
    case "ky": {
      // The site spans the `retry` property.
      let value: Expr | undefined;
      for (const call of f.code.calls)
        for (const a of call.args)
          if (a.value.kind === "object")
            for (const p of a.value.properties)
              if (p.key === "retry" && p.start === site.start && p.end === site.end) value = p.value;
      return gotKyNumbers(site.library, value, c);
    }
    default:
      return undefined;
  }
}

function objectOf(e: Expr | undefined): ObjectLit | undefined {
  const x = e ? unwrap(e) : undefined;
  return x?.kind === "object" ? x : undefined;
}

/** An options argument held in a name: the object literal assigned to it, when it is assigned exactly once. */
function assignedObject(e: Expr | undefined, f: FileCode): ObjectLit | undefined {
  const x = e ? unwrap(e) : undefined;
  if (x?.kind !== "name") return undefined;
  const assignments = f.code.assignmentsOf(x.name);
  return assignments.length === 1 ? objectOf(assignments[0]!.value) : undefined;
}

function functionOf(e: Expr, f: FileCode): FunctionDef | undefined {
  const x = unwrap(e);
  if (x.kind === "function") return x.fn;
  if (x.kind === "name") {
    const fns = f.code.functions.filter((fn) => fn.name === x.name);
    return fns.length === 1 ? fns[0] : undefined;
  }
  return undefined;
}

/** What a delay function returns for retry n (its first parameter), in ms. */
function returnedDelay(fn: FunctionDef, n: number, f: FileCode): WaitRange | undefined {
  const param = fn.params[0]?.name;
  let out: WaitRange | undefined;
  let bad = false;
  walkStmts(fn.body, (s) => {
    if (s.kind !== "return" || !s.value) return;
    const v = evaluate(s.value, (name, at) => (name === param ? exact(n) : f.code.constant(name, at)));
    if (!isInterval(v)) bad = true;
    else
      out = out
        ? { minMs: Math.min(out.minMs, v.lo), maxMs: Math.max(out.maxMs, v.hi) }
        : { minMs: v.lo, maxMs: v.hi };
  });
  return bad ? undefined : out;
}

function sdkClientOf(call: Expr, f: FileCode): { name: string; maxRetries?: Expr } | undefined {
  const x = unwrap(call);
  if (x.kind !== "call") return undefined;
  const receiver = dottedName(x.callee) ?? "";
  const parts = receiver.split(".");
  // `client.chat.completions.create`: the client is the longest prefix that was assigned.
  for (let i = parts.length - 1; i >= 1; i--) {
    const holder = parts.slice(0, i).join(".");
    for (const name of [holder, holder.replace(/^(this|self)\./, "")]) {
      for (const a of f.code.assignmentsOf(name)) {
        const v = unwrap(a.value);
        if (v.kind !== "call") continue;
        const ctor = dottedName(v.callee) ?? "";
        const sdk = /(^|\.)(Async)?OpenAI$|AzureOpenAI$/.test(ctor)
          ? "openai"
          : /(^|\.)(Async)?Anthropic$/.test(ctor)
            ? "anthropic"
            : /(^|\.)Stripe(Client)?$/.test(ctor)
              ? "stripe"
              : /Octokit$/.test(ctor)
                ? "octokit"
                : /caseforge|CaseForge/.test(ctor)
                  ? "caseforge"
                  : undefined;
        if (!sdk) continue;
        const kw = v.args.find((arg) => arg.name === "max_retries" || arg.name === "maxRetries")?.value;
        const obj = objectOf(v.args[0]?.value);
        const prop = obj?.properties.find((p) => p.key === "maxRetries" || p.key === "max_retries")?.value;
        return { name: sdk, maxRetries: kw ?? prop };
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- hand-written code

function codeLayer(site: RetrySite, f: FileCode): PolicyLayer {
  const code = attemptCode(site, f);
  const run = code
    ? runAttempts(code, site.bounded)
    : { attempts: "unknown" as const, waits: [], unknowns: ["the shape of this retry"] };
  const attempts: Amount = site.bounded === false ? "unbounded" : run.attempts;
  const knownWaits = run.waits.every((w) => w !== "unknown");
  const waits: WaitRange[] | "unknown" =
    knownWaits && run.attempts !== "unknown"
      ? (run.waits as { lo: number; hi: number }[]).map((w) => ({ minMs: w.lo, maxMs: w.hi }))
      : "unknown";
  const jitter: boolean | "unknown" =
    waits === "unknown"
      ? site.waits.length === 0
        ? false
        : site.waits.some((w) => w.jitter)
      : run.waits.some((w) => w !== "unknown" && w.random);
  const formulas = [
    ...new Set(
      site.waits
        .map((w) => {
          const delay = (w as { event?: { delay?: { start: number; end: number } } }).event?.delay;
          return delay ? f.text.slice(delay.start, delay.end).replace(/\s+/g, " ") : undefined;
        })
        .filter((t): t is string => t !== undefined),
    ),
  ];
  const unit = f.python ? "s" : "ms";
  const delay: DelayModel = {
    kind:
      site.waits.length === 0
        ? site.waitsNothing
          ? "none"
          : "unknown"
        : site.waits.some((w) => w.exponential)
          ? "exponential"
          : site.waits.some((w) => w.grows)
            ? "linear"
            : "fixed",
    formula:
      site.waits.length === 0
        ? site.waitsNothing
          ? "no wait"
          : "unknown"
        : formulas.length > 0
          ? `${formulas.join(" or ")} (${unit})`
          : "unknown",
    jitter,
    ...totals(attempts, waits),
  };
  const unknowns = [...run.unknowns];
  if (attempts === "unknown" && unknowns.length === 0) unknowns.push("no cap it can count");
  return {
    mechanism: site.mechanism,
    name: site.mechanism === "loop" ? "retry loop" : "recursive retry",
    ...place(site.anchor, f),
    retries: retriesOf(site),
    attempts,
    delay,
    retryAfter: codeRetryAfter(site, f),
    source: "code",
    unknowns,
  };
}

function attemptCode(site: RetrySite, f: FileCode): AttemptCode | undefined {
  // Worst case: the failure the mechanism retries. When that is only a network error, every client throws it.
  const networkOnly = ![...site.retried].some((s) => typeof s === "number");
  const requests = site.requests.map((r) => ({ start: r.start, throws: r.throws || networkOnly }));
  const waits = new Map<number, { end: number; delay?: Expr; unit: "ms" | "s" }>();
  for (const w of site.waits) {
    const ev = (w as { event?: { delay?: { start: number; end: number }; unit?: "ms" | "s" } }).event;
    const delay = ev?.delay ? f.code.exprAt(ev.delay) : helperDelay(w, f);
    waits.set(w.start, { end: w.end, delay, unit: ev?.unit ?? (f.python ? "s" : "ms") });
  }
  const failingStatus = pickStatus(site);
  const constant = f.code.constant;
  if (site.mechanism === "loop") {
    const loop = f.code.loopAt(site.anchor.start);
    if (!loop) return undefined;
    const init = new Map<string, Value>();
    // Variables the loop changes start from their value before the loop (`let attempt = 0; while (...)`).
    for (const name of assignedIn(loop.body)) {
      const before = f.code
        .assignmentsOf(name)
        .filter((a) => a.end <= loop.start && sameFunction(f, a.at, loop.start));
      const last = before[before.length - 1];
      if (last && last.op === "=") init.set(name, evaluate(last.value, constant));
    }
    for (const s of loop.init ?? [])
      if (s.kind === "var" && s.target.kind === "name" && s.value)
        init.set(s.target.name, evaluate(s.value, constant));
    const binding =
      loop.binding?.kind === "name" && (loop.loop === "for-in" || loop.loop === "for-of")
        ? { name: loop.binding.name, values: iteratedValues(loop.iterates, constant) }
        : undefined;
    return {
      body: loop.body,
      init,
      ...(sentBeforeLoop(site, f, loop) ? { sentBefore: true } : {}),
      headTest: loop.loop === "do" ? undefined : loop.test,
      tailTest: loop.loop === "do" ? loop.test : undefined,
      update: loop.update,
      binding,
      requests,
      waits,
      failingStatus,
      constant,
    };
  }
  // Recursion: the function holding the recursive call, its parameters bound to their first values.
  const call = f.code.callAt(site.anchor);
  const name = call ? calleeName(call.callee) : undefined;
  const direct = f.code.functionsAround(site.anchor.start).find((x) => x.name === name);
  // Mutual recursion: the anchor calls a partner that calls the enclosing function back.
  const mutual = direct ? undefined : partnerOf(f, site.anchor.start, name);
  const fn = direct ?? mutual?.fn;
  const back = direct ? call : mutual?.back;
  if (!fn || !call || !back) return undefined;
  const init = new Map<string, Value>();
  const params: string[] = [];
  for (const p of fn.params) {
    if (!p.name || p.name === "self") continue;
    params.push(p.name);
    // A parameter's default is its value on the first call (`attempt = 0`), as callers leave it out.
    const first = p.defaultValue
      ? evaluate(p.defaultValue, (name, at) => f.code.constant(name, at))
      : f.code.constant(p.name, fn.body[0]?.start ?? fn.start);
    init.set(p.name, first ?? "unknown");
  }
  return {
    body: fn.body,
    init,
    requests,
    waits,
    recursion: {
      start: back.start,
      end: back.end,
      params: fn.params.filter((p) => p.name !== "self").map((p) => p.name ?? ""),
    },
    ...(mutual
      ? {
          partner: {
            start: call.start,
            params: mutual.partner.params.filter((p) => p.name !== "self").map((p) => p.name ?? ""),
            body: mutual.partner.body,
          },
        }
      : {}),
    failingStatus,
    constant,
  };
}

/**
 * The loop re-sends a request whose first attempt went out before it: the loop body assigns a
 * request's result to a name (`r = send()`) that the same call, in the same function, assigned
 * just before the loop.
 */
function sentBeforeLoop(site: RetrySite, f: FileCode, loop: LoopStmt): boolean {
  const callText = (e: Expr): string | undefined => {
    const x = unwrap(e);
    const call = x.kind === "call" ? x : undefined;
    return call ? dottedName(call.callee) : undefined;
  };
  for (const r of site.requests) {
    if (r.start < loop.start || r.end > loop.end) continue;
    for (const name of assignedIn(loop.body)) {
      const all = f.code.assignmentsOf(name);
      const inLoop = all.find((a) => a.op === "=" && a.value.start <= r.start && r.end <= a.value.end);
      if (!inLoop) continue;
      const callee = callText(inLoop.value);
      const before = all.filter((a) => a.end <= loop.start && sameFunction(f, a.at, loop.start));
      const last = before[before.length - 1];
      if (callee && last?.op === "=" && callText(last.value) === callee) return true;
    }
  }
  return false;
}

/** The enclosing function of a call of `name`, the same-file function `name` and its one call back into it. */
function partnerOf(
  f: FileCode,
  at: number,
  name: string | undefined,
): { fn: FunctionDef; partner: FunctionDef; back: Call } | undefined {
  const fn = f.code.functionsAround(at)[0];
  const partners = f.code.functions.filter((x) => x.name === name);
  if (!fn?.name || !name || partners.length !== 1) return undefined;
  const partner = partners[0]!;
  const backs = f.code.calls.filter(
    (c) => c.start >= partner.start && c.end <= partner.end && calleeName(c.callee) === fn.name,
  );
  return backs.length === 1 ? { fn, partner, back: backs[0]! } : undefined;
}

/** Names a block assigns (declarations, `x = ...`, `x += 1`, `x++`), nested functions excluded. */
function assignedIn(body: Stmt[]): Set<string> {
  const out = new Set<string>();
  walkStmts(body, (s) => {
    if (s.kind === "var" && s.target.kind === "name") out.add(s.target.name);
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => {
        if (x.kind === "assign" && x.target.kind === "name") out.add(x.target.name);
      });
  });
  return out;
}

/** The function holding offset `a` (or the module) also holds `b` (a callback inside it included). */
function encloses(f: FileCode, a: number, b: number): boolean {
  const fn = f.code.functionsAround(a)[0];
  return !fn || (fn.start <= b && b < fn.end);
}

function sameFunction(f: FileCode, a: number, b: number): boolean {
  return f.code.functionsAround(a)[0] === f.code.functionsAround(b)[0];
}

/** `await backoff(attempt)`: the delay the same-file helper sleeps, with its parameters bound to the arguments. */
function helperDelay(w: { start: number; end: number }, f: FileCode): Expr | undefined {
  const call = f.code.callAt(w);
  if (!call) return undefined;
  const name = calleeName(call.callee);
  const fns = f.code.functions.filter((fn) => fn.name === name);
  if (fns.length !== 1) return undefined;
  const fn = fns[0]!;
  let delay: Expr | undefined;
  walkStmts(fn.body, (s) => {
    if (delay) return false;
    if (s.kind === "expr" || s.kind === "return" || s.kind === "var") {
      const e = s.kind === "expr" ? s.expr : s.kind === "return" ? s.value : s.value;
      if (!e) return;
      walkExpr(e, (x) => {
        if (delay || x.kind !== "call") return;
        const n = dottedName(x.callee) ?? "";
        if (/(^|\.)setTimeout$/.test(n)) delay = x.args[1]?.value;
        else if (/^(time\.sleep|asyncio\.sleep|sleep)$/.test(n)) delay = x.args[0]?.value;
      });
    }
  });
  if (!delay) return undefined;
  // Substitute parameters: a name of the helper's parameters reads the argument passed.
  return substitute(delay, fn, call);
}

function substitute(e: Expr, fn: FunctionDef, call: { args: { name?: string; value: Expr }[] }): Expr {
  const positional = call.args.filter((a) => !a.name);
  const binding = new Map<string, Expr>();
  fn.params.forEach((p, i) => {
    if (!p.name) return;
    const arg = call.args.find((a) => a.name === p.name) ?? positional[i];
    if (arg) binding.set(p.name, arg.value);
    else if (p.defaultValue) binding.set(p.name, p.defaultValue);
  });
  const copy = (x: Expr): Expr => {
    if (x.kind === "name" && binding.has(x.name)) return binding.get(x.name)!;
    if (x.kind === "binary" || x.kind === "logical")
      return { ...x, left: copy(x.left), right: copy(x.right) };
    if (x.kind === "unary") return { ...x, operand: copy(x.operand) };
    if (x.kind === "conditional") return { ...x, test: copy(x.test), then: copy(x.then), else: copy(x.else) };
    if (x.kind === "call") return { ...x, args: x.args.map((a) => ({ ...a, value: copy(a.value) })) };
    if (x.kind === "await") return { ...x, expr: copy(x.expr) };
    return x;
  };
  return copy(e);
}

function pickStatus(site: RetrySite): number {
  for (const s of [503, 500, 502, 504, 429]) if (site.retried.has(s)) return s;
  const any = [...site.retried].find((s): s is number => typeof s === "number");
  return any ?? 503;
}

function codeRetryAfter(site: RetrySite, f: FileCode): RetryAfterModel {
  const reading = site.waits.filter((w) => w.readsRetryAfter);
  if (reading.length === 0) return { honoured: false };
  // The ceiling: the wait when the server asks for a very long one (`Math.min(retryAfter * 1000, 30_000)`).
  const HUGE = 1e9;
  let ceiling: Amount | undefined;
  for (const w of reading) {
    const ev = (w as { event?: { delay?: { start: number; end: number }; unit?: "ms" | "s" } }).event;
    const delay = ev?.delay ? f.code.exprAt(ev.delay) : undefined;
    if (!delay) return { honoured: true, ceilingMs: "unknown" };
    const lookup = (name: string, at: number): Value | undefined => {
      const before = f.code.assignmentsOf(name).filter((a) => a.end <= at && encloses(f, a.at, at));
      const last = before[before.length - 1];
      if (last && readsRetryAfter(last.value)) return evaluate(last.value, lookup, 0, HUGE);
      return f.code.constant(name, at);
    };
    const v = evaluate(delay, lookup, 0, HUGE);
    const k = (ev?.unit ?? (f.python ? "s" : "ms")) === "s" ? 1000 : 1;
    const c: Amount = !isInterval(v) ? "unknown" : v.hi >= HUGE / 10 ? "unbounded" : v.hi * k;
    ceiling =
      ceiling === undefined
        ? c
        : typeof ceiling === "number" && typeof c === "number"
          ? Math.max(ceiling, c)
          : c === "unbounded" || ceiling === "unbounded"
            ? "unbounded"
            : "unknown";
  }
  return { honoured: true, ceilingMs: ceiling ?? "unknown" };
}

// ---------------------------------------------------------------- shared

function fromNumbers(site: RetrySite, f: FileCode, n: LibraryNumbers): PolicyLayer {
  const attempts: Amount = site.bounded === false ? "unbounded" : n.attempts;
  const name =
    site.mechanism === "decorator"
      ? `${site.library} @retry`.replace("backoff @retry", "backoff @on_exception")
      : site.library
        ? `${site.library}${site.mechanism === "config" ? " configuration" : ""}`
        : "retry configuration";
  // A giveup predicate it cannot see decides which of the failures it gives up on.
  const unknowns =
    site.retriesOn?.statusesKnown === false
      ? [...n.unknowns, "which failures the giveup predicate stops"]
      : n.unknowns;
  return build(
    site.library,
    name,
    site.mechanism,
    site.anchor,
    f,
    { ...n, attempts, unknowns },
    retriesOf(site),
  );
}

function build(
  library: string | undefined,
  name: string,
  mechanism: PolicyLayer["mechanism"],
  at: { start: number; end: number },
  f: FileCode,
  n: LibraryNumbers,
  retries: PolicyLayer["retries"],
): PolicyLayer {
  const waits: WaitRange[] | "unknown" =
    n.wait === "unknown" || n.attempts === "unknown" ? "unknown" : listWaits(n.attempts, n.wait);
  const unknowns = [...n.unknowns];
  const t = totals(n.attempts, waits, n.wait === "unknown" ? undefined : n.wait);
  return {
    mechanism,
    ...(library ? { library } : {}),
    name,
    ...place(at, f),
    retries,
    attempts: n.attempts,
    delay: { kind: n.kind, formula: n.formula, jitter: n.jitter, ...t },
    retryAfter: n.retryAfter,
    source: n.source,
    unknowns,
  };
}

function listWaits(attempts: Amount, wait: (n: number) => WaitRange): WaitRange[] {
  const count = attempts === "unbounded" ? LISTED_WAITS : Math.min(LISTED_WAITS, (attempts as number) - 1);
  const out: WaitRange[] = [];
  for (let n = 1; n <= count; n++) out.push(wait(n));
  return out;
}

function totals(
  attempts: Amount,
  waits: WaitRange[] | "unknown",
  wait?: (n: number) => WaitRange,
): Pick<DelayModel, "waits" | "maxWaitMs" | "worstCaseTotalMs"> {
  if (waits === "unknown" || attempts === "unknown")
    return {
      waits: "unknown",
      maxWaitMs: "unknown",
      worstCaseTotalMs: attempts === "unbounded" ? "unbounded" : "unknown",
    };
  if (attempts === "unbounded") {
    const max = waits.reduce((m, w) => Math.max(m, w.maxMs), 0);
    return { waits, maxWaitMs: max, worstCaseTotalMs: "unbounded" };
  }
  let total = 0;
  let max = 0;
  if (wait && attempts - 1 > waits.length) {
    for (let n = 1; n <= Math.min(attempts - 1, SUMMED_ATTEMPTS); n++) {
      const w = wait(n);
      total += w.maxMs;
      max = Math.max(max, w.maxMs);
    }
  } else {
    for (const w of waits) {
      total += w.maxMs;
      max = Math.max(max, w.maxMs);
    }
  }
  if (!Number.isFinite(total))
    return { waits, maxWaitMs: Number.isFinite(max) ? max : "unbounded", worstCaseTotalMs: "unbounded" };
  return { waits, maxWaitMs: max, worstCaseTotalMs: round(total) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function retriesOf(site: RetrySite): PolicyLayer["retries"] {
  return {
    statuses: [...site.retried].filter((s): s is number => typeof s === "number").sort((a, b) => a - b),
    network: site.retried.has("network"),
    anyFailure: site.blind,
    ...(site.retriesOn ? { on: site.retriesOn.text.replace(/`/g, "") } : {}),
  };
}

function place(
  at: { start: number; end: number },
  f: FileCode,
): Pick<PolicyLayer, "line" | "column" | "start" | "end"> {
  const p = f.lines.positionAt(at.start);
  return { line: p.line + 1, column: p.character + 1, start: at.start, end: at.end };
}
