// Over 400 lines: one evaluator whose methods recurse into each other over every expression kind; split it only with the next evaluator change.
/**
 * Evaluates conditions under one failure scenario: is `res.status === 429`
 * true when the request ended in a 429? Three-valued (true / false /
 * unknown), and it records which status literals, classes or codes made a
 * condition true, so rules can point at them.
 */

import type { ArrayLit, Call, Expr, FunctionDef, Stmt } from "../ir/types";
import { calleeName, dottedName, unwrap, walkStmts } from "../ir/walk";
import { memberConstant } from "./context";
import type { FileContext } from "./model";
import {
  classMatch,
  codeStatus,
  CODE_PROPERTIES,
  isCodeAccess,
  NETWORK_ERROR_CODES,
  STATUS_NAMES,
  STATUS_PROPERTIES,
} from "./knowledge";
import { isNonRetryableClientError } from "./statuses";
import { grpcCodeOf, grpcCodeNamed, isGrpcCodeCall } from "./grpc";
import { enumCodeOf, looksLikeCodeConstant } from "./code-enums";

/** A gRPC status travels in a trailer of an HTTP 200 response: no Retry-After comes with it. */
const GRPC_SENT = 200;
import type { Failure, StatusRef } from "./types";

/** A scenario: how the request ended. 200 stands for success. */
export type Scenario = Failure | 200;

export interface CondResult {
  value: boolean | undefined;
  /** What made the condition (possibly) true: attach to the path that takes the true branch. */
  refs: StatusRef[];
  /** What made it (possibly) false (`status !== 429` when the status is 429): attach to the false branch. */
  falseRefs?: StatusRef[];
  /** A status / exception class / error code took part in the decision. */
  decided: boolean;
}

/** Marks a name as holding a value (assigned from a response on this path). */
export const DEFINED: Expr = { kind: "bool", value: true, start: -1, end: -1 };

const UNKNOWN: CondResult = { value: undefined, refs: [], decided: false };
const MAX_DEPTH = 8;

/** Named status constants: `HTTPStatus.TOO_MANY_REQUESTS`, `status.HTTP_429_TOO_MANY_REQUESTS`, `StatusCodes.NOT_FOUND`. */
const NAMED_STATUSES: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  UNPROCESSABLE_ENTITY: 422,
  UNPROCESSABLE_CONTENT: 422,
  TOO_EARLY: 425,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
  OK: 200,
  CREATED: 201,
};

/** Parameter substitutions when a predicate helper is evaluated inline. */
export type Env = ReadonlyMap<string, Expr>;

export class ConditionEvaluator {
  constructor(private readonly ctx: FileContext) {}

  /** Evaluates a condition under a scenario. */
  eval(e: Expr, s: Scenario, env: Env = new Map(), depth = 0): CondResult {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const x = unwrap(e);
    switch (x.kind) {
      case "bool":
        return { value: x.value, refs: [], decided: false };
      case "null":
        return { value: false, refs: [], decided: false };
      case "logical":
        return this.logical(x.op, x.left, x.right, s, env, depth);
      case "unary":
        if (x.op === "not") return negate(this.eval(x.operand, s, env, depth + 1));
        return UNKNOWN;
      case "binary":
        return this.binary(x.op, x.left, x.right, s, env);
      case "member":
        if (STATUS_PROPERTIES.has(x.property)) return { value: s !== "network", refs: [], decided: true };
        return this.truthyMember(x.object, x.property, s);
      case "name": {
        if (env.get(x.name) === DEFINED) return { value: true, refs: [], decided: false };
        const bound = env.get(x.name) ?? this.ctx.values.get(x.name);
        if (bound && bound !== x) return this.eval(bound, s, env, depth + 1);
        return UNKNOWN;
      }
      case "call":
        return this.call(x, s, env, depth);
      default:
        return UNKNOWN;
    }
  }

  /** Whether an expression reads an HTTP status. */
  isStatusExpr(e: Expr, env: Env = new Map(), depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    const x = unwrap(e);
    switch (x.kind) {
      case "member":
        return STATUS_PROPERTIES.has(x.property);
      case "name": {
        if (env.has(x.name)) return this.isStatusExpr(env.get(x.name)!, env, depth + 1);
        if (STATUS_NAMES.has(x.name)) return true;
        const path = this.ctx.patternPaths.get(x.name);
        if (path && STATUS_PROPERTIES.has(path[path.length - 1] ?? "")) return true;
        const value = this.ctx.values.get(x.name);
        return value !== undefined && value !== x && this.isStatusExpr(value, env, depth + 1);
      }
      case "call": {
        const name = calleeName(x.callee);
        if ((name === "int" || name === "Number" || name === "parseInt") && x.args[0])
          return this.isStatusExpr(x.args[0].value, env, depth + 1);
        if (name === "getattr" && x.args[1]?.value.kind === "string")
          return STATUS_PROPERTIES.has(x.args[1].value.value);
        return false;
      }
      case "logical":
        return x.op === "or" && this.isStatusExpr(x.left, env, depth + 1);
      case "binary":
        return x.op === "??" && this.isStatusExpr(x.left, env, depth + 1);
      default:
        return false;
    }
  }

