/**
 * Finds what a hover at an offset can explain, only in HTTP contexts: a
 * status compared with a status expression, a `case` of a status switch, an
 * element of a retry status list, a key of a status-handler map; an error
 * code compared with a code expression; an exception class in `catch`/
 * `except`/`instanceof`/`raise`; a rate-limit or idempotency header name.
 */

import type { HoverTarget } from "./hover-target";
import type { Expr, Stmt } from "./ir/types";
import { calleeName, childExprs, dottedName, stmtExprs, unwrap, walkStmts } from "./ir/walk";
import type { FileContext } from "./analysis/model";
import { ConditionEvaluator } from "./analysis/conditions";
import { classMatch, isCodeAccess, RETRY_STATUS_LIST_KEYS } from "./analysis/knowledge";
import { grpcCodeOf, grpcCodeNamed, isGrpcCodeCall } from "./analysis/grpc";

const HEADER =
  /^(retry-after(-ms)?|x-ms-retry-after-ms|x-ratelimit-[a-z-]+|x-rate-limit(-[a-z]+)?|ratelimit(-[a-z]+)?|(anthropic|x-ms|x-hubspot)-ratelimit-[a-z-]+|zendesk-ratelimit-[a-z-]+|x-shopify-shop-api-call-limit|(stripe|x)-should-retry|paypal-request-id|idempotency-key|x-idempotency-key)$/i;
