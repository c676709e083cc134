/**
 * Requests recognised by behaviour: a call through the application's own
 * HTTP layer (`self.request(...)`, `session.send(prepared)`, `this.requestRaw(info)`,
 * an SDK the analyser does not know) is a request when the code treats what it
 * returns, or what it throws, as an HTTP response: it compares the result's
 * status with an HTTP status (`res.status_code == 429`, `res.message.statusCode
 * === HttpCodes.BadGateway`), calls `raise_for_status()` on it, or a `catch`
 * around it compares the error's status (`e.status === 404`) or catches an exception class that
 * the SDK of an API the file calls documents with a client-error status (`except discord.Forbidden`).
 */

import type { Call, Expr, Stmt } from "../ir/types";
import { dottedName, stmtExprs, unwrap, walkExpr, walkStmts, walkStmtsExprs } from "../ir/walk";
import type { FileContext } from "./model";
import { functionsAround } from "./context";
import { grpcCodeNamed, grpcCodeOf, isGrpcCodeCall } from "./grpc";

const STATUS_FIELDS = new Set(["status", "status_code", "statusCode", "error_code", "errorCode"]);
/**
 * Where a response keeps its status under the result or the error: `res.message.statusCode`,
 * `err.response.status`, an API's own field in the body (`err.response.body.error_code`, Telegram).
 */
const STATUS_HOLDERS = new Set(["message", "response", "res", "resp", "body", "data"]);
const COMPARISONS = new Set(["==", "!=", "<", "<=", ">", ">=", "in", "not in"]);
/** Names whose calls never send a request, whatever the code reads afterwards. */
const NOT_REQUESTS =
  /^(sleep|wait|delay|log|debug|info|warn|warning|error|print|json|text|parse|loads|dumps|stringify|read|readBody|close|release|resolve|reject|emit|then|catch|finally|all|race|bind|apply|toString|format|join|split|get_json|raise_for_status|raiseForStatus|copy|clone|pop|items|keys|values)$/;

export interface ResponseClaim {
  /** The code reads the status of what the call throws (true) or of what it returns (false). */
  throws: boolean;
}

/** Per file context: the claims of each scope (a function's body, the module's), found when first needed. */
const cache = new WeakMap<FileContext, Map<Stmt[], Map<Call, ResponseClaim>>>();

/** Whether a call is a request by behaviour, and whether its failures arrive as thrown errors. Call only for calls the language did not recognise. */
export function responseClaim(call: Call, ctx: FileContext): ResponseClaim | undefined {
  let byScope = cache.get(ctx);
  if (!byScope) {
    byScope = new Map();
    cache.set(ctx, byScope);
  }
  // The scopes that can claim the call (the module's, the functions around it), in the order
  // of a walk of the whole file (module first, then the functions as the index lists them): the first claim holds.
  for (const body of [ctx.module.body, ...functionsAround(ctx, call).map((f) => f.body)]) {
    let claims = byScope.get(body);
    if (!claims) {
      claims = scopeClaims(body, ctx);
      byScope.set(body, claims);
    }
    const claim = claims.get(call);
    if (claim) return claim;
  }
  return undefined;
}