  /** `Math.floor(status / 100)`, `Math.trunc(status / 100)`, `status // 100`, `int(status / 100)`. */
  statusClassOf(e: Expr, env: Env = new Map()): boolean {
    const x = unwrap(e);
    const isHundredth = (d: Expr): boolean => {
      const y = unwrap(d);
      return (
        y.kind === "binary" &&
        (y.op === "/" || y.op === "//") &&
        this.isStatusExpr(y.left, env) &&
        this.numberOf(y.right) === 100
      );
    };
    if (x.kind === "binary" && x.op === "//") return isHundredth(x);
    if (x.kind === "binary" && x.op === "|" && this.numberOf(x.right) === 0) return isHundredth(x.left);
    if (x.kind === "call" && x.args[0]) {
      const name = dottedName(x.callee);
      if (name === "Math.floor" || name === "Math.trunc" || name === "int" || name === "math.floor") {
        return isHundredth(x.args[0].value);
      }
    }
    return false;
  }

  /** A number literal or a named status constant. */
  numberOf(e: Expr, depth = 0): number | undefined {
    const x = unwrap(e);
    if (x.kind === "number") return x.value;
    if (x.kind === "member") {
      const named = NAMED_STATUSES[x.property] ?? NAMED_STATUSES[x.property.toUpperCase()];
      if (named !== undefined) return named;
      const m = /^HTTP_(\d{3})_/.exec(x.property);
      if (m) return Number(m[1]);
      const member = depth < MAX_DEPTH ? memberConstant(this.ctx, x) : undefined;
      return member ? this.numberOf(member, depth + 1) : undefined;
    }
    if (x.kind === "name" && depth < MAX_DEPTH) {
      const v = this.ctx.values.get(x.name);
      if (v && v !== x) return this.numberOf(v, depth + 1);
    }
    return undefined;
  }

  /** The numbers of a list literal (array, tuple, set, `new Set([...])`, a named constant), with their spans. */
  /** The numbers of a list literal, followed through names; `array` is the literal, `named` whether a name led to it. */
  listOf(
    e: Expr,
    depth = 0,
    named = false,
  ):
    { items: { value: number; ref: Expr }[]; elements: Expr[]; array: ArrayLit; named: boolean } | undefined {
    const x = unwrap(e);
    if (x.kind === "array") {
      const items: { value: number; ref: Expr }[] = [];
      for (const el of x.elements) {
        const n = this.numberOf(el);
        if (n !== undefined) items.push({ value: n, ref: el });
      }
      return { items, elements: x.elements, array: x, named };
    }
    if (x.kind === "call") {
      const name = calleeName(x.callee);
      if (
        (name === "Set" || name === "set" || name === "frozenset" || name === "tuple" || name === "list") &&
        x.args[0]
      ) {
        return this.listOf(x.args[0].value, depth + 1, named);
      }
    }
    if (x.kind === "name" && depth < MAX_DEPTH) {
      const v = this.ctx.values.get(x.name);
      if (v && v !== x) return this.listOf(v, depth + 1, true);
    }
    return undefined;
  }

  private logical(op: "and" | "or", l: Expr, r: Expr, s: Scenario, env: Env, depth: number): CondResult {
    const a = this.eval(l, s, env, depth + 1);
    const af = a.falseRefs ?? [];
    if (op === "and") {
      if (a.value === false) return { value: false, refs: [], falseRefs: af, decided: a.decided };
      const b = this.eval(r, s, env, depth + 1);
      const decided = a.decided || b.decided;
      const bf = b.falseRefs ?? [];
      if (b.value === false) return { value: false, refs: [], falseRefs: [...af, ...bf], decided };
      return {
        value: a.value === true && b.value === true ? true : undefined,
        refs: [...a.refs, ...b.refs],
        falseRefs: [...af, ...bf],
        decided,
      };
    }
    if (a.value === true) return { ...a, falseRefs: [] };
    const b = this.eval(r, s, env, depth + 1);
    const decided = a.decided || b.decided;
    const bf = b.falseRefs ?? [];
    if (a.value === false) return { value: b.value, refs: b.refs, falseRefs: [...af, ...bf], decided };
    if (b.value === true) return { value: true, refs: b.refs, falseRefs: [], decided };
    return { value: undefined, refs: [...a.refs, ...b.refs], falseRefs: [...af, ...bf], decided };
  }

