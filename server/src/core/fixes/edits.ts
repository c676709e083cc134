// Over 400 lines: each certain rewrite (failure cap, Retry-After wait, idempotency key) with its per-language text; split by fix when one grows.
/**
 * Quick fixes whose rewrite is certain and changes nothing but the problem it fixes:
 * a cap on the failures of an endless retry loop, a wait that honours Retry-After,
 * and an idempotency key created once before the loop and sent by every attempt.
 * Each returns undefined when the code is not in a shape it can edit with certainty
 * (then the finding simply has no fix). Inserted code follows the document's
 * indentation and keeps its lines within MAX_COLUMNS.
 *
 * Every fix here has a behavioural test (test/behaviour/fixes.test.ts) that runs the
 * code before and after it against scripted failures under fake time.
 */

import type { CatchClause, Expr, LoopStmt, ObjectLit, Stmt, VarStmt } from "../ir/types";
import { unwrap, walkExpr } from "../ir/walk";
import type { TextEdit } from "../types";
import type { RequestInfo } from "../analysis/model";

const MAX_ATTEMPTS = 3;
/** Lines the fixes write stay within this many columns. */
export const MAX_COLUMNS = 100;

/** The wait that every failed attempt of a retry loop passes before the next one. */
export interface FailureWait {
  /** The wait expression (`sleep(d)`, `time.sleep(d)`, `new Promise(r => setTimeout(r, d))`). */
  expr: Expr;
}

/**
 * Caps the failures of an endless retry loop. `wait` is the one wait every failed
 * attempt passes (the caller has shown that no successful attempt repeats the loop,
 * so it is not polling). Before that wait, a failure counter created before the loop
 * is stepped; the third failure ends the retry with that failure itself, without
 * waiting again:
 * - in a `catch` / `except` clause: `throw err` / bare `raise` (the real error);
 * - after a response of fetch / requests / httpx: an error naming the last status
 *   (`res.raise_for_status()` first in Python, which raises requests'/httpx's own error).
 */