/** The claims one scope makes about the calls in it. */
function scopeClaims(body: Stmt[], ctx: FileContext): Map<Call, ResponseClaim> {
  const claims = new Map<Call, ResponseClaim>();
  // Names bound to a call's result in this scope (not in nested functions).
  const bound = new Map<string, Call[]>();
  const tries: Extract<Stmt, { kind: "try" }>[] = [];
  walkStmts(body, (st) => {
    if (st.kind === "try") tries.push(st);
    if (st.kind === "var" && st.value) noteBinding(bound, targetName(st.target), st.value);
    for (const e of stmtExprs(st))
      walkExpr(e, (x) => {
        if (x.kind === "assign" && x.op === "=") noteBinding(bound, targetName(x.target), x.value);
      });
  });
  if (bound.size > 0) {
    const read = responseNames(body, new Set(bound.keys()), ctx);
    for (const name of read) {
      const calls = bound.get(name)!;
      // A name that also holds a request the language knows is explained by it.
      if (calls.some((c) => knownRequest(c, ctx))) continue;
      for (const call of calls)
        if (!claims.has(call) && candidate(call, ctx)) claims.set(call, { throws: false });
    }
  }
  // `request(url).then(function (resp) { if (resp.status === 429) ... })`
  walkStmts(body, (st) => {
    for (const e of stmtExprs(st))
      walkExpr(e, (x) => {
        if (x.kind !== "call" || x.callee.kind !== "member" || x.callee.property !== "then") return;
        const source = unwrap(x.callee.object);
        const handler = x.args[0] ? unwrap(x.args[0].value) : undefined;
        const param = handler?.kind === "function" ? handler.fn.params[0]?.name : undefined;
        if (source.kind !== "call" || source.isNew || !param || handler?.kind !== "function") return;
        if (claims.has(source) || knownRequest(source, ctx) || !candidate(source, ctx)) return;
        if (responseNames(handler.fn.body, new Set([param]), ctx).size > 0)
          claims.set(source, { throws: false });
      });
  });
  for (const t of tries) {
    const errors = t.handlers.filter(
      (h) =>
        (h.binding && responseNames(h.body, new Set([h.binding]), ctx).size > 0) ||
        (h.binding !== undefined && readsGrpcCode(h.body, h.binding, ctx)) ||
        (h.types.some((type) => isPackClientErrorClass(type, ctx)) && !leaves(h.body)),
    );
    if (errors.length === 0) continue;
    const candidates = callsIn(t.body, ctx);
    // The error of a request the language knows (or of a same-file helper that sends one) is explained by it.
    if (candidates.some((c) => knownRequest(c, ctx))) continue;
    for (const call of candidates) if (!claims.has(call)) claims.set(call, { throws: true });
  }
  return claims;
}

/**
 * `except discord.Forbidden`, `except LoginFailure`: an exception class that the SDK of an API the
 * file calls documents with a client-error status is what a request throws, when its handler goes
 * round again (one that raises or returns says nothing the analysis needs). (Rate-limit and server
 * classes alone do not make a request: how a caught 429 or 5xx must wait depends on the SDK.)
 */
