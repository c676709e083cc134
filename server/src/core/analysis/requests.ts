/**
 * Recognises request sites: calls of well-known HTTP clients and SDK methods,
 * with the HTTP method when it can be known, whether the client throws on
 * HTTP errors, and whether the request carries an idempotency key.
 */

import type { Call, Expr, ObjectLit } from "../ir/types";
import { calleeName, dottedName, rootName } from "../ir/walk";
import type { Span } from "../types";
import {
  type ClientInfo,
  clientAt,
  type FileContext,
  GOT_KY_DEFAULT_RETRIES,
  propertyValue,
} from "./context";

export interface RequestInfo {
  client: ClientInfo;
  method?: string;
  /** true: carries a key; false: certainly not; undefined: cannot tell (headers built elsewhere). */
  idempotencyKey: boolean | undefined;
  callee: Span;
  span: Span;
  /** The call itself (for quick fixes that edit its arguments). */
  call?: Call;
}

const VERBS = new Set(["get", "post", "put", "patch", "delete", "head", "options"]);
const JS_GENERIC_RECEIVERS =
  /^(http|https|httpClient|httpService|client|apiClient|api|axiosInstance|instance|restClient|httpApi|fetcher)$/i;
const PY_GENERIC_RECEIVERS = /^(session|sess|http|client|http_client|api|api_client|s)$/;
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
const SDK_ROOTS = /^(client|sdk|caseforge|stripe|openai|anthropic|cf|api|octokit|github|gh)$/i;

/** A request site, or undefined when the call is not one we recognise. */
export function detectRequest(call: Call, ctx: FileContext): RequestInfo | undefined {
  const info = ctx.python ? detectPython(call, ctx) : detectJs(call, ctx);
  if (info) info.call = call;
  return info;
}

