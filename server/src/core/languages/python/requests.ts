/** Requests sent by Python HTTP clients: requests, httpx, urllib, sessions and SDK resource calls. */

import type { Call, Stmt } from "../../ir/types";
import { calleeName, dottedName } from "../../ir/walk";
import type { ClientInfo, FileContext } from "../../analysis/model";
import {
  clientOf,
  effectiveRoot,
  looksLikeUrl,
  objectHasKey,
  resourceChain,
  SDK_ROOTS,
  sdkCall,
  span,
  VERBS,
} from "../../analysis/requests";
import { type RequestInfo } from "../../analysis/model";
import { isAwsClient } from "../../mechanisms/aws";
import { botoRequest } from "./aws";
import { familyRequest, isFamilyClient } from "../../mechanisms/sdk-clients";

const PY_GENERIC_RECEIVERS = /^(session|sess|http|client|http_client|api|api_client|s)$/;

/** The request a Python call sends, or undefined. */
export function pythonRequest(call: Call, ctx: FileContext): RequestInfo | undefined {
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
  // `super().request(...)` in a subclass of requests' `Session` / httpx's `Client`: the client's own send.
  const sessionBase = superSession(call, ctx);
  if (sessionBase && (VERBS.has(method) || method === "request"))
    return pythonVerb(ctx, { kind: sessionBase, throws: false }, method, call);
  const recvName = dottedName(receiver) ?? "";
  const root = effectiveRoot(receiver);
  const mod = ctx.imports.get(root)?.module;
  if (recvName === "urllib.request" && method === "urlopen") return urlopen(call);
  if ((recvName === "requests" || recvName === "httpx") && (VERBS.has(method) || method === "request")) {
    return pythonVerb(ctx, { kind: recvName, throws: false }, method, call);
  }
  const client = clientOf(ctx, receiver);
  if (isAwsClient(client)) return botoRequest(client!, method, call);
  if (isFamilyClient(client)) return familyRequest(client!, method, call);
  if (client && client.kind !== "sdk") {
    // `session.send(prepared)` / `client.send(request)`: a request built beforehand.
    if (method === "send" && client.kind !== "aiohttp")
      return { client, method: undefined, idempotencyKey: undefined, callee: span(callee), span: span(call) };
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

/**
 * For `super().x(...)` in a class whose base is requests' `Session` or httpx's `Client` /
 * `AsyncClient`: that library; else undefined.
 */
function superSession(call: Call, ctx: FileContext): "requests" | "httpx" | undefined {
  const callee = call.callee;
  if (callee.kind !== "member" || callee.object.kind !== "call") return undefined;
  if (dottedName(callee.object.callee) !== "super") return undefined;
  let owner: Extract<Stmt, { kind: "class" }> | undefined;
  for (const s of ctx.index.stmts)
    if (
      s.kind === "class" &&
      s.start <= call.start &&
      call.end <= s.end &&
      (!owner || s.start >= owner.start)
    )
      owner = s;
  for (const base of owner?.bases ?? []) {
    const dotted = dottedName(base) ?? "";
    const dot = dotted.lastIndexOf(".");
    const [root, name] = dot < 0 ? [dotted, dotted] : [dotted.slice(0, dot), dotted.slice(dot + 1)];
    const imp = ctx.imports.get(dot < 0 ? dotted : root);
    const module = dot < 0 ? imp?.module : (imp?.module ?? root);
    const imported = dot < 0 ? imp?.imported : name;
    if (module === "requests" && imported === "Session") return "requests";
    if ((module === "requests.sessions" || module === "requests") && imported === "Session")
      return "requests";
    if (module === "httpx" && (imported === "Client" || imported === "AsyncClient")) return "httpx";
  }
  return undefined;
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
