/**
 * Idempotency keys minted per attempt: a request a retry re-sends carries a key, and the
 * key is created inside the attempt (`headers={"Idempotency-Key": str(uuid.uuid4())}` in the
 * loop body, or `key = uuid4()` on the line before), so every attempt sends a new one and the
 * server cannot recognise the repeat. Marks the request sites and, for retry loops, the edits
 * that create the key once before the loop.
 */

import { hoistKeyFix, type FreshKey } from "../fixes/keys";
import type { Call, Expr, FunctionDef, LoopStmt, Stmt } from "../ir/types";
import { calleeName, contains, dottedName, stmtExprs, unwrap, walkExpr } from "../ir/walk";
import type { FileContext } from "./model";
import type { RetrySite } from "./types";

const KEY_NAME = /^(x-)?idempotency[-_]?key$/i;
/** Calls that return a fresh random identifier. */
const FRESH =
  /^(uuid[1-7]?|v[1-7]|uuidv[1-7]|randomUUID|nanoid|ulid|cuid2?|createId|token_hex|token_urlsafe|generate_?key|new_?key)$/i;

export function markKeysPerAttempt(retries: readonly RetrySite[], ctx: FileContext, text: string): void {
  for (const retry of retries) {
    if (retry.mechanism === "config" || retry.repeatsOnSuccess) continue;
    for (const req of retry.requests) {
      if (!req.idempotencyKey || req.keyPerAttempt) continue;
      const call = ctx.index.calls.find((c) => c.start === req.start && c.end === req.end);
      if (!call) continue;
      const body = attemptBody(retry, call, ctx);
      if (!body) continue;
      const key = keyExpr(call, body.stmts, ctx);
      if (!key) continue;
      const found = freshIn(key, body, ctx);
      if (!found) continue;
      req.keyPerAttempt = { start: found.fresh.start, end: found.fresh.end };
      if (text && body.loop)
        req.keyHoistFix = hoistKeyFix(body.loop, found, ctx, text, ctx.language.family === "python");
    }
  }
}

interface AttemptBody {
  start: number;
  end: number;
  stmts: Stmt[];
  loop?: LoopStmt;
}

/** The code that runs once per attempt: the loop's body, or the function the retry re-runs. */
function attemptBody(retry: RetrySite, call: Call, ctx: FileContext): AttemptBody | undefined {
  if (retry.mechanism === "loop") {
    const loop = ctx.index.loops.find((l) => l.start === retry.start && l.end === retry.end);
    return loop ? { start: loop.start, end: loop.end, stmts: loop.body, loop } : undefined;
  }
  // A decorated or recursive function, or the callback a retry helper runs: the innermost
  // function inside the retry that sends the request.
  let best: FunctionDef | undefined;
  for (const fn of ctx.allFunctions) {
    if (!contains(fn, call) || fn.start < retry.start || fn.end > retry.end) continue;
    if (!best || (best.start <= fn.start && fn.end <= best.end)) best = fn;
  }
  return best ? { start: best.start, end: best.end, stmts: best.body } : undefined;
}

/** The value sent as the idempotency key: a keyword or option, or a header (also in a headers dict built in the attempt). */
function keyExpr(call: Call, stmts: Stmt[], ctx: FileContext): Expr | undefined {
  for (const a of call.args) {
    if (a.name && KEY_NAME.test(a.name)) return a.value;
    const inObject = keyInObject(a.value, 0);
    if (inObject) return inObject;
    // `headers=headers` / `{ headers }`: a dict built in the attempt.
    const named = a.name === "headers" ? unwrap(a.value) : undefined;
    if (named?.kind === "name") {
      const built = assignmentsIn(named.name, stmts).map((s) => s.value);
      for (const v of built) {
        const k = v ? keyInObject(v, 0) : undefined;
        if (k) return k;
      }
    }
  }
  void ctx;
  return undefined;
}

function keyInObject(e: Expr, depth: number): Expr | undefined {
  const x = unwrap(e);
  if (depth > 3 || x.kind !== "object") return undefined;
  for (const p of x.properties) {
    if (p.key !== undefined && KEY_NAME.test(p.key)) return p.value;
    const inner = keyInObject(p.value, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/** Where the attempt mints the key afresh, or undefined when it is created outside or cannot be told. */
function freshIn(key: Expr, body: AttemptBody, ctx: FileContext): FreshKey | undefined {
  const x = unwrap(key);
  const inline = freshCall(x);
  if (inline) return { fresh: inline, inline: x };
  if (x.kind !== "name") return undefined;
  // The one binding of the name in the enclosing function: inside the attempt, not under a condition.
  const owner = enclosing(body, ctx);
  if (owner?.params.some((p) => p.name === x.name)) return undefined;
  const all = assignmentsIn(x.name, owner ? owner.body : ctx.module.body);
  const bindings = assignmentsIn(x.name, body.stmts, true);
  if (all.length !== 1 || bindings.length !== 1 || all[0] !== bindings[0]) return undefined;
  const st = bindings[0]!;
  if (!st.value || st.start > key.start) return undefined;
  const fresh = freshCall(unwrap(st.value));
  return fresh ? { fresh, binding: st } : undefined;
}

/** The function around the attempt body (itself, for a function's body). */
function enclosing(body: AttemptBody, ctx: FileContext): FunctionDef | undefined {
  if (body.loop) return ctx.index.owner.get(body.loop);
  return ctx.allFunctions.find((f) => f.start === body.start && f.end === body.end);
}

/** `uuid.uuid4()`, `str(uuid4())`, `crypto.randomUUID()`, `` `order-${uuidv4()}` ``: the minting call, if the value is one. */
function freshCall(x: Expr): Expr | undefined {
  let found: Expr | undefined;
  walkExpr(x, (e) => {
    if (found || e.kind !== "call") return;
    const name = calleeName(e.callee) ?? "";
    const dotted = dottedName(e.callee) ?? "";
    if (FRESH.test(name) || /^secrets\.token_/.test(dotted)) found = e;
  });
  return found;
}

/**
 * The `name = value` statements of a block, not inside nested functions. With `unconditional`,
 * only those that run on every pass (not under an `if`, a `case` or a nested loop).
 */
function assignmentsIn(name: string, stmts: Stmt[], unconditional = false): Extract<Stmt, { kind: "var" }>[] {
  const out: Extract<Stmt, { kind: "var" }>[] = [];
  const visit = (list: Stmt[]): void => {
    for (const st of list) {
      if (st.kind === "var" && st.target.kind === "name" && st.target.name === name) out.push(st);
      if (st.kind === "try") {
        visit(st.body);
        if (!unconditional) for (const h of st.handlers) visit(h.body);
        if (st.finally) visit(st.finally);
      } else if (st.kind === "block") visit(st.body);
      else if (!unconditional) {
        if (st.kind === "if") {
          visit(st.then);
          visit(st.else ?? []);
        } else if (st.kind === "loop") visit(st.body);
        else if (st.kind === "switch") for (const c of st.cases) visit(c.body);
      }
    }
  };
  visit(stmts);
  void stmtExprs;
  return out;
}