export function failureCapFix(
  loop: LoopStmt,
  wait: FailureWait,
  requests: readonly RequestInfo[],
  scope: { start: number; end: number },
  text: string,
  python: boolean,
): TextEdit[] | undefined {
  const declareAt = statementStart(text, loop.start);
  if (declareAt !== loop.start || (!python && !startsStatement(text, loop.start))) return undefined;
  const unit = indentUnit(text, loop);
  if (unit === undefined) return undefined;
  const located = locate(loop.body, wait.expr);
  if (!located || statementStart(text, located.stmt.start) !== located.stmt.start) return undefined;
  if (!python && !startsStatement(text, located.stmt.start)) return undefined;
  const scopeText = text.slice(scope.start, scope.end);
  const counter = freeName(scopeText, ["failures", "failedAttempts", "failureCount"], python);
  if (!counter) return undefined;
  const indent = indentationAt(text, located.stmt.start);
  const edits: TextEdit[] = [];

  let giveUp: string[];
  if (located.handler) {
    if (python) giveUp = ["raise"];
    else {
      let binding = located.handler.binding;
      if (!binding) {
        binding = freeName(scopeText, ["error", "err", "failure"], python);
        const after = located.handler.keyword.end;
        if (!binding || text.slice(after, text.indexOf("{", after)).trim() !== "") return undefined;
        edits.push({ start: after, end: after, newText: ` (${binding})` });
      }
      giveUp = [`throw ${binding};`];
    }
  } else {
    const response = responseBefore(located.before, requests, python);
    if (!response) return undefined;
    giveUp = python
      ? [
          `${response}.raise_for_status()`,
          `raise RuntimeError(f"gave up after ${MAX_ATTEMPTS} attempts: HTTP {${response}.status_code}")`,
        ]
      : [`throw new Error(\`gave up after ${MAX_ATTEMPTS} attempts: HTTP \${${response}.status}\`);`];
  }

  let check: string[];
  if (python) {
    check = [`${counter} += 1`, `if ${counter} >= ${MAX_ATTEMPTS}:`, ...giveUp.map((l) => unit + l)];
  } else {
    const condition = `if (++${counter} >= ${MAX_ATTEMPTS})`;
    const oneLine = `${condition} ${giveUp[0]}`;
    check =
      indent.length + oneLine.length <= MAX_COLUMNS ? [oneLine] : [`${condition} {`, unit + giveUp[0], "}"];
  }
  const declaration = python ? `${counter} = 0` : `let ${counter} = 0;`;
  if (check.some((l) => indent.length + l.length > MAX_COLUMNS)) return undefined;
  edits.push(
    { start: declareAt, end: declareAt, newText: `${declaration}\n${indentationAt(text, declareAt)}` },
    {
      start: located.stmt.start,
      end: located.stmt.start,
      newText: check.map((l) => l + "\n" + indent).join(""),
    },
  );
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * Makes a wait honour Retry-After when the response has it, and keeps its delay `D`
 * otherwise. Before the wait it reads the header; then `D` becomes
 * `retryAfterMs || D` (fetch, a timer in ms) or `int(retry_after) if retry_after.isdigit() else D`
 * (requests / httpx / aiohttp, a sleep in seconds). An HTTP-date value keeps `D`.
 * Offered only when `D` already grows or has jitter: a constant fallback would keep
 * the fixed delay while hiding it from `retry-without-backoff`.
 */
export function retryAfterFix(
  loop: LoopStmt,
  wait: { expr: Expr; delay: Expr; unit: "ms" | "s" },
  response: string,
  scope: { start: number; end: number },
  text: string,
  python: boolean,
): TextEdit[] | undefined {
  const { delay, unit } = wait;
  if (unit !== (python ? "s" : "ms")) return undefined;
  const d = text.slice(delay.start, delay.end);
  if (!d || d.includes("\n")) return undefined;
  const located = locate(loop.body, wait.expr);
  if (!located || statementStart(text, located.stmt.start) !== located.stmt.start) return undefined;
  if (!python && !startsStatement(text, located.stmt.start)) return undefined;
  const tab = indentUnit(text, loop);
  if (tab === undefined) return undefined;
  const name = freeName(
    text.slice(scope.start, scope.end),
    python ? ["retry_after", "retry_after_header"] : ["retryAfterMs", "retryAfterHeaderMs"],
    python,
  );
  if (!name) return undefined;
  const indent = indentationAt(text, located.stmt.start);
  const read = python
    ? `${name} = ${response}.headers.get("Retry-After", "")`
    : `const ${name} = Number(${response}.headers.get("retry-after")) * 1000;`;
  if (indent.length + read.length > MAX_COLUMNS) return undefined;
  const fallback = needsParens(delay, python) ? `(${d})` : d;
  const soleArgument = text[delay.start - 1] === "(" && text[delay.end] === ")";
  const whole = isArgument(wait.expr, delay);
  let replacement = python ? `int(${name}) if ${name}.isdigit() else ${fallback}` : `${name} || ${fallback}`;
  if (!whole) replacement = `(${replacement})`;
  const lineStart = text.lastIndexOf("\n", delay.start - 1) + 1;
  const lineEnd = text.indexOf("\n", delay.end);
  const lineLength =
    (lineEnd < 0 ? text.length : lineEnd) - lineStart - (delay.end - delay.start) + replacement.length;
  if (lineLength > MAX_COLUMNS) {
    // Too long for one line: the argument goes on lines of its own, inside the call's parentheses.
    if (!soleArgument || !whole) return undefined;
    const inner = indent + tab;
    const lines = python
      ? [`int(${name})`, `if ${name}.isdigit()`, `else ${fallback}`]
      : [`${name} || ${fallback},`];
    if (lines.some((l) => inner.length + l.length > MAX_COLUMNS)) return undefined;
    replacement = lines.map((l) => `\n${inner}${l}`).join("") + `\n${indent}`;
  }
  return [
    { start: located.stmt.start, end: located.stmt.start, newText: `${read}\n${indent}` },
    { start: delay.start, end: delay.end, newText: replacement },
  ];
}

/** Adds an idempotency key, created once before `loop`, to a POST/PATCH sent inside it. */
export function idempotencyKeyFix(
  request: RequestInfo,
  loop: LoopStmt,
  scope: { start: number; end: number },
  text: string,
  python: boolean,
  headerName = "Idempotency-Key",
): TextEdit[] | undefined {
  const call = request.call;
  if (!call || request.idempotencyKey !== false) return undefined;
  const variable = python ? "idempotency_key" : "idempotencyKey";
  if (new RegExp(`\\b${variable}\\b`).test(text.slice(scope.start, scope.end))) return undefined;
  const unit = indentUnit(text, loop);
  if (unit === undefined) return undefined;
  const header = `"${headerName}": ${variable}`;
  const addHeader = python
    ? pythonHeaderEdit(call, header, text, unit)
    : jsHeaderEdit(request, call, header, text, unit);
  if (!addHeader) return undefined;
  const before = statementStart(text, loop.start);
  if (before === undefined) return undefined;
  const indent = indentationAt(text, before);
  const create = python ? `${variable} = str(uuid.uuid4())` : `const ${variable} = crypto.randomUUID();`;
  const edits: TextEdit[] = [
    { start: loop.start, end: loop.start, newText: `${create}\n${indent}` },
    addHeader,
  ];
  if (python && !/^\s*import uuid\b/m.test(text)) {
    // After any `from __future__` imports, which must come first.
    const firstImport = /^(import |from (?!__future__\b))/m.exec(text);
    const at = firstImport ? firstImport.index : 0;
    edits.push({ start: at, end: at, newText: "import uuid\n" });
  }
  return edits.sort((a, b) => a.start - b.start);
}

function pythonHeaderEdit(call: RequestInfo["call"] & object, header: string, text: string, unit: string) {
  const headers = call.args.find((a) => a.name === "headers");
  if (headers)
    return headers.value.kind === "object" ? intoObject(headers.value, header, text, unit) : undefined;
  if (call.args.some((a) => a.spread)) return undefined;
  return beforeClosingParen(call, `headers={${header}}`, text, unit);
}

function jsHeaderEdit(
  request: RequestInfo,
  call: RequestInfo["call"] & object,
  header: string,
  text: string,
  unit: string,
): TextEdit | undefined {
  const positional = call.args.map((a) => a.value);
  const client = request.client.kind;
  // fetch(url, init) / got(url, options) / axios.get(url, config) / axios.post(url, data, config)
  const optionsIndex =
    client === "fetch" || client === "undici" || client === "got" || client === "ky"
      ? 1
      : request.method === "POST" || request.method === "PATCH"
        ? 2
        : 1;
  const options = positional[optionsIndex];
  if (options === undefined) {
    if (positional.length !== optionsIndex || call.args.some((a) => a.spread)) return undefined;
    return beforeClosingParen(call, `{ headers: { ${header} } }`, text, unit);
  }
  if (options.kind !== "object") return undefined;
  const headers = options.properties.find((p) => p.key === "headers");
  if (headers)
    return headers.value.kind === "object" ? intoObject(headers.value, header, text, unit) : undefined;
  return intoObject(options, `headers: { ${header} }`, text, unit);
}

/** Inserts `entry` as the first entry of an object literal, on a line of its own when the line would grow too long. */
function intoObject(obj: ObjectLit, entry: string, text: string, unit: string): TextEdit | undefined {
  if (text[obj.start] !== "{") return undefined;
  const first = obj.properties[0];
  if (!first) {
    if (text.slice(obj.start + 1, obj.end - 1).trim() !== "") return undefined;
    return fitting(text, { start: obj.start + 1, end: obj.end - 1, newText: ` ${entry} ` });
  }
  const firstStart = statementStart(text, first.start);
  if (firstStart === first.start) {
    // Entries already on lines of their own: one more line, indented like them.
    const line = `${entry},\n${indentationAt(text, first.start)}`;
    return fitting(text, { start: first.start, end: first.start, newText: line });
  }
  const edit = { start: obj.start + 1, end: obj.start + 1, newText: ` ${entry},` };
  if (fitting(text, edit)) return edit;
  const inner = indentationAt(text, obj.start) + unit;
  return fitting(text, {
    start: obj.start + 1,
    end: first.start,
    newText: `\n${inner}${entry},\n${inner}`,
  });
}

/** Adds one more argument at the end of a call, on a line of its own when the line would grow too long. */
function beforeClosingParen(
  call: RequestInfo["call"] & object,
  arg: string,
  text: string,
  unit: string,
): TextEdit | undefined {
  const close = call.end - 1;
  if (text[close] !== ")") return undefined;
  const last: Expr | undefined = call.args[call.args.length - 1]?.value;
  if (!last) return undefined;
  const between = text.slice(last.end, close);
  if (between.trim() !== "") return undefined; // a trailing comma or a comment: leave it
  const edit = { start: last.end, end: last.end, newText: `, ${arg}` };
  if (fitting(text, edit)) return edit;
  // The arguments already on lines of their own keep their indentation; else one level deeper.
  const lastLine = text.lastIndexOf("\n", last.start - 1) + 1;
  const own = lastLine > call.start && statementStart(text, lastLine) !== undefined;
  const indent = indentationAt(text, last.start) + (own ? "" : unit);
  return fitting(text, { start: last.end, end: last.end, newText: `,\n${indent}${arg}` });
}

/**
 * `edit` when the lines it writes fit in MAX_COLUMNS. A line that was already longer keeps
 * its length (plus the comma where the edit breaks it).
 */
function fitting(text: string, edit: TextEdit): TextEdit | undefined {
  const lineStart = text.lastIndexOf("\n", edit.start - 1) + 1;
  const lineEnd = text.indexOf("\n", edit.end);
  const head = text.slice(lineStart, edit.start);
  const tail = text.slice(edit.end, lineEnd < 0 ? undefined : lineEnd);
  const original = head.length + (edit.end - edit.start) + tail.length;
  const lines = (head + edit.newText + tail).split("\n");
  const ok = lines.every(
    (l, i) =>
      l.length <= MAX_COLUMNS ||
      (i === 0 && lines.length > 1 && head.length > MAX_COLUMNS && l.length <= head.length + 1) ||
      (i === lines.length - 1 && lines.length > 1 && l.length <= original),
  );
  return ok ? edit : undefined;
}

// ---------------------------------------------------------------- where things are

interface Located {
  /** The statement holding the target expression (an expression statement). */
  stmt: Stmt;
  /** The innermost `catch` / `except` clause on the way to it, if any. */
  handler?: CatchClause;
  /** The statements run before it on the way, in order (each list up to the one it is in). */
  before: Stmt[];
}

/**
 * Finds the expression statement holding `target` inside `stmts`, through if/else,
 * try/catch/else and blocks, but not through loops, switches, functions or `finally`.
 */
function locate(
  stmts: Stmt[],
  target: Expr,
  handler?: CatchClause,
  before: Stmt[] = [],
): Located | undefined {
  for (let i = 0; i < stmts.length; i++) {
    const st = stmts[i]!;
    if (target.start < st.start || target.end > st.end) continue;
    const seen = [...before, ...stmts.slice(0, i)];
    switch (st.kind) {
      case "expr":
        return { stmt: st, handler, before: seen };
      case "if":
        return (
          locate(st.then, target, handler, seen) ??
          (st.else ? locate(st.else, target, handler, seen) : undefined)
        );
      case "try": {
        const inBody =
          locate(st.body, target, handler, seen) ?? locate(st.orelse ?? [], target, handler, seen);
        if (inBody) return inBody;
        for (const h of st.handlers) {
          const found = locate(h.body, target, h, seen);
          if (found) return found;
        }
        return undefined;
      }
      case "block":
        return st.label ? undefined : locate(st.body, target, handler, seen);
      default:
        return undefined;
    }
  }
  return undefined;
}

/** The name a response of fetch / requests / httpx is bound to before the statement (`const res = await fetch(...)`). */
function responseBefore(
  before: Stmt[],
  requests: readonly RequestInfo[],
  python: boolean,
): string | undefined {
  const clients = python ? ["requests", "httpx"] : ["fetch"];
  for (let i = before.length - 1; i >= 0; i--) {
    const st = before[i]!;
    if (st.kind !== "var" || st.target.kind !== "name" || !st.value) continue;
    const value = st.value;
    const sent = requests.some(
      (r) =>
        clients.includes(r.client.kind) &&
        !r.client.throws &&
        r.span.start >= value.start &&
        r.span.end <= value.end,
    );
    if (sent) return bindsOnce(st, before) ? st.target.name : undefined;
  }
  return undefined;
}

/** The name is not assigned again later on the way. */
function bindsOnce(st: VarStmt, before: Stmt[]): boolean {
  const name = st.target.kind === "name" ? st.target.name : "";
  return !before.some(
    (o) =>
      o !== st &&
      o.start > st.start &&
      o.kind === "var" &&
      o.target.kind === "name" &&
      o.target.name === name,
  );
}

/** Whether `delay` is a whole argument of a call inside the wait (so it needs no parentheses of its own). */
function isArgument(waitExpr: Expr, delay: Expr): boolean {
  let found = false;
  walkExpr(
    waitExpr,
    (e) => {
      if (e.kind === "call" && e.args.some((a) => a.value === delay || unwrap(a.value) === delay))
        found = true;
    },
    true,
  );
  return found;
}

/** Whether `d` must be parenthesised as the right side of `||` (JS) or the `else` of a conditional (Python). */
function needsParens(d: Expr, python: boolean): boolean {
  const x = unwrap(d);
  if (x !== d) return false; // already parenthesised
  if (python) return x.kind === "conditional" || x.kind === "function" || x.kind === "opaque";
  if (x.kind === "binary") return x.op === "??";
  return !["name", "number", "member", "call", "index", "string", "unary", "await"].includes(x.kind);
}

/** The first of `candidates` not used as a word in `scopeText`. */
function freeName(scopeText: string, candidates: string[], _python: boolean): string | undefined {
  return candidates.find((n) => !new RegExp(`\\b${n}\\b`).test(scopeText));
}

/**
 * One level of the document's indentation, as the loop shows it (its body's indentation
 * minus its own): tabs, 2 or 4 spaces. Undefined when the body is not on lines of its own.
 */
function indentUnit(text: string, loop: LoopStmt): string | undefined {
  const first = loop.body[0];
  if (!first) return undefined;
  const outer = indentationAt(text, loop.start);
  const bodyStart = statementStart(text, first.start);
  if (bodyStart === undefined) return undefined;
  const inner = indentationAt(text, bodyStart);
  if (!inner.startsWith(outer) || inner.length === outer.length) return undefined;
  return inner.slice(outer.length);
}

/**
 * Where the statement that holds `offset` begins, when it is the first thing on its
 * line (`const` / `let` / `var` before a declarator included); undefined otherwise.
 */
function statementStart(text: string, offset: number): number | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const head = text.slice(lineStart, offset);
  const m = /^([ \t]*)((?:export\s+)?(?:const|let|var)\s+)?$/.exec(head);
  return m ? lineStart + m[1]!.length : undefined;
}

/**
 * JS: the statement at `offset` sits in a statement list (a block, a case, the file), not
 * alone as the body of an `if` / loop without braces: the code before it ends in `{`, `}` or `;`
 * (comment lines skipped).
 */
function startsStatement(text: string, offset: number): boolean {
  const lines = text.slice(0, offset).split("\n");
  lines.pop(); // the statement's own line, indentation only (checked by statementStart)
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (line === "" || line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) continue;
    return /[{};]$/.test(line);
  }
  return true;
}

/** The whitespace that starts the line `offset` is on. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const m = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return m ? m[0] : "";
}