/** A string that reads as a header name (`x-amzn-RequestId`, `Stripe-Should-Retry`). */
const HEADER_LIKE = /^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+$/;
/** A string that reads as an API error code: `rate_limited`, `RESOURCE_EXHAUSTED`, `ThrottlingException`, `ratelimited`. */
const CODE_LIKE = /^(?:[A-Za-z0-9]+[_-][A-Za-z0-9_-]+|[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+|[a-z]{8,})$/;
/** A key holding a retry configuration's status list (got/ky `statusCodes`, urllib3 `status_forcelist` too). */
const isStatusListKey = (key: string): boolean =>
  RETRY_STATUS_LIST_KEYS.has(key) || key === "statusCodes" || key === "status_forcelist";

const within = (e: { start: number; end: number }, offset: number): boolean =>
  e.start <= offset && offset <= e.end;

export function findHoverTarget(ctx: FileContext, offset: number): HoverTarget | undefined {
  const module = ctx.module;
  const cond = new ConditionEvaluator(ctx);
  let found: HoverTarget | undefined;
  walkStmts(
    module.body,
    (s: Stmt) => {
      if (found || s.end < offset || s.start > offset)
        return found ? false : s.start <= offset && offset <= s.end;
      found = fromStatement(s, offset, ctx, cond);
      if (found) return false;
      for (const e of stmtExprs(s)) {
        if (!within(e, offset)) continue;
        found = fromExpr(e, offset, ctx, cond, 0);
        if (found) return false;
      }
      return true;
    },
    true,
  );
  return found;
}

function fromStatement(
  s: Stmt,
  offset: number,
  ctx: FileContext,
  cond: ConditionEvaluator,
): HoverTarget | undefined {
  if (s.kind === "switch") {
    const statusSubject = cond.isStatusExpr(s.subject);
    const codeSubject = isCodeAccess(unwrap(s.subject));
    for (const c of s.cases) {
      for (const t of c.tests) {
        if (!within(t, offset)) continue;
        const n = cond.numberOf(t);
        if (statusSubject && n !== undefined && isStatus(n))
          return { kind: "status", status: n, start: t.start, end: t.end };
        if (codeSubject && t.kind === "string")
          return { kind: "error-code", code: t.value, start: t.start, end: t.end };
        const cls = exceptionAt(t, offset, ctx);
        if (cls) return cls;
      }
    }
  }
  if (s.kind === "try") {
    for (const h of s.handlers) {
      for (const t of h.types) {
        if (!within(t, offset)) continue;
        const cls = exceptionAt(t, offset, ctx);
        if (cls) return cls;
      }
    }
  }
  if (s.kind === "throw" && s.value && within(s.value, offset)) {
    const v = unwrap(s.value);
    const callee = v.kind === "call" ? v.callee : v;
    if (within(callee, offset)) return exceptionAt(callee, offset, ctx);
  }
  return undefined;
}

function fromExpr(
  e: Expr,
  offset: number,
  ctx: FileContext,
  cond: ConditionEvaluator,
  depth: number,
): HoverTarget | undefined {
  if (depth > 200) return undefined;
  const x = e;
  if (x.kind === "binary") {
    if (["==", "!=", "<", "<=", ">", ">="].includes(x.op)) {
      const pairs: [Expr, Expr][] = [
        [x.left, x.right],
        [x.right, x.left],
      ];
      for (const [side, other] of pairs) {
        if (!within(side, offset)) continue;
        const n = cond.numberOf(side);
        if (n !== undefined && isStatus(n) && cond.isStatusExpr(other))
          return { kind: "status", status: n, start: side.start, end: side.end };
        const lit = unwrap(side);
        if (lit.kind === "string" && !lit.parts && isCodeAccess(unwrap(other)))
          return { kind: "error-code", code: lit.value, start: lit.start, end: lit.end };
        // A gRPC code compared with an error's code: `status.UNAVAILABLE`, `8` in a gRPC file, `grpc.StatusCode.X`.
        const other_ = unwrap(other);
        if (isCodeAccess(other_) || isGrpcCodeCall(other_)) {
          const grpc = grpcCodeOf(side, ctx);
          if (grpc) return { kind: "error-code", code: grpc, start: side.start, end: side.end };
        }
        // A numeric API code (Discord `50013`, Twilio `20429`) compared with a code.
        if (
          lit.kind === "number" &&
          !isStatus(lit.value) &&
          isCodeAccess(unwrap(other)) &&
          ctx.knowledge.hasErrorCode?.(String(lit.value))
        )
          return { kind: "error-code", code: String(lit.value), start: lit.start, end: lit.end };
      }
    }
    // Python: `e.code() is grpc.StatusCode.UNAVAILABLE`, `e.code() in (grpc.StatusCode.UNAVAILABLE, ...)`.
    if (["is", "is not", "in", "not in"].includes(x.op) && isGrpcCodeCall(unwrap(x.left))) {
      const r = unwrap(x.right);
      for (const el of r.kind === "array" ? r.elements : [r]) {
        const grpc = within(el, offset) ? grpcCodeNamed(el) : undefined;
        if (grpc) return { kind: "error-code", code: grpc, start: el.start, end: el.end };
      }
    }
    if ((x.op === "in" || x.op === "not in") && within(x.right, offset) && cond.isStatusExpr(x.left)) {
      const hit = statusInList(x.right, offset, cond);
      if (hit) return hit;
    }
    if (x.op === "instanceof" && within(x.right, offset)) return exceptionAt(x.right, offset, ctx);
  }
  if (x.kind === "call") {
    const name = calleeName(x.callee);
    const positional = x.args.filter((a) => !a.name).map((a) => a.value);
    if (
      (name === "includes" || name === "has") &&
      x.callee.kind === "member" &&
      positional[0] &&
      cond.isStatusExpr(positional[0]) &&
      within(x.callee.object, offset)
    ) {
      const hit = statusInList(x.callee.object, offset, cond);
      if (hit) return hit;
    }
    if (name === "isinstance" && positional[1] && within(positional[1], offset))
      return exceptionAt(positional[1], offset, ctx);
    for (const a of x.args) {
      if (a.name && isStatusListKey(a.name) && within(a.value, offset)) {
        const hit = statusInList(a.value, offset, cond);
        if (hit) return hit;
      }
    }
    if (x.isNew && within(x.callee, offset)) {
      const cls = exceptionAt(x.callee, offset, ctx);
      if (cls) return cls;
    }
  }
  if (x.kind === "object") {
    const numericKeys = x.properties.filter(
      (p) => p.key !== undefined && /^\d{3}$/.test(p.key) && isStatus(Number(p.key)),
    );
    for (const p of x.properties) {
      if (p.key && isStatusListKey(p.key) && within(p.value, offset)) {
        const hit = statusInList(p.value, offset, cond);
        if (hit) return hit;
      }
      if (numericKeys.length >= 2 && numericKeys.includes(p) && within(p.keySpan, offset)) {
        return { kind: "status", status: Number(p.key), start: p.keySpan.start, end: p.keySpan.end };
      }
    }
  }
  // AWS SDK v3 `err.$retryable` / `err.$metadata`: the fields of its service errors, told by `ServiceException`.
  if (
    x.kind === "member" &&
    (x.property === "$retryable" || x.property === "$metadata") &&
    within(x.propertySpan, offset) &&
    ctx.knowledge.hasExceptionClass?.("ServiceException")
  )
    return { kind: "exception", name: "ServiceException", module: "@aws-sdk", ...x.propertySpan };
  if (x.kind === "string" && !x.parts && within(x, offset)) {
    if (HEADER.test(x.value) || (HEADER_LIKE.test(x.value) && ctx.knowledge.hasHeader?.(x.value)))
      return { kind: "header", name: x.value, start: x.start, end: x.end };
    if (
      CODE_LIKE.test(x.value) &&
      (ctx.knowledge.hasErrorCode?.(x.value) ?? ctx.knowledge.errorCodeStatus(x.value) !== undefined)
    )
      return { kind: "error-code", code: x.value, start: x.start, end: x.end };
  }
  for (const c of childExprs(x)) {
    if (!within(c, offset)) continue;
    const hit = fromExpr(c, offset, ctx, cond, depth + 1);
    if (hit) return hit;
  }
  if (x.kind === "function") return undefined;
  return undefined;
}

function statusInList(list: Expr, offset: number, cond: ConditionEvaluator): HoverTarget | undefined {
  const items = cond.listOf(list);
  for (const item of items?.items ?? []) {
    if (within(item.ref, offset) && isStatus(item.value))
      return { kind: "status", status: item.value, start: item.ref.start, end: item.ref.end };
  }
  return undefined;
}

function exceptionAt(e: Expr, offset: number, ctx: FileContext): HoverTarget | undefined {
  const x = unwrap(e);
  if (x.kind === "array") {
    for (const el of x.elements) if (within(el, offset)) return exceptionAt(el, offset, ctx);
    return undefined;
  }
  const dotted = dottedName(x);
  if (!dotted) return undefined;
  const name = dotted.slice(dotted.lastIndexOf(".") + 1);
  const known = classMatch(dotted, ctx.knowledge, ctx.language, true);
  if (
    !known &&
    ctx.knowledge.exceptionClassStatus(name) === undefined &&
    !ctx.knowledge.hasExceptionClass?.(name)
  )
    return undefined;
  if (name === "Error" || name === "Exception" || name === "BaseException" || name === "TypeError")
    return undefined;
  const start = x.kind === "member" ? x.propertySpan.start : x.start;
  const module = ctx.imports.get(dotted.split(".")[0]!)?.module;
  return module
    ? { kind: "exception", name, module, start, end: x.end }
    : { kind: "exception", name, start, end: x.end };
}

function isStatus(n: number): boolean {
  return Number.isInteger(n) && n >= 100 && n <= 599;
}
