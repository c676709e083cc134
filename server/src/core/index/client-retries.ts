/**
 * What a client retries by itself, as the failures an error handler around its requests no
 * longer sees as hard failures: got and ky (from their options), an axios instance with
 * axios-retry applied (`axiosRetry(http, { retryCondition })`), and a client of another file
 * whose summary says so.
 */

import type { ClientInfo, FileContext } from "../analysis/model";
import { detectRequest } from "../analysis/requests";
import type { Failure } from "../analysis/types";
import type { Call } from "../ir/types";
import { dottedName } from "../ir/walk";
import { axiosRetryOn } from "../mechanisms/axios-retry";
import type { CrossFileInput } from "./types";

/** The failures a client held in `receiver` retries by itself, when known. */
export function clientRetried(
  info: ClientInfo,
  receiver: string,
  ctx: FileContext,
): ReadonlySet<Failure> | undefined {
  if (info.retries) return info.retries;
  if (info.kind === "axios" && receiver && receiver !== "axios") return axiosRetryOn(receiver, ctx)?.retried;
  return undefined;
}

/** The failures the client of a request call retries by itself, this file's or (through the index) another's. */
export function callRetried(
  call: Call,
  ctx: FileContext,
  input: CrossFileInput | undefined,
): ReadonlySet<Failure> | undefined {
  const req = detectRequest(call, ctx);
  const receiver = call.callee.kind === "member" ? (dottedName(call.callee.object) ?? "") : "";
  const own = req ? clientRetried(req.client, receiver, ctx) : undefined;
  if (own) return own;
  const callee = dottedName(call.callee);
  const imported =
    input && callee && Object.hasOwn(input.wrappers, callee) ? input.wrappers[callee] : undefined;
  const retries = imported?.client ? imported.selfRetry?.retries : undefined;
  return retries ? new Set(retries) : undefined;
}