  private binary(op: string, l: Expr, r: Expr, s: Scenario, env: Env): CondResult {
    if (op === "instanceof") return this.classTest([r], s);
    const offset = offsetComparison(op, l, r, env);
    if (offset !== undefined) return { value: offset, refs: [], decided: false };
    if (
      (op === "in" || op === "not in") &&
      this.isCodeExpr(l, env) &&
      !this.isStatusExpr(l, env) &&
      !this.listOf(r)?.items.length
    ) {
      // `code in ("rate_limit_exceeded", "invalid_api_key")`
      const res = this.codeListTest(r, s);
      return op === "in" ? res : negate(res);
    }
    if (op === "in" || op === "not in") {
      if (
        this.isStatusExpr(l, env) ||
        (this.isNumericCode(l) && this.listOf(r)?.items.some((i) => i.value >= 100 && i.value <= 599))
      ) {
        const res = this.membership(r, s);
        return op === "in" ? res : negate(res);
      }
      return UNKNOWN;
    }
    if (op === "is" || op === "is not") {
      // `e.code() is grpc.StatusCode.UNAVAILABLE`
      const code = this.codeComparison(l, r) ?? this.codeComparison(r, l);
      if (code) {
        const res = this.codeTest(code.value, code.literal, s, code.sent);
        return op === "is" ? res : negate(res);
      }
      // `e.response is None`
      const rr = unwrap(r);
      const ll = unwrap(l);
      if (rr.kind === "null" && ll.kind === "member" && ll.property === "response") {
        const has = this.truthyMember(ll.object, "response", s);
        return op === "is" ? negate(has) : has;
      }
      return UNKNOWN;
    }
    if (op === "is" || op === "is not" || op === "==" || op === "!=") {
      // `status === undefined`, `res is None`, `result == null`: is there a value?
      const [other, isNull] =
        unwrap(r).kind === "null" ? [l, true] : unwrap(l).kind === "null" ? [r, true] : [l, false];
      if (isNull) {
        const present = this.presence(other, s, env);
        if (present !== undefined) {
          const eq = op === "==" || op === "is";
          return { value: eq ? !present : present, refs: [], decided: this.isStatusExpr(other, env) };
        }
      }
    }
    if (!["==", "!=", "<", "<=", ">", ">="].includes(op)) return UNKNOWN;
    // `e.code == 21610`: a number past the HTTP statuses that an API documents as an error code (Twilio, Discord).
    if (op === "==" || op === "!=") {
      const numeric = this.isNumericCode(l) ? r : this.isNumericCode(r) ? l : undefined;
      const n = numeric && this.numberOf(numeric);
      if (numeric && n !== undefined && n >= 1000 && codeStatus(String(n), this.ctx.knowledge)) {
        const r = this.codeTest(String(n), numeric, s);
        return op === "=="
          ? r
          : { value: r.value === undefined ? undefined : !r.value, refs: [], decided: true };
      }
    }
    // status compared with a number
    let statusSide: Expr | undefined;
    let n: number | undefined;
    let flipped = false;
    if ((this.isStatusExpr(l, env) || this.isNumericCode(l)) && (n = this.numberOf(r)) !== undefined)
      statusSide = l;
    else if ((this.isStatusExpr(r, env) || this.isNumericCode(r)) && (n = this.numberOf(l)) !== undefined) {
      statusSide = r;
      flipped = true;
    }
    // A code field (`error_code`) is a status only when compared with one (`== 429`, not `!= 0`).
    if (statusSide && n !== undefined && !this.isStatusExpr(statusSide, env) && (n < 100 || n > 599))
      statusSide = undefined;
    if (statusSide && n !== undefined)
      return this.compareStatus(flipped ? flipOp(op) : op, n, flipped ? l : r, s);
    // `Math.floor(status / 100) === 5`, `status // 100 == 4`: the status class.
    const classOnLeft = this.statusClassOf(l, env);
    if (classOnLeft || this.statusClassOf(r, env)) {
      const k = this.numberOf(classOnLeft ? r : l);
      if (k === undefined) return UNKNOWN;
      const classOp = classOnLeft ? op : flipOp(op);
      const st = s === "network" ? undefined : Math.floor(s / 100);
      const value =
        st !== undefined &&
        (classOp === "==" ? st === k : classOp === "!=" ? st !== k : holdsFor(classOp, k, st));
      const refs: StatusRef[] = [];
      if (value && typeof s === "number" && classOp !== "!=") {
        const lit = classOnLeft ? r : l;
        if (isNonRetryableClientError(s))
          refs.push({ status: 400, via: "range", label: "Every 4xx status", start: lit.start, end: lit.end });
        else if (s >= 500)
          refs.push({ status: s, via: "range", label: `${s}`, start: lit.start, end: lit.end });
      }
      return { value, refs, decided: true };
    }
    // error code compared with a string
    if (op === "==" || op === "!=") {
      const code = this.codeComparison(l, r) ?? this.codeComparison(r, l);
      if (code) {
        const res = this.codeTest(code.value, code.literal, s, code.sent);
        return op === "==" ? res : negate(res);
      }
    }
    return UNKNOWN;
  }