function isPackClientErrorClass(type: Expr, ctx: FileContext): boolean {
  const dotted = dottedName(type);
  if (!dotted) return false;
  const status = ctx.knowledge.packClassStatus?.(dotted.slice(dotted.lastIndexOf(".") + 1));
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** `err.code === status.UNAVAILABLE`, `e.code() in (grpc.StatusCode.UNAVAILABLE, ...)`: the error's gRPC status is compared. */
function readsGrpcCode(stmts: Stmt[], binding: string, ctx: FileContext): boolean {
  const ofBinding = (e: Expr): boolean => {
    const x = unwrap(e);
    const read = x.kind === "call" && isGrpcCodeCall(x) ? x.callee : x;
    return read.kind === "member" && read.property === "code" && dottedName(read.object) === binding;
  };
  const isCode = (e: Expr): boolean => {
    const x = unwrap(e);
    if (x.kind === "array") return x.elements.some((el) => grpcCodeNamed(el) !== undefined);
    return grpcCodeOf(x, ctx) !== undefined;
  };
  let found = false;
  walkStmtsExprs(
    stmts,
    (x) => {
      if (found) return false;
      if (x.kind !== "binary" || !(COMPARISONS.has(x.op) || x.op === "is" || x.op === "is not")) return;
      if ((ofBinding(x.left) && isCode(x.right)) || (ofBinding(x.right) && isCode(x.left))) found = true;
    },
    true,
  );
  return found;
}

/** A handler that ends by raising, returning or leaving its loop: it does not go round again. */
function leaves(body: Stmt[]): boolean {
  const last = body[body.length - 1];
  return last !== undefined && (last.kind === "throw" || last.kind === "return" || last.kind === "break");
}

/** A call the language recognises as a request, or of a same-file function that sends one directly. */
function knownRequest(call: Call, ctx: FileContext): boolean {
  if (ctx.language.requestOf(call, ctx)) return true;
  const name = (dottedName(call.callee) ?? "").replace(/^(this|self|cls)\./, "");
  const fns = ctx.functions.get(name);
  if (!fns || fns.length !== 1) return false;
  let sends = false;
  walkStmts(fns[0]!.body, (st) => {
    for (const e of stmtExprs(st))
      walkExpr(e, (x) => {
        if (!sends && x.kind === "call" && ctx.language.requestOf(x, ctx)) sends = true;
      });
    return !sends;
  });
  return sends;
}

/** A call that may send a request: not a wait, a log line, a parse of a body ... */
function candidate(call: Call, ctx: FileContext): boolean {
  const name = call.callee.kind === "member" ? call.callee.property : dottedName(call.callee);
  if (!name || NOT_REQUESTS.test(name)) return false;
  return !ctx.language.sleep(dottedName(call.callee) ?? "", undefined);
}

function targetName(t: Extract<Stmt, { kind: "var" }>["target"]): string | undefined {
  if (t.kind === "name") return t.name;
  if (t.kind === "expr") return dottedName(t.expr);
  return undefined;
}

/** `x = await call(...)`, `x = yield call(...)`, `x = call(...)`: the call whose result the name holds. */
function noteBinding(bound: Map<string, Call[]>, name: string | undefined, value: Expr): void {
  if (!name) return;
  let v = unwrap(value);
  if (v.kind === "opaque") {
    const calls: Call[] = [];
    for (const c of v.children) {
      const u = unwrap(c);
      if (u.kind === "call") calls.push(u);
    }
    if (calls.length !== 1) return;
    v = calls[0]!;
  }
  if (v.kind !== "call" || v.isNew) return;
  const list = bound.get(name) ?? [];
  list.push(v);
  bound.set(name, list);
}

/**
 * Every name whose status the file reads anywhere (`x` of `x.status`, `x.response.status_code`,
 * `x.raise_for_status()`), found in one walk per file: `responseNames` can only return
 * these, so a scope binding none of them is not walked at all.
 */
const statusReaders = new WeakMap<FileContext, Set<string>>();

function readsStatusOf(ctx: FileContext): Set<string> {
  let found = statusReaders.get(ctx);
  if (found) return found;
  const out = new Set<string>();
  // Gathered per top-level statement, kept on it: after an edit, only the edited one is walked again.
  for (const st of ctx.module.body) for (const name of statusReadersOf(st)) out.add(name);
  found = out;
  statusReaders.set(ctx, found);
  return found;
}

const readersByStatement = new WeakMap<Stmt, Set<string>>();

/** The names whose status a top-level statement reads, kept on it. */
export function statusReadersOf(statement: Stmt): Set<string> {
  let found = readersByStatement.get(statement);
  if (!found) {
    found = statusReadersIn(statement);
    readersByStatement.set(statement, found);
  }
  return found;
}

function statusReadersIn(statement: Stmt): Set<string> {
  const out = new Set<string>();
  walkStmtsExprs(
    [statement],
    (x) => {
      if (x.kind === "member" && STATUS_FIELDS.has(x.property)) {
        let o: Expr = x.object;
        for (let depth = 0; ; depth++) {
          const d = dottedName(o);
          if (d) out.add(d);
          if (depth >= 2 || o.kind !== "member" || !STATUS_HOLDERS.has(o.property)) break;
          o = o.object;
        }
      } else if (
        x.kind === "call" &&
        x.callee.kind === "member" &&
        x.callee.property === "raise_for_status"
      ) {
        const d = dottedName(x.callee.object);
        if (d) out.add(d);
      }
    },
    true,
  );
  return out;
}

/** The names among `names` whose status is compared with an HTTP status, or on which `raise_for_status()` is called. */
function responseNames(stmts: Stmt[], names: ReadonlySet<string>, ctx: FileContext): Set<string> {
  const out = new Set<string>();
  const readers = readsStatusOf(ctx);
  let any = false;
  for (const n of names) if (readers.has(n)) any = true;
  if (!any) return out;
  const holder = (e: Expr): string | undefined => {
    // `res.status`, `res.message.statusCode`, `err.response.status_code`
    const x = unwrap(e);
    if (x.kind !== "member" || !STATUS_FIELDS.has(x.property)) return undefined;
    const direct = dottedName(x.object);
    if (direct && names.has(direct)) return direct;
    // Up to two holders deep: `err.response.status`, `err.response.body.error_code`.
    let o = x.object;
    for (let depth = 0; depth < 2 && o.kind === "member" && STATUS_HOLDERS.has(o.property); depth++) {
      const d = dottedName(o.object);
      if (d && names.has(d)) return d;
      o = o.object;
    }
    return undefined;
  };
  walkStmtsExprs(
    stmts,
    (x) => {
      if (x.kind === "binary" && COMPARISONS.has(x.op)) {
        const l = holder(x.left);
        if (l && isHttpStatusValue(x.right, ctx)) out.add(l);
        const r = holder(x.right);
        if (r && isHttpStatusValue(x.left, ctx)) out.add(r);
      }
      if (x.kind === "call" && x.callee.kind === "member") {
        // `RETRY_CODES.includes(res.statusCode)`
        if (x.callee.property === "includes" && x.args[0]) {
          const h = holder(x.args[0].value);
          if (h && isHttpStatusValue(x.callee.object, ctx)) out.add(h);
        }
        const recv = dottedName(x.callee.object);
        if (x.callee.property === "raise_for_status" && recv && names.has(recv)) out.add(recv);
      }
    },
    true,
  );
  return out;
}

/** An HTTP status (100-599), a list holding one, or a named status constant (`HttpCodes.BadGateway`, `HTTPStatus.OK`, `RETRY_CODES`). */
function isHttpStatusValue(e: Expr, ctx: FileContext, depth = 0): boolean {
  if (depth > 3) return false;
  const x = unwrap(e);
  if (x.kind === "number") return x.value >= 100 && x.value <= 599;
  if (x.kind === "array") return x.elements.some((el) => isHttpStatusValue(el, ctx, depth + 1));
  if (x.kind === "member") return /http|status|code/i.test(dottedName(x.object) ?? "");
  if (x.kind === "name") {
    const value = ctx.values.get(x.name);
    if (value && value !== x) return isHttpStatusValue(value, ctx, depth + 1);
    return /^(HTTP|HttpStatus|HTTPStatus|STATUS|RETRY|RETRYABLE)[A-Z_]*$|(_CODES|_STATUSES|Codes|Statuses)$/.test(
      x.name,
    );
  }
  return false;
}

/**
 * The calls a `try` body makes that may send the request its `catch` reads the status of:
 * calls that are a whole statement's value (`res = await api.x(...)`, `self.client.y(...)`),
 * and when there are several, those whose names say they send one.
 */
function callsIn(stmts: Stmt[], ctx: FileContext): Call[] {
  const out: Call[] = [];
  walkStmts(stmts, (st) => {
    const value =
      st.kind === "var" || st.kind === "return" ? st.value : st.kind === "expr" ? st.expr : undefined;
    const call = value ? statementCall(value) : undefined;
    if (!call || call.callee.kind !== "member") return;
    const name = call.callee.property;
    if (!candidate(call, ctx)) return;
    // `data.get("key")`: a mapping, not a request.
    const first = call.args[0]?.value;
    if (name === "get" && first?.kind === "string" && !/^(https?:|\/)/.test(first.value)) return;
    out.push(call);
  });
  if (out.length <= 1) return out;
  return out.filter((c) => c.callee.kind === "member" && SENDS.test(c.callee.property));
}

const SENDS =
  /^_*(request|send|call|fetch|get|post|put|patch|delete|head|options|api_?request|make_?request|do_?request|perform)$|^_*(create|update|get|list|delete|remove|add|set|edit|upload|post|send|fetch|retrieve|search|request)[A-Z_]/i;

/** The call a statement's value is, through `await` / `yield`. */
function statementCall(value: Expr): Call | undefined {
  let v = unwrap(value);
  if (v.kind === "assign") v = unwrap(v.value);
  if (v.kind === "opaque" && v.children.length === 1) v = unwrap(v.children[0]!);
  return v.kind === "call" && !v.isNew ? v : undefined;
}
