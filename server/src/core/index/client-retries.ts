/**
 * What a client retries by itself, as the failures an error handler around its requests no
 * longer sees as hard failures: got and ky (from their options), an axios instance with
 * axios-retry applied (`axiosRetry(http, { retryCondition })`), the global `axios` with
 * axios-retry applied at the top of this file or of another module of the project, and a
 * client of another file whose summary says so.
 */

import type { ClientInfo, FileContext } from "../analysis/model";
import { detectRequest } from "../analysis/requests";
import type { Failure, SelfRetry } from "../analysis/types";
import type { Call } from "../ir/types";
import { dottedName } from "../ir/walk";
import { axiosRetryOn, globalAxiosRetry, isGlobalAxios } from "../mechanisms/axios-retry";
import { mountedRetried } from "../mechanisms/urllib3";
import type { CrossFileInput } from "./types";

/** The failures a client held in `receiver` retries by itself, when known. */
export function clientRetried(
  info: ClientInfo,
  receiver: string,
  ctx: FileContext,
  method?: string,
): ReadonlySet<Failure> | undefined {
  if (info.retries) return info.retries;
  if (info.kind === "requests") {
    const mounted = mountedRetried(receiver, info, ctx);
    return mounted ? forMethod(mounted.retried, mounted.methods, method) : undefined;
  }
  if (info.kind === "axios" && receiver && receiver !== "axios" && !isGlobalAxios(receiver, ctx))
    return axiosRetryOn(receiver, ctx)?.retried;
  return undefined;
}

/** The failures the client of a request call retries by itself, this file's or (through the index) another's. */
export function callRetried(
  call: Call,
  ctx: FileContext,
  input: CrossFileInput | undefined,
): ReadonlySet<Failure> | undefined {
  const req = detectRequest(call, ctx);
  if (req?.client.kind === "axios" && throughGlobalAxios(call, ctx))
    return globalAxiosSelfRetry(ctx, input)?.retried;
  const receiver = call.callee.kind === "member" ? (dottedName(call.callee.object) ?? "") : "";
  const own = req ? clientRetried(req.client, receiver, ctx, req.method) : undefined;
  if (own) return own;
  const callee = dottedName(call.callee);
  const imported =
    input && callee && Object.hasOwn(input.wrappers, callee) ? input.wrappers[callee] : undefined;
  const retries = imported?.client ? imported.selfRetry?.retries : undefined;
  if (!retries) return undefined;
  // A call through a client of another file names its method: `session.get(...)`.
  const verb = call.callee.kind === "member" ? call.callee.property.toUpperCase() : undefined;
  return forMethod(new Set(retries), imported?.selfRetry?.retriesMethods, req?.method ?? verb);
}

/** The failures retried for a request of `method`: statuses only for the methods listed (undefined: every method). */
function forMethod(
  retried: ReadonlySet<Failure>,
  methods: readonly string[] | undefined,
  method: string | undefined,
): ReadonlySet<Failure> {
  if (!methods || (method !== undefined && methods.includes(method))) return retried;
  return new Set([...retried].filter((f) => f === "network"));
}

/** A request through the global `axios` (`axios.get(...)`, `axios(config)`), not an instance. */
export function throughGlobalAxios(call: Call, ctx: FileContext): boolean {
  const c = call.callee;
  const name =
    c.kind === "name" ? c.name : c.kind === "member" && c.object.kind === "name" ? c.object.name : undefined;
  return name !== undefined && isGlobalAxios(name, ctx);
}

/**
 * What axios-retry applied to the global `axios` makes of each request through it: this file's
 * own `axiosRetry(axios, ...)` at its top, else the one of another module the index found.
 * Undefined when none applies, or its retries are off or unreadable.
 */
export function globalAxiosSelfRetry(
  ctx: FileContext,
  input: CrossFileInput | undefined,
): (SelfRetry & { retried: ReadonlySet<Failure> }) | undefined {
  const common = { by: "axios-retry on the global axios", off: "retries: 0 in its axiosRetry options" };
  const own = globalAxiosRetry(ctx);
  if (own)
    return own.attempts > 1
      ? { ...common, attempts: own.attempts, at: own.at, retried: own.retried }
      : undefined;
  const other = input?.axiosRetry;
  if (!other || other.attempts <= 1) return undefined;
  const at = other.at;
  return {
    ...common,
    attempts: other.attempts,
    at: {
      start: at.start,
      end: at.end,
      file: {
        path: other.path,
        line: at.line,
        character: at.character,
        endLine: at.endLine,
        endCharacter: at.endCharacter,
      },
    },
    retried: new Set(other.retries),
  };
}
