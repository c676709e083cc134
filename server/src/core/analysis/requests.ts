/**
 * Recognises request sites: calls of well-known HTTP clients and SDK methods,
 * with the HTTP method when it can be known, whether the client throws on
 * HTTP errors, and whether the request carries an idempotency key.
 */

import type { Call, Expr, ObjectLit } from "../ir/types";
import { calleeName, dottedName, rootName } from "../ir/walk";
import type { Span } from "../types";
import { clientAt, propertyValue } from "./context";
import { responseClaim } from "./responses";
import type { ClientInfo, FileContext, RequestInfo } from "./model";

export const VERBS = new Set(["get", "post", "put", "patch", "delete", "head", "options"]);
const SDK_CREATE_METHODS = new Set([
  "create",
  "post",
  "send",
  "charge",
  "capture",
  "submit",
  "add",
  "insert",
  "refund",
  "transfer",
]);
const SDK_UPDATE_METHODS = new Set(["update", "modify", "patch"]);
export const SDK_ROOTS = /^(client|sdk|caseforge|stripe|openai|anthropic|cf|api|octokit|github|gh)$/i;

/** What `detectRequest` found per call, per file context (the analysis asks about a call several times). */
const detected = new WeakMap<FileContext, WeakMap<Call, RequestInfo | null>>();

/**
 * What `detectRequest` says about a call, when it was asked already (null: no request), or
 * with `info` given, what it is to say: a request found in the previous version of the file.
 */
export function detectedRequest(
  ctx: FileContext,
  call: Call,
  info?: RequestInfo | null,
): RequestInfo | null | undefined {
  let byCall = detected.get(ctx);
  if (info !== undefined) {
    if (!byCall) detected.set(ctx, (byCall = new WeakMap()));
    byCall.set(call, info);
  }
  return byCall?.get(call);
}

/** A request site, or undefined when the call is not one the file's language recognises. */
export function detectRequest(call: Call, ctx: FileContext): RequestInfo | undefined {
  let byCall = detected.get(ctx);
  if (!byCall) {
    byCall = new WeakMap();
    detected.set(ctx, byCall);
  }
  let info = byCall.get(call);
  if (info === undefined) {
    info = ctx.language.requestOf(call, ctx) ?? behaviouralRequest(call, ctx) ?? null;
    if (info) {
      info.call = call;
      if (info.method === "POST" || info.method === "PATCH") info.keyName = keyNameOf(info, ctx);
    }
    byCall.set(call, info);
  }
  // Each caller gets its own copy, as when it was found anew.
  return info ? { ...info } : undefined;
}

/**
 * How the API a request goes to takes its idempotency key, when not as `Idempotency-Key`: the header
 * its pack documents (PayPal's `PayPal-Request-Id`), or the Stripe SDK's own option.
 */
function keyNameOf(info: RequestInfo, ctx: FileContext): string | undefined {
  if (info.client.sdk === "stripe")
    return ctx.language.family === "python"
      ? "an idempotency_key argument (Stripe's Idempotency-Key)"
      : "an idempotencyKey request option (Stripe's Idempotency-Key)";
  const header = ctx.knowledge.idempotencyHeaderName?.();
  return header && header.toLowerCase() !== "idempotency-key" ? `a ${header} header` : undefined;
}

/** A call through the application's own HTTP layer, recognised by what the code does with its result or error. */
function behaviouralRequest(call: Call, ctx: FileContext): RequestInfo | undefined {
  const claim = responseClaim(call, ctx);
  if (!claim) return undefined;
  const client: ClientInfo = { kind: "generic", throws: claim.throws };
  const name = calleeName(call.callee) ?? "";
  const callee = span(call.callee);
  // What the wrapper adds to the request (an idempotency key?) is not visible here.
  const plain = { client, idempotencyKey: undefined, callee, span: span(call) };
  if (VERBS.has(name)) return { ...plain, method: name.toUpperCase() };
  if (/^_*request$/.test(name)) {
    const first = call.args.find((a) => !a.name || a.name === "method")?.value;
    const verb = first?.kind === "string" && !first.parts ? first.value.toUpperCase() : undefined;
    return { ...plain, method: verb && VERBS.has(verb.toLowerCase()) ? verb : undefined };
  }
  // `init.method`, `{ method: "POST" }`
  for (const a of call.args) {
    if (a.value.kind !== "object") continue;
    const m = propertyValue(a.value, ["method"]);
    if (m?.kind === "string" && !m.parts) return { ...plain, method: m.value.toUpperCase() };
    if (m) return plain;
  }
  // `this.client.repos.createRelease(...)`: an SDK's resource method says what it does.
  const sdk =
    call.callee.kind === "member" && resourceChain(call.callee.object)
      ? sdkCall(client, name, call, callee, span(call))
      : undefined;
  return { ...plain, method: sdk?.method };
}

