/**
 * Requests sent by JavaScript / TypeScript HTTP clients: fetch (and
 * node-fetch, cross-fetch, undici), axios, got, ky, superagent, Octokit's
 * `request("POST /path")`, SDK resource calls and injected clients.
 */

import type { Call, Expr, ObjectLit } from "../../ir/types";
import { calleeName, dottedName } from "../../ir/walk";
import type { Span } from "../../types";
import { type ClientInfo, type FileContext } from "../../analysis/model";
import { clientAt } from "../../analysis/context";
import {
  clientOf,
  effectiveRoot,
  headersHaveKey,
  looksLikeUrl,
  methodOf,
  resourceChain,
  SDK_ROOTS,
  sdkCall,
  VERBS,
} from "../../analysis/requests";
import { type RequestInfo } from "../../analysis/model";
import { defaultRetries, GOT_DEFAULT_STATUSES } from "../../mechanisms/got";
import { KY_DEFAULT_STATUSES } from "../../mechanisms/ky";
import { isAwsClient } from "../../mechanisms/aws";
import { awsJsRequest } from "./aws";
import { familyRequest, isFamilyClient, moduleClientRequest } from "../../mechanisms/sdk-clients";

const JS_GENERIC_RECEIVERS =
  /^(http|https|httpClient|httpService|client|apiClient|api|axiosInstance|instance|restClient|httpApi|fetcher)$/i;

/** The request a JavaScript call sends, or undefined. */
export function jsRequest(call: Call, ctx: FileContext): RequestInfo | undefined {
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
        { kind: "got", throws: true, retries: defaultRetries(GOT_DEFAULT_STATUSES) },
        positional,
        calleeSpan,
        span,
      );
    if ((callee.name === "ky" && main) || mod === "ky")
      return configLike(
        ctx,
        { kind: "ky", throws: true, retries: defaultRetries(KY_DEFAULT_STATUSES) },
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
  if (isAwsClient(client)) return awsJsRequest(client!, method, call);
  if (isFamilyClient(client)) return familyRequest(client!, method, call);
  if (!client && mod) {
    const own = moduleClientRequest(mod, method, call);
    if (own) return own;
  }
  if (!client) {
    if (recvName === "axios" || mod === "axios") client = { kind: "axios", throws: true };
    else if (recvName === "got" || mod === "got")
      client = { kind: "got", throws: true, retries: defaultRetries(GOT_DEFAULT_STATUSES) };
    else if (recvName === "ky" || mod === "ky")
      client = { kind: "ky", throws: true, retries: defaultRetries(KY_DEFAULT_STATUSES) };
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