  /** Whether an expression holds a value: a status exists unless the request failed without a response. */
  private presence(e: Expr, s: Scenario, env: Env): boolean | undefined {
    const x = unwrap(e);
    if (x.kind === "name" && env.get(x.name) === DEFINED) return true;
    if (this.isStatusExpr(x, env)) return s !== "network";
    if (x.kind === "member" && x.property === "response" && x.object.kind === "name" && s !== 200)
      return s !== "network";
    return undefined;
  }

  /** `status OP n` under scenario; records a ref when the comparison names the failing status. */
  compareStatus(op: string, n: number, literal: Expr, s: Scenario): CondResult {
    const st = s === "network" ? undefined : s;
    let value: boolean;
    switch (op) {
      case "==":
        value = st === n;
        break;
      case "!=":
        value = st !== n;
        break;
      case "<":
        value = st !== undefined && st < n;
        break;
      case "<=":
        value = st !== undefined && st <= n;
        break;
      case ">":
        value = st !== undefined && st > n;
        break;
      default:
        value = st !== undefined && st >= n;
    }
    const refs: StatusRef[] = [];
    if (!value && op === "!=" && st === n)
      return { value, refs, falseRefs: [literalRef(n, literal)], decided: true };
    if (value && st !== undefined) {
      if (op === "==") refs.push(literalRef(n, literal));
      else if (op !== "!=" && isNonRetryableClientError(st) && coversAllClientErrors(op, n)) {
        refs.push({
          status: 400,
          via: "range",
          label: "Every 4xx status",
          start: literal.start,
          end: literal.end,
        });
      } else if (op !== "!=" && isNonRetryableClientError(st) && holdsFor(op, n, st)) {
        // `status > 400`, `>= 401`: a range that holds for some 4xx holds for them all but 400; it
        // contains 401 and 403 (SPEC 3, *ranges*).
        const auth = st === 401 || st === 403;
        refs.push({
          status: auth ? 401 : 400,
          via: "range",
          label: auth ? `Every status ${op} ${n} (401 and 403 among them)` : `Every status ${op} ${n}`,
          start: literal.start,
          end: literal.end,
        });
      } else if (op !== "!=" && st >= 500 && !holdsFor(op, n, 404)) {
        // `status >= 500`: names the 5xx it lets through (a 503 trigger for ignores-retry-after).
        refs.push({ status: st, via: "range", label: `${st}`, start: literal.start, end: literal.end });
      }
    }
    return { value, refs, decided: true };
  }

  /** `e.code` compared with a number: urllib's `HTTPError.code` and others hold the status there. */
  isNumericCode(e: Expr): boolean {
    const x = unwrap(e);
    const key = fieldRead(x);
    return key !== undefined && (NUMERIC_CODE_FIELDS.has(key) || STATUS_PROPERTIES.has(key));
  }

  /** Reads an error code: `err.code`, `error.error_code`, or a local bound to one. */
  isCodeExpr(e: Expr, env: Env = new Map(), depth = 0): boolean {
    const x = unwrap(e);
    if (x.kind === "member") return CODE_PROPERTIES.has(x.property);
    if (isGrpcCodeCall(x)) return true;
    if (x.kind === "name" && depth < MAX_DEPTH) {
      const bound = env.get(x.name) ?? this.ctx.values.get(x.name);
      if (bound && bound !== x && this.isCodeExpr(bound, env, depth + 1)) return true;
      return isCodeAccess(x);
    }
    return false;
  }

  /** Membership of an error code in a list of code strings: true when one of them stands for the failure. */
  codeListTest(list: Expr, s: Scenario): CondResult {
    const x = unwrap(list);
    const elements = x.kind === "array" ? x.elements : [];
    if (elements.length === 0) return { value: undefined, refs: [], decided: true };
    let value: boolean | undefined = false;
    const refs: StatusRef[] = [];
    for (const el of elements) {
      // `e.code() in (grpc.StatusCode.UNAVAILABLE, ...)`
      const grpc = grpcCodeNamed(el);
      if ((el.kind !== "string" || el.parts) && !grpc) {
        value = value === true ? true : undefined;
        continue;
      }
      const r = this.codeTest(grpc ?? (el as { value: string }).value, el, s, grpc ? GRPC_SENT : undefined);
      if (r.value === true) {
        value = true;
        refs.push(...r.refs);
      } else if (r.value === undefined && value === false) value = undefined;
    }
    return { value, refs, decided: true };
  }

  /** `TRANSIENT_CODES.has(err.code)`: network codes mean network failures; other codes are still a check. */
  codeMembership(list: Expr, s: Scenario, depth = 0): CondResult {
    let x = unwrap(list);
    if (x.kind === "name" && depth < MAX_DEPTH) {
      const v = this.ctx.values.get(x.name);
      if (v && v !== x) return this.codeMembership(v, s, depth + 1);
    }
    if (x.kind === "call" && x.args[0] && /^(Set|set|frozenset|tuple|list)$/.test(calleeName(x.callee) ?? ""))
      x = unwrap(x.args[0].value);
    if (x.kind !== "array") return { value: undefined, refs: [], decided: true };
    const codes = x.elements.map((el) => (el.kind === "string" && !el.parts ? el.value : undefined));
    if (codes.length > 0 && codes.every((c) => c !== undefined && NETWORK_ERROR_CODES.has(c))) {
      return { value: s === "network", refs: [], decided: true };
    }
    return { value: undefined, refs: [], decided: true };
  }