export function clientOf(ctx: FileContext, receiver: Expr): ClientInfo | undefined {
  const name = dottedName(receiver);
  if (!name) return undefined;
  const at = receiver.start;
  const direct = clientAt(ctx, name, at) ?? clientAt(ctx, name.replace(/^(this|self)\./, ""), at);
  if (direct) return direct;
  // `client.cases.create(...)`: an SDK client's resource.
  const parts = name.replace(/^(this|self)\./, "").split(".");
  for (let i = parts.length - 1; i >= 1; i--) {
    const prefix = clientAt(ctx, parts.slice(0, i).join("."), at);
    if (prefix?.kind === "sdk") return prefix;
  }
  return undefined;
}

// ---------------------------------------------------------------- shared by the languages

export function sdkCall(
  client: ClientInfo,
  method: string,
  call: Call,
  callee: Span,
  span: Span,
): RequestInfo | undefined {
  // Model calls (chat completions, messages, embeddings) create nothing to duplicate and take no idempotency key.
  const path = call.callee.kind === "member" ? (dottedName(call.callee) ?? "") : "";
  const modelCall =
    client.sdk === "openai" ||
    client.sdk === "anthropic" ||
    /\.(chat|completions|messages|embeddings|responses|moderations)\./.test(path + ".");
  let httpMethod: string | undefined;
  if (modelCall && SDK_CREATE_METHODS.has(method)) httpMethod = undefined;
  else if (SDK_CREATE_METHODS.has(method)) httpMethod = "POST";
  else if (SDK_UPDATE_METHODS.has(method)) httpMethod = "PATCH";
  else if (["get", "list", "retrieve", "fetch", "search", "find"].includes(method)) httpMethod = "GET";
  else if (method === "delete" || method === "del" || method === "cancel") httpMethod = "DELETE";
  // Octokit-style names: `createComment`, `updateIssue`, `getContent`, `removeLabel`.
  else if (/^(create|add|post|send|submit)[A-Z]/.test(method)) httpMethod = modelCall ? undefined : "POST";
  else if (/^(update|edit|set|patch)[A-Z]/.test(method)) httpMethod = "PATCH";
  else if (/^(get|list|search|check|fetch|retrieve)[A-Z]/.test(method)) httpMethod = "GET";
  else if (/^(delete|remove)[A-Z]/.test(method)) httpMethod = "DELETE";
  else return undefined;
  const key = call.args.some(
    (a) =>
      (a.name !== undefined && /^idempotency_?key$/i.test(a.name)) ||
      (a.value.kind === "object" &&
        a.value.properties.some((p) => p.key !== undefined && /^idempotency_?key$/i.test(p.key))) ||
      a.spread,
  );
  return {
    client,
    method: httpMethod,
    idempotencyKey: key
      ? true
      : call.args.some((a) => a.value.kind === "name" && !a.name)
        ? undefined
        : false,
    callee,
    span,
  };
}

export function methodOf(options: ObjectLit, fallback: string): string | undefined {
  const m = propertyValue(options, ["method"]);
  if (m === undefined) return options.properties.some((p) => p.spread) ? undefined : fallback;
  return m.kind === "string" && !m.parts ? m.value.toUpperCase() : undefined;
}

