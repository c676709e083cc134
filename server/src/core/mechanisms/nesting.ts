/**
 * Retries inside retries: for each request a retry mechanism re-sends, whether its client
 * retries by itself, and how many attempts the outer mechanism makes when a constant says so.
 * `nested-retry` multiplies the two.
 *
 * Documented defaults of clients that retry on their own (attempts = 1 + retries):
 * - openai (Python `max_retries`, Node `maxRetries`): 2 retries (openai-node `src/client.ts`
 *   `#normalizeRetries` falls back to 2; openai-python `DEFAULT_MAX_RETRIES = 2`).
 * - anthropic (same names): 2 retries (anthropic-sdk-typescript `options.maxRetries ?? 2`).
 * - stripe Node (`maxNetworkRetries`): 2 since stripe-node 13 (`getDefaultMaxNetworkRetries()`
 *   returns 2); stripe Python: 0 unless `max_network_retries` is set (`stripe.max_network_retries = 0`).
 * - octokit: the `octokit` package bundles @octokit/plugin-retry, `retries: 3` by default;
 *   @octokit/rest and @octokit/core do not retry.
 * - got / ky instances: `retry.limit` 2, for GET, PUT, HEAD, DELETE, OPTIONS, TRACE only.
 * - a requests Session with `mount(prefix, HTTPAdapter(max_retries=Retry(total=n)))`: n retries
 *   (`HTTPAdapter(max_retries=n)` retries connection errors n times).
 * Each is off with its retries set to 0.
 */

import type { ClientInfo, FileContext } from "../analysis/model";
import { detectRequest } from "../analysis/requests";
import type { RetrySite, SelfRetry } from "../analysis/types";
import type { Call, Expr, LoopStmt } from "../ir/types";
import { calleeName, dottedName, unwrap } from "../ir/walk";
import { keywordOrOption, objectArg, propertyValue } from "../analysis/context";
import { clientRetriesOffFix } from "../fixes/retries-off";
import { awsSelfRetry, isAwsClient } from "./aws";
import { axiosRetryOn, isGlobalAxios } from "./axios-retry";
import { globalAxiosSelfRetry, throughGlobalAxios } from "../index/client-retries";
import type { CrossFileInput } from "../index/types";
import { familySelfRetry, isFamilyClient } from "./sdk-clients";
import { mountedAdapter } from "./urllib3";

const SDK_RETRIES: Record<string, { retries: number; python: string; js: string }> = {
  openai: { retries: 2, python: "max_retries=0 on the client", js: "maxRetries: 0 on the client" },
  anthropic: { retries: 2, python: "max_retries=0 on the client", js: "maxRetries: 0 on the client" },
  stripe: {
    retries: 2,
    python: "max_network_retries=0 on the client",
    js: "maxNetworkRetries: 0 on the client",
  },
  octokit: { retries: 3, python: "", js: "retry: { enabled: false } on the client" },
};
const IDEMPOTENT = new Set(["GET", "PUT", "HEAD", "DELETE", "OPTIONS", "TRACE"]);

/** Marks, on each retry, its attempt count and the requests whose client retries by itself. */
export function markNestedRetries(
  retries: readonly RetrySite[],
  ctx: FileContext,
  text?: string,
  crossFile?: CrossFileInput,
): void {
  for (const retry of retries) {
    if (retry.mechanism === "config") continue;
    // A helper in another file comes with its name and attempts (`core/index`).
    retry.mechanismName ??= mechanismName(retry);
    retry.attempts ??= outerAttempts(retry, ctx);
    for (const req of retry.requests) {
      const call = ctx.index.calls.find((c) => c.start === req.start && c.end === req.end);
      if (!call) continue;
      // A request wrapper of another file brings its client's own retries along (`core/index`).
      req.selfRetry = selfRetry(call, req.method, ctx, text, crossFile) ?? req.selfRetry;
      // A got or ky instance of another file retries idempotent methods only; a per-request override turns any off.
      if (
        req.selfRetry?.at.file &&
        (retriesOffInCall(call, ctx) || (req.selfRetry.idempotentOnly && !idempotentMethod(req.method)))
      )
        delete req.selfRetry;
    }
  }
}

function mechanismName(retry: RetrySite): string {
  if (retry.library) return retry.library;
  if (retry.mechanism === "loop") return "this retry loop";
  if (retry.mechanism === "recursion") return "this recursive retry";
  return "this retry helper";
}

// ---------------------------------------------------------------- the inner client

export function selfRetry(
  call: Call,
  method: string | undefined,
  ctx: FileContext,
  text: string | undefined,
  crossFile?: CrossFileInput,
): SelfRetry | undefined {
  const req = detectRequest(call, ctx);
  const client = req?.client;
  if (!client || retriesOffInCall(call, ctx)) return undefined;
  if (client.kind === "axios" && throughGlobalAxios(call, ctx)) {
    const global = globalAxiosSelfRetry(ctx, crossFile);
    if (!global) return undefined;
    const { retried: _retried, ...retry } = global;
    return retry;
  }
  const receiver = call.callee.kind === "member" ? (dottedName(call.callee.object) ?? "") : "";
  const own = clientRetry(client, receiver, ctx, text);
  if (!own || (own.idempotentOnly && (!method || !IDEMPOTENT.has(method)))) return undefined;
  const { idempotentOnly: _ignored, ...retry } = own;
  return retry;
}