  /** `status in (429, 503)` / `[429, 503].includes(status)` / `RETRYABLE.has(status)`. */
  membership(list: Expr, s: Scenario): CondResult {
    const x = unwrap(list);
    if (x.kind === "call" && calleeName(x.callee) === "range" && x.args.length >= 2) {
      const lo = this.numberOf(x.args[0]!.value);
      const hi = this.numberOf(x.args[1]!.value);
      if (lo === undefined || hi === undefined || s === "network")
        return { value: s === "network" ? false : undefined, refs: [], decided: true };
      return { value: s >= lo && s < hi, refs: [], decided: true };
    }
    const items = this.listOf(list);
    if (!items) return UNKNOWN;
    if (s === "network") return { value: false, refs: [], decided: true };
    const hit = items.items.find((i) => i.value === s);
    if (!hit) return { value: false, refs: [], decided: true };
    // A list reached through a name may be read elsewhere too: no removal edit then.
    const ref = literalRef(s, hit.ref, items.named ? undefined : items.array);
    return { value: true, refs: [ref], decided: true };
  }

  /** `e instanceof X`, `isinstance(e, (A, B))`, an `except (A, B)` clause. */
  classTest(types: Expr[], s: Scenario): CondResult {
    if (types.length === 0) return { value: s !== 200, refs: [], decided: false };
    let value: boolean | undefined = false;
    const refs: StatusRef[] = [];
    let decided = false;
    for (const t of types.flatMap((t) => (t.kind === "array" ? t.elements : [t]))) {
      const dotted = dottedName(t);
      // An exception type we do not know is still a type check: the code chose what to catch.
      if (!dotted) {
        value = value === true ? true : undefined;
        decided = true;
        continue;
      }
      const imp = this.ctx.imports.get(dotted.split(".")[0]!);
      const known = classMatch(
        dotted,
        this.ctx.knowledge,
        this.ctx.language,
        imp !== undefined && !/^(builtins|socket|ssl)$/.test(imp.module),
      );
      if (!known) {
        if (value !== true) value = undefined;
        decided = true;
        continue;
      }
      if (known.status !== undefined) decided = true;
      const hit = s !== 200 && known.match(s);
      if (hit) {
        value = true;
        if (
          known.status !== undefined &&
          typeof s === "number" &&
          (known.status === s || (known.status >= 500 && s >= 500))
        ) {
          const name = dotted.slice(dotted.lastIndexOf(".") + 1);
          refs.push({
            status: s,
            via: "class",
            label: `${name} (${known.status})`,
            sent: this.ctx.knowledge.sentStatus?.(name),
            start: t.start,
            end: t.end,
          });
        }
      }
    }
    return { value, refs, decided };
  }

  /** An error-code comparison: one side reads a code, the other is a string literal. */
  private codeComparison(
    codeSide: Expr,
    literalSide: Expr,
  ): { value: string; literal: Expr; sent?: number } | undefined {
    const lit = unwrap(literalSide);
    const c = unwrap(codeSide);
    // gRPC: `err.code === status.RESOURCE_EXHAUSTED`, `err.code === 8`, `e.code() == grpc.StatusCode.UNAVAILABLE`.
    if (isCodeAccess(c) || isGrpcCodeCall(c)) {
      const grpc = grpcCodeOf(lit, this.ctx);
      if (grpc) return { value: grpc, literal: lit, sent: GRPC_SENT };
    }
    if (isCodeAccess(c)) {
      // `error.code === ErrorCode.RateLimitedError` (@slack/web-api): the code the enum member holds.
      const fromEnum = enumCodeOf(lit, this.ctx);
      if (fromEnum) return { value: fromEnum, literal: lit };
      // `err.code === Codes.SOMETHING`: an unknown constant, still a check on the kind of error.
      if (looksLikeCodeConstant(lit)) return { value: dottedName(lit)!, literal: lit };
    }
    if (lit.kind !== "string" || lit.parts) return undefined;
    if (isCodeAccess(c) || (c.kind === "name" && CODE_PROPERTIES.has(c.name)))
      return { value: lit.value, literal: lit };
    // AWS SDK v3 errors carry the error code as `name` (`err.name === "ThrottlingException"`), Slack's
    // platform errors as `data.error` (`error.data.error === "ratelimited"`): only codes a pack documents.
    if (
      c.kind === "member" &&
      (c.property === "name" || c.property === "error") &&
      codeStatus(lit.value, this.ctx.knowledge) !== undefined
    )
      return { value: lit.value, literal: lit };
    return undefined;
  }