/** true/false when the options' headers are a literal we can read; undefined when built elsewhere. */
export function headersHaveKey(options: ObjectLit, ctx: FileContext): boolean | undefined {
  if (propertyValue(options, ["idempotencyKey", "idempotency_key"]) !== undefined) return true;
  const headers = propertyValue(options, ["headers"]);
  if (headers === undefined) return options.properties.some((p) => p.spread) ? undefined : false;
  return objectHasKey(headers, ctx);
}

export function objectHasKey(headers: Expr, ctx: FileContext, depth = 0): boolean | undefined {
  let h = headers;
  if (h.kind === "call" && h.isNew && h.args[0]) h = h.args[0].value; // new Headers({...})
  if (depth < 3 && h.kind === "name") {
    // `headers=HEADERS`: a constant built in this file.
    const value = ctx.values.get(h.name);
    return value ? objectHasKey(value, ctx, depth + 1) : undefined;
  }
  if (depth < 3 && h.kind === "call" && !h.isNew && h.callee.kind === "name") {
    // `headers=_headers()`: a helper in this file returning a literal.
    const fns = ctx.functions.get(h.callee.name);
    const body = fns?.length === 1 ? fns[0]!.body : undefined;
    const returned = body?.filter((st) => st.kind === "return");
    if (!returned || returned.length !== 1 || !returned[0]!.value) return undefined;
    return objectHasKey(returned[0]!.value, ctx, depth + 1);
  }
  if (h.kind !== "object") return undefined;
  if (
    h.properties.some(
      (p) =>
        p.key !== undefined &&
        (isIdempotencyHeader(p.key) || ctx.knowledge.isIdempotencyHeader?.(p.key) === true),
    )
  )
    return true;
  if (h.properties.some((p) => p.spread || p.key === undefined)) return undefined;
  return false;
}

export function isIdempotencyHeader(name: string): boolean {
  return /^(idempotency[-_]?key|x-idempotency-key|x-request-id-idempotency)$/i.test(name);
}
/** `client.cases` / `self.client.cases`: an SDK client's resource (at least two segments after `this`/`self`). */
export function resourceChain(receiver: Expr): boolean {
  const parts = (dottedName(receiver) ?? "").split(".");
  const start = parts[0] === "this" || parts[0] === "self" ? 1 : 0;
  return parts.length - start >= 2 && !parts.includes("()");
}

/** The root of a receiver chain, skipping `this` / `self`: `self.client.cases` -> "client". */
export function effectiveRoot(receiver: Expr): string {
  const dotted = dottedName(receiver);
  if (!dotted) return rootName(receiver) ?? "";
  const parts = dotted.split(".");
  return (parts[0] === "this" || parts[0] === "self") && parts.length > 1 ? parts[1]! : parts[0]!;
}

/** A URL-ish argument: a literal path or URL, or a name that says it holds one. */
export function looksLikeUrl(e: Expr | undefined, ctx: FileContext, depth = 0): boolean {
  if (!e || depth > 4) return false;
  if (e.kind === "string" && e.parts?.some((p) => looksLikeUrl(p, ctx, depth + 1))) return true;
  if (e.kind === "string")
    return /^(https?:\/\/|\/|\$\{\}\/|\$\{\}$)/.test(e.value) || /https?:\/\//.test(e.value);
  if (e.kind === "name") {
    if (/url|uri|endpoint|path|href/i.test(e.name)) return true;
    // `INDEXER = "https://..."`: a constant of this file holding a URL.
    const value = ctx.values.get(e.name);
    return value !== undefined && value !== e && looksLikeUrl(value, ctx, depth + 1);
  }
  if (e.kind === "member") return /url|uri|endpoint|path|href/i.test(e.property);
  if (e.kind === "binary" && e.op === "+")
    return looksLikeUrl(e.left, ctx, depth + 1) || looksLikeUrl(e.right, ctx, depth + 1);
  if (e.kind === "call") return /url|uri|endpoint|path/i.test(calleeName(e.callee) ?? "");
  return false;
}

export function span(e: { start: number; end: number }): Span {
  return { start: e.start, end: e.end };
}