/** A per-request override turns the client's retries off: `create(params, { maxRetries: 0 })`. */
export function retriesOffInCall(call: Call, ctx: FileContext): boolean {
  const names = ["max_retries", "maxRetries", "maxNetworkRetries"];
  const perCall = [
    ...call.args.filter((a) => a.name && names.includes(a.name)).map((a) => a.value),
    ...call.args.flatMap((a) => {
      const x = unwrap(a.value);
      const v = !a.name && x.kind === "object" ? propertyValue(x, names) : undefined;
      return v ? [v] : [];
    }),
  ];
  return perCall.some((v) => number(v, ctx) === 0);
}

/** Whether got and ky retry a request with this method (only idempotent ones). */
export function idempotentMethod(method: string | undefined): boolean {
  return method !== undefined && IDEMPOTENT.has(method);
}

/**
 * What a client retries by itself, whatever the request (got and ky instances: only for
 * idempotent methods, `idempotentOnly`). `receiver` is the variable it is called through
 * (`session` of `session.get(...)`: the session a urllib3 Retry is mounted on); "" for none.
 */
export function clientRetry(
  client: ClientInfo,
  receiver: string,
  ctx: FileContext,
  text: string | undefined,
): (SelfRetry & { idempotentOnly?: true }) | undefined {
  const python = ctx.language.family === "python";
  if (isAwsClient(client)) return awsSelfRetry(client);
  if (isFamilyClient(client)) return familySelfRetry(client);
  if (client.kind === "sdk" && client.sdk && client.builtAt) {
    const known = SDK_RETRIES[client.sdk];
    if (!known || (python && client.sdk === "octokit")) return undefined;
    const built = callAt(client.builtAt, ctx);
    if (!built) return undefined;
    if (client.sdk === "octokit" && !octokitWithRetry(built, ctx)) return undefined;
    const option = keywordOrOption(built, [
      "max_retries",
      "maxRetries",
      "max_network_retries",
      "maxNetworkRetries",
    ]);
    let retries = python && client.sdk === "stripe" ? 0 : known.retries;
    if (option) {
      const n = number(option, ctx);
      if (n === undefined) return undefined;
      retries = n;
    }
    if (retries <= 0) return undefined;
    const offFix = text ? clientRetriesOffFix(client.sdk, built, python, text) : undefined;
    return {
      attempts: retries + 1,
      by: `the ${client.sdk} client`,
      off: python ? known.python : known.js,
      at: client.builtAt,
      ...(offFix ? { offFix } : {}),
    };
  }
  if ((client.kind === "got" || client.kind === "ky") && client.builtAt && client.retries?.size) {
    const built = callAt(client.builtAt, ctx);
    const options = built ? objectArg(built) : undefined;
    const retry = options ? propertyValue(options, ["retry"]) : undefined;
    let limit = 2;
    if (retry) {
      const x = unwrap(retry);
      const value = x.kind === "object" ? propertyValue(x, ["limit"]) : x;
      if (value) {
        const n = number(value, ctx);
        if (n === undefined) return undefined;
        limit = n;
      }
    }
    if (limit <= 0) return undefined;
    return {
      attempts: limit + 1,
      by: `the ${client.kind} instance`,
      off: "retry: { limit: 0 } on the instance",
      at: client.builtAt,
      idempotentOnly: true,
    };
  }
  if (client.kind === "axios" && receiver && receiver !== "axios" && !isGlobalAxios(receiver, ctx)) {
    const own = axiosRetryOn(receiver, ctx);
    if (own)
      return {
        attempts: own.attempts,
        by: "axios-retry on the instance",
        off: "retries: 0 in its axiosRetry options",
        at: own.at,
      };
  }
  if (client.kind === "requests") {
    if (!receiver || receiver === "requests") return undefined;
    return mountedRetry(receiver, client, ctx);
  }
  return undefined;
}

/** `new Octokit()` from the `octokit` package (plugin-retry bundled), or a class built with `.plugin(retry)`. */
function octokitWithRetry(built: Call, ctx: FileContext): boolean {
  const name = dottedName(built.callee) ?? "";
  const root = name.split(".")[0]!;
  if (ctx.imports.get(root)?.module === "octokit") return true;
  const cls = ctx.values.get(root);
  const x = cls ? unwrap(cls) : undefined;
  if (x?.kind !== "call" || calleeName(x.callee) !== "plugin") return false;
  return x.args.some((a) => {
    const arg = unwrap(a.value);
    const local = arg.kind === "name" ? arg.name : undefined;
    return local !== undefined && /plugin-retry$/.test(ctx.imports.get(local)?.module ?? "");
  });
}