  /** `sentWith`: the HTTP status the code really comes with, when not the one it maps to (gRPC: 200). */
  codeTest(code: string, literal: Expr, s: Scenario, sentWith?: number): CondResult {
    if (NETWORK_ERROR_CODES.has(code)) return { value: s === "network", refs: [], decided: true };
    const known = codeStatus(code, this.ctx.knowledge);
    if (known === undefined) {
      // `err.type === "StripeConnectionError"`: an SDK's error type given as a string.
      const known = /^[A-Z][A-Za-z]+(Error|Exception)$/.test(code)
        ? classMatch(code, this.ctx.knowledge, this.ctx.language, true)
        : undefined;
      if (known) return { value: s !== 200 && known.match(s), refs: [], decided: true };
      // Any other code compared by the code is still a check on the kind of error.
      return { value: undefined, refs: [], decided: true };
    }
    const status = known.simulated;
    const value = s === status;
    const label = `${code} (${known.documented}${status === known.documented ? "" : ", not retryable"})`;
    const refs: StatusRef[] = value
      ? [
          {
            status,
            via: "code",
            label,
            sent: sentWith ?? this.ctx.knowledge.sentStatus?.(code),
            start: literal.start,
            end: literal.end,
            ...(status === known.documented ? {} : { documented: known.documented }),
          },
        ]
      : [];
    return { value, refs, decided: true };
  }

  /** `res.ok`, `err.response`, httpx's `is_server_error` ... used as a boolean. */
  private truthyMember(object: Expr, property: string, s: Scenario): CondResult {
    const st = typeof s === "number" ? s : undefined;
    switch (property) {
      case "ok":
      case "is_success":
        if (s === "network") return UNKNOWN;
        return { value: st! < 400, refs: [], decided: false };
      case "is_error":
        if (s === "network") return UNKNOWN;
        return { value: st! >= 400, refs: [], decided: false };
      case "is_client_error":
        if (s === "network") return UNKNOWN;
        return { value: st! >= 400 && st! < 500, refs: [], decided: true };
      case "is_server_error":
        if (s === "network") return UNKNOWN;
        return { value: st! >= 500, refs: [], decided: true };
      case "$retryable":
        // AWS SDK v3: set on service errors the SDK classifies as retryable (throttling, transient); never on a 4xx.
        if (s === 200) return UNKNOWN;
        if (s === 429) return { value: true, refs: [], decided: true };
        return { value: st !== undefined && st < 500 ? false : undefined, refs: [], decided: true };
      case "response":
        if (s === 200) return UNKNOWN;
        // Only the caught error has a `.response` that is missing on network failures.
        if (object.kind !== "name") return UNKNOWN;
        return { value: s !== "network", refs: [], decided: true };
      default:
        return UNKNOWN;
    }
  }

  private call(x: Call, s: Scenario, env: Env, depth: number): CondResult {
    const name = calleeName(x.callee);
    const positional = x.args.filter((a) => !a.name);
    if (name === "isinstance" && positional.length === 2) return this.classTest([positional[1]!.value], s);
    if (
      name === "includes" &&
      x.callee.kind === "member" &&
      positional[0] &&
      this.isStatusExpr(positional[0].value, env)
    ) {
      return this.membership(x.callee.object, s);
    }
    if (
      name === "has" &&
      x.callee.kind === "member" &&
      positional[0] &&
      this.isStatusExpr(positional[0].value, env)
    ) {
      return this.membership(x.callee.object, s);
    }
    if (
      (name === "has" || name === "includes") &&
      x.callee.kind === "member" &&
      positional[0] &&
      this.isCodeExpr(positional[0].value, env)
    ) {
      return this.codeMembership(x.callee.object, s);
    }
    if (name === "bool" && positional[0]) return this.eval(positional[0].value, s, env, depth + 1);
    // axios-retry's own predicates: network errors and 5xx (on idempotent requests).
    if (
      name &&
      /^(isNetworkOrIdempotentRequestError|isRetryableError|isIdempotentRequestError|isSafeRequestError)$/.test(
        name,
      )
    ) {
      return { value: s === "network" || (typeof s === "number" && s >= 500), refs: [], decided: true };
    }
    if (name === "isNetworkError") return { value: s === "network", refs: [], decided: true };
    // A predicate helper defined in this file: evaluate its body with the arguments bound.
    const fn = name ? this.predicate(name) : undefined;
    if (fn) return this.inline(fn, x, s, env, depth);
    return UNKNOWN;
  }

  private predicate(name: string): FunctionDef | undefined {
    const fns = this.ctx.functions.get(name);
    return fns && fns.length === 1 ? fns[0] : undefined;
  }