function clientOf(ctx: FileContext, receiver: Expr): ClientInfo | undefined {
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

// ---------------------------------------------------------------- JavaScript / TypeScript

function detectJs(call: Call, ctx: FileContext): RequestInfo | undefined {
  if (call.isNew) return undefined;
  const callee = call.callee;
  const span = { start: call.start, end: call.end };
  const calleeSpan = { start: callee.start, end: callee.end };
  const positional = call.args.filter((a) => !a.spread).map((a) => a.value);

  if (callee.kind === "name") {
    const imp = ctx.imports.get(callee.name);
    // Only a module's main export is its request function (`isAxiosError` from axios is not).
    const main = imp === undefined || imp.imported === "default" || imp.imported === "*";
    const mod = main ? imp?.module : undefined;
    if (
      (callee.name === "fetch" && (imp === undefined || imp.imported === "fetch" || main)) ||
      mod === "node-fetch" ||
      mod === "cross-fetch" ||
      (imp?.module === "undici" && imp.imported === "fetch")
    ) {
      return fetchLike(ctx, { kind: "fetch", throws: false }, positional[1], call, calleeSpan, span);
    }
    if (imp?.module === "undici" && imp.imported === "request")
      return fetchLike(ctx, { kind: "undici", throws: false }, positional[1], call, calleeSpan, span);
    if ((callee.name === "axios" && main) || mod === "axios")
      return configLike(ctx, { kind: "axios", throws: true }, positional, calleeSpan, span);
    if ((callee.name === "got" && main) || mod === "got")
      return configLike(
        ctx,
        { kind: "got", throws: true, retries: new Set(GOT_KY_DEFAULT_RETRIES) },
        positional,
        calleeSpan,
        span,
      );
    if ((callee.name === "ky" && main) || mod === "ky")
      return configLike(
        ctx,
        { kind: "ky", throws: true, retries: new Set(GOT_KY_DEFAULT_RETRIES) },
        positional,
        calleeSpan,
        span,
      );
    const client = clientAt(ctx, callee.name, callee.start);
    if (client && (client.kind === "axios" || client.kind === "got" || client.kind === "ky"))
      return configLike(ctx, client, positional, calleeSpan, span);
    return undefined;
  }
  if (callee.kind !== "member") return undefined;
  const method = callee.property;
  const receiver = callee.object;
  const recvName = dottedName(receiver) ?? "";
  const root = effectiveRoot(receiver);
  const mod = ctx.imports.get(root)?.module;

  if ((recvName === "window" || recvName === "globalThis" || recvName === "self") && method === "fetch") {
    return fetchLike(ctx, { kind: "fetch", throws: false }, positional[1], call, calleeSpan, span);
  }
  // octokit.request("POST /repos/{owner}/{repo}/issues", {...})
  if (method === "request" && positional[0]?.kind === "string" && /^[A-Z]+ \//.test(positional[0].value)) {
    return {
      client: { kind: "octokit", throws: true },
      method: positional[0].value.split(" ")[0],
      idempotencyKey: undefined,
      callee: calleeSpan,
      span,
    };
  }
  let client: ClientInfo | undefined = clientOf(ctx, receiver);
  if (!client) {
    if (recvName === "axios" || mod === "axios") client = { kind: "axios", throws: true };
    else if (recvName === "got" || mod === "got")
      client = { kind: "got", throws: true, retries: new Set(GOT_KY_DEFAULT_RETRIES) };
    else if (recvName === "ky" || mod === "ky")
      client = { kind: "ky", throws: true, retries: new Set(GOT_KY_DEFAULT_RETRIES) };
    else if (recvName === "superagent" || mod === "superagent") client = { kind: "superagent", throws: true };
  }
  if (client && client.kind !== "sdk") {
    if (method === "request") return configLike(ctx, client, positional, calleeSpan, span);
    if (!VERBS.has(method)) return undefined;
    return verbCall(ctx, client, method, positional, calleeSpan, span);
  }
  if (
    client?.kind === "sdk" ||
    (resourceChain(receiver) && SDK_ROOTS.test(root) && !clientAt(ctx, root, receiver.start))
  ) {
    return sdkCall(client ?? { kind: "sdk", throws: true }, method, call, calleeSpan, span);
  }
  // `this.http.post(...)`, `api.get(...)`: an injected client of unknown make.
  const last = (calleeName(receiver) ?? "").replace(/^_+/, "");
  if (VERBS.has(method) && JS_GENERIC_RECEIVERS.test(last) && looksLikeUrl(positional[0], ctx)) {
    return verbCall(ctx, { kind: "generic", throws: true }, method, positional, calleeSpan, span);
  }
  return undefined;
}

function fetchLike(
  ctx: FileContext,
  client: ClientInfo,
  init: Expr | undefined,
  call: Call,
  callee: Span,
  span: Span,
): RequestInfo {
  if (call.args.some((a) => a.spread))
    return { client, method: undefined, idempotencyKey: undefined, callee, span };
  if (!init) {
    // `fetch(new Request(url, { method: "POST" }))` or a URL: GET unless the first argument is not a plain URL.
    const first = call.args[0]?.value;
    const plainUrl =
      first &&
      (first.kind === "string" ||
        first.kind === "name" ||
        first.kind === "member" ||
        first.kind === "binary");
    return { client, method: plainUrl ? "GET" : undefined, idempotencyKey: false, callee, span };
  }
  if (init.kind !== "object") return { client, method: undefined, idempotencyKey: undefined, callee, span };
  return { client, method: methodOf(init, "GET"), idempotencyKey: headersHaveKey(init, ctx), callee, span };
}

/** `axios(config)`, `axios(url, config)`, `got(url, options)`, `instance.request(config)`. */
function configLike(
  ctx: FileContext,
  client: ClientInfo,
  positional: Expr[],
  callee: Span,
  span: Span,
): RequestInfo {
  const options = positional.find((a): a is ObjectLit => a.kind === "object");
  if (!options) {
    const onlyUrl = positional.length === 1 && positional[0]!.kind !== "name";
    return {
      client,
      method: onlyUrl ? "GET" : undefined,
      idempotencyKey: onlyUrl ? false : undefined,
      callee,
      span,
    };
  }
  return {
    client,
    method: methodOf(options, "GET"),
    idempotencyKey: headersHaveKey(options, ctx),
    callee,
    span,
  };
}

/** `axios.post(url, data, config)`, `got.post(url, options)`, `ky.post(url, options)`. */
function verbCall(
  ctx: FileContext,
  client: ClientInfo,
  verb: string,
  positional: Expr[],
  callee: Span,
  span: Span,
): RequestInfo {
  const method = verb.toUpperCase();
  const withBody = method === "POST" || method === "PUT" || method === "PATCH";
  const configIndex = client.kind === "axios" || client.kind === "generic" ? (withBody ? 2 : 1) : 1;
  const config = positional[configIndex];
  let idempotencyKey: boolean | undefined;
  if (config === undefined) idempotencyKey = positional.length <= configIndex ? false : undefined;
  else if (config.kind === "object") idempotencyKey = headersHaveKey(config, ctx);
  else idempotencyKey = undefined;
  return { client, method, idempotencyKey, callee, span };
}

function sdkCall(
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

function methodOf(options: ObjectLit, fallback: string): string | undefined {
  const m = propertyValue(options, ["method"]);
  if (m === undefined) return options.properties.some((p) => p.spread) ? undefined : fallback;
  return m.kind === "string" && !m.parts ? m.value.toUpperCase() : undefined;
}

/** true/false when the options' headers are a literal we can read; undefined when built elsewhere. */
function headersHaveKey(options: ObjectLit, ctx: FileContext): boolean | undefined {
  if (propertyValue(options, ["idempotencyKey", "idempotency_key"]) !== undefined) return true;
  const headers = propertyValue(options, ["headers"]);
  if (headers === undefined) return options.properties.some((p) => p.spread) ? undefined : false;
  return objectHasKey(headers, ctx);
}

function objectHasKey(headers: Expr, ctx: FileContext, depth = 0): boolean | undefined {
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
  if (h.properties.some((p) => p.key !== undefined && isIdempotencyHeader(p.key))) return true;
  if (h.properties.some((p) => p.spread || p.key === undefined)) return undefined;
  return false;
}

export function isIdempotencyHeader(name: string): boolean {
  return /^(idempotency[-_]?key|x-idempotency-key|x-request-id-idempotency)$/i.test(name);
}

// ---------------------------------------------------------------- Python

function detectPython(call: Call, ctx: FileContext): RequestInfo | undefined {
  const callee = call.callee;
  if (callee.kind !== "member") {
    if (callee.kind === "name") {
      const imp = ctx.imports.get(callee.name);
      if (
        imp &&
        (imp.module === "requests" || imp.module === "httpx") &&
        (VERBS.has(imp.imported) || imp.imported === "request")
      ) {
        return pythonVerb(
          ctx,
          { kind: imp.module as "requests" | "httpx", throws: false },
          imp.imported,
          call,
        );
      }
      if (imp?.module === "urllib.request" && imp.imported === "urlopen") return urlopen(call);
    }
    return undefined;
  }
  const method = callee.property;
  const receiver = callee.object;
  const recvName = dottedName(receiver) ?? "";
  const root = effectiveRoot(receiver);
  const mod = ctx.imports.get(root)?.module;
  if (recvName === "urllib.request" && method === "urlopen") return urlopen(call);
  if ((recvName === "requests" || recvName === "httpx") && (VERBS.has(method) || method === "request")) {
    return pythonVerb(ctx, { kind: recvName, throws: false }, method, call);
  }
  const client = clientOf(ctx, receiver);
  if (client && client.kind !== "sdk") {
    if (!VERBS.has(method) && method !== "request") return undefined;
    return pythonVerb(ctx, client, method, call);
  }
  if (
    client?.kind === "sdk" ||
    (resourceChain(receiver) &&
      (SDK_ROOTS.test(root) || (mod !== undefined && /caseforge|stripe|openai|anthropic/.test(mod))))
  ) {
    return sdkCall(client ?? { kind: "sdk", throws: true }, method, call, span(callee), span(call));
  }
  const last = (calleeName(receiver) ?? "").replace(/^_+/, "");
  const urlArg =
    method === "request" ? call.args.filter((a) => !a.name)[1]?.value : call.args.find((a) => !a.name)?.value;
  if (
    (VERBS.has(method) || method === "request") &&
    PY_GENERIC_RECEIVERS.test(last) &&
    looksLikeUrl(urlArg, ctx)
  ) {
    return pythonVerb(ctx, { kind: "requests", throws: false }, method, call);
  }
  return undefined;
}

/** `client.cases` / `self.client.cases`: an SDK client's resource (at least two segments after `this`/`self`). */
function resourceChain(receiver: Expr): boolean {
  const parts = (dottedName(receiver) ?? "").split(".");
  const start = parts[0] === "this" || parts[0] === "self" ? 1 : 0;
  return parts.length - start >= 2 && !parts.includes("()");
}

/** The root of a receiver chain, skipping `this` / `self`: `self.client.cases` -> "client". */
function effectiveRoot(receiver: Expr): string {
  const dotted = dottedName(receiver);
  if (!dotted) return rootName(receiver) ?? "";
  const parts = dotted.split(".");
  return (parts[0] === "this" || parts[0] === "self") && parts.length > 1 ? parts[1]! : parts[0]!;
}

/** A URL-ish argument: a literal path or URL, or a name that says it holds one. */
function looksLikeUrl(e: Expr | undefined, ctx: FileContext, depth = 0): boolean {
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

function span(e: { start: number; end: number }): Span {
  return { start: e.start, end: e.end };
}

function pythonVerb(ctx: FileContext, client: ClientInfo, verb: string, call: Call): RequestInfo {
  let method: string | undefined = verb.toUpperCase();
  if (verb === "request") {
    const m = call.args.find((a) => a.name === "method")?.value ?? call.args.find((a) => !a.name)?.value;
    method = m?.kind === "string" && !m.parts ? m.value.toUpperCase() : undefined;
  }
  let idempotencyKey: boolean | undefined = false;
  if (call.args.some((a) => a.spread)) idempotencyKey = undefined;
  const headers = call.args.find((a) => a.name === "headers")?.value;
  if (headers) idempotencyKey = objectHasKey(headers, ctx);
  return { client, method, idempotencyKey, callee: span(call.callee), span: span(call) };
}

function urlopen(call: Call): RequestInfo {
  return {
    client: { kind: "urllib", throws: true },
    method: undefined,
    idempotencyKey: undefined,
    callee: span(call.callee),
    span: span(call),
  };
}