/** `session.mount("https://", HTTPAdapter(max_retries=Retry(total=5)))` on the session a request goes through. */
function mountedRetry(receiver: string, client: ClientInfo, ctx: FileContext): SelfRetry | undefined {
  const mount = mountedAdapter(receiver, client, ctx);
  if (!mount) return undefined;
  const { adapter, max } = mount;
  let retries: number | undefined;
  if (max.kind === "call" && calleeName(max.callee) === "Retry") {
    const total = max.args.find((a) => a.name === "total")?.value ?? max.args.find((a) => !a.name)?.value;
    retries = total ? number(total, ctx) : 10;
  } else retries = number(max, ctx);
  if (retries === undefined || retries <= 0) return undefined;
  return {
    attempts: retries + 1,
    by: "the urllib3 Retry mounted on the session",
    off: "max_retries=0 on the mounted HTTPAdapter",
    at: { start: adapter.start, end: adapter.end },
  };
}

function callAt(span: { start: number; end: number }, ctx: FileContext): Call | undefined {
  for (const c of ctx.index.calls)
    if (c.start >= span.start && c.end <= span.end && c.start <= span.start + 6) return c;
  return undefined;
}

// ---------------------------------------------------------------- the outer mechanism

function outerAttempts(retry: RetrySite, ctx: FileContext): number | undefined {
  if (retry.mechanism === "loop") {
    const loop = ctx.index.loops.find((l) => l.start === retry.start && l.end === retry.end);
    return loop ? loopAttempts(loop, ctx) : undefined;
  }
  if (retry.library === "tenacity" || retry.library === "backoff") {
    const fn = ctx.allFunctions.find((f) => f.start === retry.start && f.end === retry.end);
    const d = fn?.decorators.find((x) => x.start === retry.anchor.start);
    const call = d && d.kind === "call" ? d : undefined;
    if (!call) return undefined;
    if (retry.library === "backoff") {
      const tries = call.args.find((a) => a.name === "max_tries")?.value;
      return tries ? number(tries, ctx) : undefined;
    }
    const stop = call.args.find((a) => a.name === "stop")?.value;
    const x = stop ? unwrap(stop) : undefined;
    if (x?.kind === "call" && calleeName(x.callee) === "stop_after_attempt" && x.args[0])
      return number(x.args[0].value, ctx);
    return undefined;
  }
  if (retry.library === "p-retry" || retry.library === "async-retry") {
    const call = ctx.index.calls.find((c) => c.callee.start === retry.anchor.start);
    if (!call) return undefined;
    const options = call.args[1]?.value ? unwrap(call.args[1].value) : call.args[0]?.value;
    const obj = options && options.kind === "object" ? options : undefined;
    const retries = obj ? propertyValue(obj, ["retries"]) : undefined;
    if (!retries) return 11; // both default to 10 retries
    const n = number(retries, ctx);
    return n === undefined ? undefined : n + 1;
  }
  return undefined;
}

/** `range(5)`, `range(1, 6)`, `for (let i = 0; i < 5; i++)`, `i <= 4`: the number of passes. */
export function loopAttempts(loop: LoopStmt, ctx: FileContext): number | undefined {
  if (loop.loop === "for-in" || loop.loop === "for-of") {
    const it = loop.iterates ? unwrap(loop.iterates) : undefined;
    if (it?.kind !== "call" || dottedName(it.callee) !== "range") return undefined;
    const nums = it.args.map((a) => number(a.value, ctx));
    if (nums.length === 1 && nums[0] !== undefined) return nums[0];
    if (nums.length === 2 && nums[0] !== undefined && nums[1] !== undefined) return nums[1] - nums[0];
    return undefined;
  }
  if (loop.loop !== "for" || !loop.test) return undefined;
  const test = unwrap(loop.test);
  if (test.kind !== "binary" || (test.op !== "<" && test.op !== "<=") || test.left.kind !== "name")
    return undefined;
  const counter = test.left.name;
  const decl = loop.init?.find(
    (st) => st.kind === "var" && st.target.kind === "name" && st.target.name === counter,
  );
  const init = decl?.kind === "var" && decl.value ? number(decl.value, ctx) : undefined;
  const bound = number(test.right, ctx);
  if (init === undefined || bound === undefined) return undefined;
  return bound - init + (test.op === "<=" ? 1 : 0);
}

function number(e: Expr, ctx: FileContext, depth = 0): number | undefined {
  const x = unwrap(e);
  if (x.kind === "number") return x.value;
  if (x.kind === "name" && depth < 3) {
    const v = ctx.values.get(x.name);
    return v ? number(v, ctx, depth + 1) : undefined;
  }
  if (x.kind === "binary" && depth < 3) {
    const a = number(x.left, ctx, depth + 1);
    const b = number(x.right, ctx, depth + 1);
    if (a === undefined || b === undefined) return undefined;
    if (x.op === "+") return a + b;
    if (x.op === "-") return a - b;
  }
  return undefined;
}