  /** Evaluates a predicate function (a lambda or a same-file function) under a scenario, its parameters unbound. */
  evalFunction(fn: FunctionDef, s: Scenario): CondResult {
    return this.inline(
      fn,
      { kind: "call", callee: { kind: "null", start: 0, end: 0 }, args: [], start: 0, end: 0 },
      s,
      new Map(),
      0,
    );
  }

  /** Evaluates `return` expressions of a small predicate function (if/return chains). */
  private inline(fn: FunctionDef, call: Call, s: Scenario, outer: Env, depth: number): CondResult {
    const env = new Map(outer);
    const params = fn.params.filter((p) => p.name && p.name !== "self" && p.name !== "this");
    const positional = call.args.filter((a) => !a.name);
    params.forEach((p, i) => {
      const arg = call.args.find((a) => a.name === p.name)?.value ?? positional[i]?.value;
      if (arg) env.set(p.name!, arg);
    });
    let result: CondResult | undefined;
    const merge = (r: CondResult): void => {
      if (!result) result = r;
      else if (result.value !== r.value)
        result = {
          value: undefined,
          refs: [...result.refs, ...r.refs],
          decided: result.decided || r.decided,
        };
    };
    for (const stmt of fn.body) {
      if (stmt.kind === "var" && stmt.target.kind === "name" && stmt.value) {
        env.set(stmt.target.name, stmt.value);
      } else if (
        stmt.kind === "if" &&
        stmt.then.length === 1 &&
        stmt.then[0]!.kind === "return" &&
        stmt.then[0]!.value &&
        !stmt.else
      ) {
        const cond = this.eval(stmt.test, s, env, depth + 1);
        if (cond.value === false) continue;
        const ret = this.eval(stmt.then[0]!.value, s, env, depth + 1);
        const taken: CondResult = {
          value: ret.value,
          refs: [...cond.refs, ...ret.refs],
          decided: cond.decided || ret.decided,
        };
        if (cond.value === true) {
          merge(taken);
          return result!;
        }
        merge(taken);
      } else if (stmt.kind === "return") {
        merge(
          stmt.value ? this.eval(stmt.value, s, env, depth + 1) : { value: false, refs: [], decided: false },
        );
        return result!;
      } else if (stmt.kind === "var") {
        // `const { status } = error.response`: names read by shape; nothing to bind.
        continue;
      } else if (stmt.kind !== "expr") {
        return this.flagResult(fn, s, env, depth) ?? UNKNOWN;
      }
    }
    return result ?? UNKNOWN;
  }

  /**
   * A helper that answers with a flag it sets (`ok = False`, `if ...: ok = True`, `return ok`):
   * the other value wherever the conditions around one of its later assignments all hold under
   * the scenario, the first value where every such assignment has a condition that fails.
   * Undefined for any other shape (another `return`, the flag set in a loop or to a non-literal).
   */
  private flagResult(fn: FunctionDef, s: Scenario, env: Env, depth: number): CondResult | undefined {
    const last = fn.body.at(-1);
    const returned = last?.kind === "return" && last.value ? unwrap(last.value) : undefined;
    if (returned?.kind !== "name") return undefined;
    const flag = returned.name;
    const first = fn.body.find(
      (st): st is Extract<Stmt, { kind: "var" }> =>
        st.kind === "var" && st.target.kind === "name" && st.target.name === flag,
    );
    const initial = first?.value ? unwrap(first.value) : undefined;
    if (initial?.kind !== "bool") return undefined;
    // Each later assignment of the flag with the tests (and the branch taken) that lead to it.
    const guarded: { guards: { test: Expr; taken: boolean }[]; value: boolean }[] = [];
    let plain = true;
    const visit = (stmts: Stmt[], guards: { test: Expr; taken: boolean }[]): void => {
      for (const st of stmts) {
        if (st === first || st === last) continue;
        if (st.kind === "return") plain = false;
        else if (st.kind === "var" && st.target.kind === "name" && st.target.name === flag) {
          const v = st.value ? unwrap(st.value) : undefined;
          if (v?.kind !== "bool" || st.op !== "=") plain = false;
          else guarded.push({ guards, value: v.value });
        } else if (st.kind === "if") {
          visit(st.then, [...guards, { test: st.test, taken: true }]);
          visit(st.else ?? [], [...guards, { test: st.test, taken: false }]);
        } else if (st.kind === "block") visit(st.body, guards);
        else if (st.kind === "loop" || st.kind === "try" || st.kind === "switch") {
          // The flag set or the helper left in code it does not follow here: not this shape.
          walkStmts([st], (inner) => {
            if (
              inner.kind === "return" ||
              (inner.kind === "var" && inner.target.kind === "name" && inner.target.name === flag)
            )
              plain = false;
          });
        }
      }
    };
    visit(fn.body, []);
    if (!plain || guarded.some((g) => g.value === initial.value)) return undefined;
    const refs: StatusRef[] = [];
    let reached: boolean | undefined = false;
    for (const g of guarded) {
      let holds: boolean | undefined = true;
      const seen: StatusRef[] = [];
      for (const guard of g.guards) {
        const r = this.eval(guard.test, s, env, depth + 1);
        const c = guard.taken ? r : negate(r);
        seen.push(...c.refs);
        if (c.value === false) {
          holds = false;
          break;
        }
        if (c.value === undefined) holds = undefined;
      }
      // The statuses its conditions name are named on the way, where it may be reached too.
      if (holds !== false) refs.push(...seen);
      if (holds === true) {
        reached = true;
        break;
      }
      if (holds === undefined) reached = undefined;
    }
    if (reached === undefined) return { value: undefined, refs, decided: true };
    return { value: reached ? !initial.value : initial.value, refs, decided: true };
  }
}

