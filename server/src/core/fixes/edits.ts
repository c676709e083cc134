/**
 * Quick fixes whose rewrite is certain: an attempt cap for an endless retry
 * loop, and an idempotency key created once before the loop and sent by every
 * attempt. Each returns undefined when the code is not in a shape it can edit
 * safely (then the finding simply has no fix).
 */

import type { Call, Expr, LoopStmt, ObjectLit } from "../ir/types";
import { unwrap } from "../ir/walk";
import type { Span, TextEdit } from "../types";
import type { RequestInfo } from "../analysis/model";

const MAX_ATTEMPTS = 3;

/** `while (true)` -> `for (let attempt = 1; ; attempt++)` + a give-up check; Python `while True:` -> `for attempt in range(3):` + `else: raise`. */
export function attemptCapFix(loop: LoopStmt, text: string, python: boolean): TextEdit[] | undefined {
  if (loop.loop !== "while" || !loop.test || loop.body.length === 0) return undefined;
  const test = unwrap(loop.test);
  if (!(test.kind === "bool" && test.value)) return undefined;
  const loopText = text.slice(loop.start, loop.end);
  const candidates = python
    ? ["attempt", "retry_attempt", "attempt_no"]
    : ["attempt", "retryAttempt", "attemptNo"];
  const name = candidates.find((n) => !new RegExp(`\\b${n}\\b`).test(loopText));
  if (!name) return undefined;
  if (python) {
    const colon = text.indexOf(":", test.end);
    if (colon < 0 || text.slice(test.end, colon).trim() !== "" || loop.orelse) return undefined;
    const indent = indentationAt(text, loop.start);
    return [
      {
        start: loop.keyword.start,
        end: test.end,
        newText: `for ${name === "attempt" ? "_attempt" : name} in range(${MAX_ATTEMPTS})`,
      },
      {
        start: loop.end,
        end: loop.end,
        newText: `\n${indent}else:\n${indent}    raise RuntimeError("gave up after ${MAX_ATTEMPTS} attempts")`,
      },
    ];
  }
  const close = text.indexOf(")", test.end);
  if (close < 0 || text.slice(test.end, close).trim() !== "") return undefined;
  const first = statementStart(text, loop.body[0]!.start);
  if (first === undefined) return undefined;
  const indent = indentationAt(text, first);
  return [
    { start: loop.keyword.start, end: close + 1, newText: `for (let ${name} = 1; ; ${name}++)` },
    {
      start: first,
      end: first,
      newText: `if (${name} > ${MAX_ATTEMPTS}) throw new Error("gave up after ${MAX_ATTEMPTS} attempts");\n${indent}`,
    },
  ];
}

/** Adds an idempotency key, created once before `loop`, to a POST/PATCH sent inside it. */
export function idempotencyKeyFix(
  request: RequestInfo,
  loop: LoopStmt,
  scope: { start: number; end: number },
  text: string,
  python: boolean,
): TextEdit[] | undefined {
  const call = request.call;
  if (!call || request.idempotencyKey !== false) return undefined;
  const variable = python ? "idempotency_key" : "idempotencyKey";
  if (new RegExp(`\\b${variable}\\b`).test(text.slice(scope.start, scope.end))) return undefined;
  const header = python ? `"Idempotency-Key": ${variable}` : `"Idempotency-Key": ${variable}`;
  const addHeader = python ? pythonHeaderEdit(call, header, text) : jsHeaderEdit(request, call, header, text);
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
    const firstImport = /^(import |from )/m.exec(text);
    const at = firstImport ? firstImport.index : 0;
    edits.push({ start: at, end: at, newText: "import uuid\n" });
  }
  return edits.sort((a, b) => a.start - b.start);
}

function pythonHeaderEdit(call: Call, header: string, text: string): TextEdit | undefined {
  const headers = call.args.find((a) => a.name === "headers");
  if (headers) return headers.value.kind === "object" ? intoObject(headers.value, header, text) : undefined;
  if (call.args.some((a) => a.spread)) return undefined;
  return beforeClosingParen(call, `headers={${header}}`, text);
}

function jsHeaderEdit(request: RequestInfo, call: Call, header: string, text: string): TextEdit | undefined {
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
    return beforeClosingParen(call, `{ headers: { ${header} } }`, text);
  }
  if (options.kind !== "object") return undefined;
  const headers = options.properties.find((p) => p.key === "headers");
  if (headers) return headers.value.kind === "object" ? intoObject(headers.value, header, text) : undefined;
  return intoObject(options, `headers: { ${header} }`, text);
}

/** Inserts `entry` as the first entry of an object literal. */
function intoObject(obj: ObjectLit, entry: string, text: string): TextEdit | undefined {
  if (text[obj.start] !== "{") return undefined;
  const empty = obj.properties.length === 0;
  return { start: obj.start + 1, end: obj.start + 1, newText: empty ? ` ${entry} ` : ` ${entry},` };
}

/** Adds one more argument at the end of a call. */
function beforeClosingParen(call: Call, arg: string, text: string): TextEdit | undefined {
  const close = call.end - 1;
  if (text[close] !== ")") return undefined;
  const last: Expr | undefined = call.args[call.args.length - 1]?.value;
  if (!last) return undefined;
  const between = text.slice(last.end, close);
  if (between.trim() !== "") return undefined; // a trailing comma or a comment: leave it
  return { start: last.end, end: last.end, newText: `, ${arg}` };
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

/** The whitespace that starts the line `offset` is on. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const m = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return m ? m[0] : "";
}

/**
 * Makes a wait honour Retry-After: `D` becomes
 * `Number(res.headers.get("retry-after")) * 1000 || D` (a fetch Response, a timer in ms) or
 * `int(res.headers["Retry-After"]) if res.headers.get("Retry-After", "").isdigit() else D`
 * (requests/httpx, a sleep in seconds). An HTTP-date value falls back to `D`.
 */
export function retryAfterFix(
  delay: Span,
  unit: "ms" | "s",
  response: string,
  text: string,
  python: boolean,
): TextEdit[] | undefined {
  const d = text.slice(delay.start, delay.end);
  if (!d || d.includes("\n")) return undefined;
  if (python) {
    if (unit !== "s") return undefined;
    const header = `${response}.headers`;
    return [
      {
        start: delay.start,
        end: delay.end,
        newText: `(int(${header}["Retry-After"]) if ${header}.get("Retry-After", "").isdigit() else ${d})`,
      },
    ];
  }
  if (unit !== "ms") return undefined;
  return [
    {
      start: delay.start,
      end: delay.end,
      newText: `Number(${response}.headers.get("retry-after")) * 1000 || (${d})`,
    },
  ];
}
