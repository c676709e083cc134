/**
 * Requests that wait with no timeout. Documented defaults of the clients:
 * - requests: no timeout ("Nearly all production code should use this parameter in nearly all
 *   requests", requests docs, Timeouts); a Session has none either.
 * - axios: `timeout` 0, no timeout (axios docs, Request Config).
 * - got: no timeout by default (got docs, `timeout` option: "By default, there's no timeout").
 * - Node fetch (undici): no overall timeout; `headersTimeout` and `bodyTimeout` 300 s.
 * - With a timeout by default, never reported: httpx (5 s), ky (10 s), aiohttp (300 s total),
 *   the openai / anthropic SDKs (600 s), stripe (80 s).
 */

import { clientOf, detectRequest } from "../analysis/requests";
import type { FileContext } from "../analysis/model";
import type { RequestSite } from "../analysis/types";
import type { Call, Expr } from "../ir/types";
import { dottedName, unwrap } from "../ir/walk";
import { objectArg, propertyValue } from "../analysis/context";

/** Marks the requests that wait with no timeout. */
export function markMissingTimeouts(requests: readonly RequestSite[], ctx: FileContext): void {
  for (const req of requests) {
    const call = ctx.index.calls.find((c) => c.start === req.start && c.end === req.end);
    if (!call) continue;
    const missing = ctx.language.family === "python" ? pythonMissing(call, ctx) : jsMissing(call, req, ctx);
    if (missing) req.noTimeout = missing;
  }
}

function pythonMissing(call: Call, ctx: FileContext): RequestSite["noTimeout"] {
  const info = detectRequest(call, ctx);
  if (info?.client.kind !== "requests") return undefined;
  if (call.args.some((a) => a.spread || a.name === "timeout")) return undefined;
  // `requests.get(...)`, `from requests import get`: the module's own functions.
  if (call.callee.kind === "name") {
    const imp = ctx.imports.get(call.callee.name);
    return imp?.module === "requests" ? { client: "requests", moduleCall: true } : undefined;
  }
  if (call.callee.kind !== "member") return undefined;
  const receiver = call.callee.object;
  const name = dottedName(receiver);
  if (name === "requests" && ctx.imports.get("requests")?.module === "requests")
    return { client: "requests", moduleCall: true };
  // A `requests.Session()` built in this file.
  const client = clientOf(ctx, receiver);
  return client?.kind === "requests" && client.builtAt
    ? { client: "requests", moduleCall: false }
    : undefined;
}

function jsMissing(call: Call, req: RequestSite, ctx: FileContext): RequestSite["noTimeout"] {
  if (call.args.some((a) => a.spread)) return undefined;
  const objects = call.args.map((a) => unwrap(a.value)).filter((x) => x.kind === "object");
  // An options object we cannot read fully (a spread) may carry a timeout.
  if (objects.some((o) => o.kind === "object" && o.properties.some((p) => p.spread))) return undefined;
  const has = (names: string[]): boolean =>
    objects.some((o) => o.kind === "object" && propertyValue(o, names) !== undefined);
  // An options argument held in a variable: cannot tell.
  const named = call.args.slice(1).some((a) => ["name", "member", "call"].includes(unwrap(a.value).kind));
  if (req.client === "fetch") {
    // node-fetch 2 takes `timeout` (ms) in its options.
    if (named || has(["signal", "dispatcher", "timeout"])) return undefined;
    return call.callee.kind === "name" ? { client: "fetch", moduleCall: true } : undefined;
  }
  if (req.client === "axios" || req.client === "got") {
    if (named || has(["timeout", "signal", "cancelToken"])) return undefined;
    const kind = req.client;
    const root = rootOf(call.callee);
    const receiver = call.callee.kind === "member" ? call.callee.object : call.callee;
    // `axios.defaults.timeout = 10_000` (or on an instance) anywhere in the file sets it for every call.
    const owner = dottedName(receiver);
    if (kind === "axios" && owner && ctx.assignments.has(`${owner}.defaults.timeout`)) return undefined;
    if (
      root &&
      ctx.imports.get(root)?.module === kind &&
      (call.callee.kind === "name" || dottedName(call.callee)?.split(".").length === 2)
    )
      return { client: kind, moduleCall: true };
    // An instance built in this file without a timeout.
    const client = clientOf(ctx, receiver);
    const built = client?.builtAt
      ? ctx.index.calls.find((c) => c.start >= client.builtAt!.start && c.end <= client.builtAt!.end)
      : undefined;
    if (!client || client.kind !== kind || !built) return undefined;
    const options = objectArg(built);
    if (!options || options.properties.some((p) => p.spread))
      return options ? undefined : { client: kind, moduleCall: false };
    return propertyValue(options, ["timeout", "signal"]) === undefined
      ? { client: kind, moduleCall: false }
      : undefined;
  }
  return undefined;
}

function rootOf(e: Expr): string | undefined {
  const name = dottedName(e);
  return name?.split(".")[0];
}