/**
 * Fields that hold a number which is an HTTP status when compared with one: urllib's
 * `HTTPError.code`, an API's own field such as Telegram's `error_code` (SPEC 3, *a status*).
 */
const NUMERIC_CODE_FIELDS = new Set(["code", "error_code", "errorCode"]);

/** The field a read names: `x.code`, `x["error_code"]`, `x.get("error_code")`. */
function fieldRead(x: Expr): string | undefined {
  if (x.kind === "member") return x.property;
  if (x.kind === "index") {
    const k = unwrap(x.index);
    return k.kind === "string" && !k.parts ? k.value : undefined;
  }
  if (x.kind === "call" && x.callee.kind === "member" && x.callee.property === "get") {
    const k = x.args[0] ? unwrap(x.args[0].value) : undefined;
    return k?.kind === "string" && !k.parts ? k.value : undefined;
  }
  return undefined;
}

/**
 * `n <= max` where the path set `n = max + 1` (a counter pushed past its cap to end the loop):
 * decided by the constant whatever `max` is. Undefined for anything else.
 */
function offsetComparison(op: string, l: Expr, r: Expr, env: Env): boolean | undefined {
  if (!["<", "<=", ">", ">="].includes(op)) return undefined;
  const offsetOf = (a: Expr, b: Expr): number | undefined => {
    let x = unwrap(a);
    if (x.kind === "name") {
      const bound = env.get(x.name);
      if (!bound || bound === DEFINED) return undefined;
      x = unwrap(bound);
    }
    if (x.kind !== "binary" || (x.op !== "+" && x.op !== "-")) return undefined;
    const k = unwrap(x.right);
    const base = dottedName(unwrap(x.left));
    if (k.kind !== "number" || !base || base !== dottedName(unwrap(b))) return undefined;
    return x.op === "+" ? k.value : -k.value;
  };
  const left = offsetOf(l, r);
  const right = left === undefined ? offsetOf(r, l) : undefined;
  // Compare (base + d) OP base, with d moved to the side it came from.
  const d = left ?? (right === undefined ? undefined : -right);
  if (d === undefined) return undefined;
  return op === "<" ? d < 0 : op === "<=" ? d <= 0 : op === ">" ? d > 0 : d >= 0;
}

function negate(r: CondResult): CondResult {
  return {
    value: r.value === undefined ? undefined : !r.value,
    refs: r.falseRefs ?? [],
    falseRefs: r.refs,
    decided: r.decided,
  };
}

function flipOp(op: string): string {
  return op === "<" ? ">" : op === ">" ? "<" : op === "<=" ? ">=" : op === ">=" ? "<=" : op;
}

function holdsFor(op: string, n: number, v: number): boolean {
  return op === "<" ? v < n : op === "<=" ? v <= n : op === ">" ? v > n : v >= n;
}

/** Whether `status OP n` holds for every status from 400 to 499. */
function coversAllClientErrors(op: string, n: number): boolean {
  const holds = (v: number): boolean =>
    op === "<" ? v < n : op === "<=" ? v <= n : op === ">" ? v > n : v >= n;
  return holds(400) && holds(499);
}

/**
 * A ref to a status literal, with edits removing it from `list` when it sits in one
 * (pass a list only when removing the element is certain to affect nothing else).
 */
export function literalRef(status: number, literal: Expr, list?: ArrayLit): StatusRef {
  const ref: StatusRef = {
    status,
    via: "literal",
    label: String(status),
    start: literal.start,
    end: literal.end,
  };
  const els = list?.elements ?? [];
  const i = els.indexOf(literal);
  if (els.length < 2 || i < 0) return ref;
  // `(409, 503)` without 409 is `(503,)`: a one-element tuple keeps its comma.
  const comma = list?.tuple && els.length === 2;
  if (comma && list.end - 1 !== els[1]!.end) return ref; // a trailing comma or a comment: leave it
  if (i < els.length - 1) {
    ref.removal = [{ start: literal.start, end: els[i + 1]!.start, newText: "" }];
    if (comma) ref.removal.push({ start: els[1]!.end, end: els[1]!.end, newText: "," });
  } else {
    ref.removal = [{ start: els[i - 1]!.end, end: literal.end, newText: comma ? "," : "" }];
  }
  return ref;
}
