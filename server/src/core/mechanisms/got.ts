/**
 * got (JS): `got(url, { retry })`, `got.extend({ retry })`, and the retries
 * a got client makes on its own. ky takes the same `retry` option shape.
 */

import type { Mechanism } from "./mechanism";
import { clientAt, type FileContext } from "../analysis/context";
import { detectRequest } from "../analysis/requests";
import { requestSite } from "../analysis/retries";
import type { Failure, RetrySite, StatusRef } from "../analysis/types";
import type { Arg, Call, ObjectLit } from "../ir/types";
import { dottedName, unwrap } from "../ir/walk";
import {
  prop,
  isInfinite,
  span,
  configSite,
  listOfNumbers,
  linkedRequests,
  methodRequests,
} from "./configuration";

/** The retry a `retry: { limit, statusCodes, methods }` option of a got or ky call configures. */
export function retryOptionSite(call: Call, ctx: FileContext, library: "got" | "ky"): RetrySite | undefined {
  const dotted = dottedName(call.callee) ?? "";
  const root = dotted.split(".")[0]!;
  const mod = ctx.imports.get(root)?.module;
  const lib =
    root === "got" || mod === "got"
      ? "got"
      : root === "ky" || mod === "ky"
        ? "ky"
        : clientAt(ctx, root, call.start)?.kind;
  if (lib !== library) return undefined;
  const options = call.args.map((a: Arg) => a.value).find((v): v is ObjectLit => v.kind === "object");
  const retry = prop(options, "retry");
  if (!retry || retry.value.kind !== "object") return undefined;
  const statusCodes = prop(retry.value, "statusCodes")?.value;
  const methods = prop(retry.value, "methods")?.value;
  const limit = prop(retry.value, "limit")?.value;
  const retried = new Set<Failure>(["network"]);
  let refs: StatusRef[] = [];
  const listed = statusCodes ? listOfNumbers(statusCodes, ctx) : undefined;
  if (listed) {
    refs = listed;
    for (const r of listed) retried.add(r.status);
  } else {
    for (const s of [408, 429, 500, 502, 503, 504]) retried.add(s);
  }
  const site = configSite(
    {
      anchor: span(retry.keySpan),
      label: "This retry configuration",
      start: retry.start,
      end: retry.end,
      library: lib,
    },
    retried,
    refs,
  );
  site.bounded = !isInfinite(limit);
  if (methods) {
    const headers = options ? prop(options, "headers")?.value : undefined;
    const hasKey =
      headers?.kind === "object" &&
      headers.properties.some((p) => p.key !== undefined && /idempotency/i.test(p.key));
    const listed = methodRequests(methods, "POST");
    const request = detectRequest(call, ctx);
    if (hasKey) site.requests = [];
    else if (request?.method && listed.some((r) => r.method === request.method)) {
      // The options belong to this very request: it is the one re-sent.
      site.requests = [
        requestSite({ ...request, idempotencyKey: request.idempotencyKey === true ? true : false }),
      ];
    } else if (!request) {
      // `const api = got.extend({ retry: { methods: ["POST"] } })`: the writes sent through `api`.
      const holder = [...ctx.assignments].find(([, values]) => values.some((v) => unwrap(v) === call))?.[0];
      const listedMethods = new Set(listed.map((r) => r.method));
      const sent = holder
        ? linkedRequests(
            ctx,
            (_req, c) =>
              (dottedName(c.callee) ?? "").startsWith(holder + ".") || dottedName(c.callee) === holder,
          ).filter((r) => listedMethods.has(r.method))
        : [];
      // When this file sends writes through it, those are the ones to judge (some may carry keys).
      site.requests = sent.length > 0 ? sent.filter((r) => !r.idempotencyKey) : listed;
    }
  }
  return site;
}

export const got: Mechanism = {
  library: "got",
  languages: ["javascript"],
  call: (call, ctx) => retryOptionSite(call, ctx, "got"),
};
