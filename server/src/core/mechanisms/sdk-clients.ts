/**
 * SDKs of the public APIs the knowledge packs describe, as request sites and as retriers of their own.
 *
 * - discord.py: every request goes through its HTTP client, which sleeps out a 429 (unless the
 *   wait exceeds `max_ratelimit_timeout`, then it raises `RateLimited`) and retries 500, 502, 504
 *   and 524, 5 tries in all (https://github.com/Rapptz/discord.py/blob/master/discord/http.py);
 *   its exception classes arrive only after that.
 */

import type { Call, Expr } from "../ir/types";
import { unwrap } from "../ir/walk";
import type { ClientInfo, ConstructorCall, FileContext, RequestInfo } from "../analysis/model";
import type { SelfRetry } from "../analysis/types";
import type { Span } from "../types";
import { propertyValue } from "../analysis/context";
import { VERBS } from "../analysis/requests";

/** Modules whose exception classes are raised only after the SDK's own retries, and the statuses those cover. */
const SELF_RETRYING_EXCEPTION_MODULES: ReadonlyMap<string, ReadonlySet<number>> = new Map([
  ["discord", new Set([429, 500, 502, 504])],
]);

/** The statuses the SDK behind the exception classes of `module` retries before raising them (`discord.errors` -> discord.py). */
export function selfRetriesBeforeRaising(module: string): ReadonlySet<number> | undefined {
  return SELF_RETRYING_EXCEPTION_MODULES.get(module.split(".")[0]!);
}

// ---------------------------------------------------------------- SDK clients as request sites

/*
 * - @notionhq/client: `new Client({ auth })`; `notion.pages.create(...)`, `notion.databases.query(...)`.
 *   It retries by default, 2 times, 429 and 529 for every method, 500 and 503 for GET and DELETE;
 *   `retry: false` turns that off, `retry: { maxRetries }` sets the count
 *   (https://github.com/makenotion/notion-sdk-js#automatic-retries). Python `notion_client.Client`.
 * - @hubspot/api-client: `new hubspot.Client({ accessToken })`; `hubspotClient.crm.contacts.basicApi.create(...)`.
 *   No retries unless `numberOfApiCallRetries` (0 to 6) is set: then 5xx and 429 are retried that many
 *   times (https://github.com/HubSpot/hubspot-api-nodejs#readme). Python `hubspot.HubSpot(...)`.
 * - SendGrid: `sgMail.send(msg)` with the default export of `@sendgrid/mail`; Python
 *   `SendGridAPIClient(key).send(message)` and `sg.client.mail.send.post(request_body=...)`.
 * - simple_salesforce: `sf = Salesforce(...)`; `sf.Contact.create({...})`, `sf.query(soql)`.
 */

export type SdkFamily = "notion" | "hubspot" | "sendgrid" | "salesforce";

const FAMILIES = new Set<string>(["notion", "hubspot", "sendgrid", "salesforce"]);

/** @notionhq/client's default retry count. */
export const NOTION_JS_RETRIES = 2;

interface FamilyRetry {
  attempts: number;
  at: Span;
  off: string;
}

/** The retries of each family client the file builds (kept beside the client, not in it). */
const familyRetries = new WeakMap<ClientInfo, FamilyRetry>();

export function isFamilyClient(client: ClientInfo | undefined): boolean {
  return client?.kind === "sdk" && client.sdk !== undefined && FAMILIES.has(client.sdk);
}

function familyClient(
  sdk: SdkFamily,
  retried: readonly number[],
  retry: { attempts: number; off: string } | undefined,
  at: Span,
): ClientInfo {
  const info: ClientInfo = { kind: "sdk", sdk, throws: true, retries: new Set(retry ? retried : []) };
  if (retry && retry.attempts > 1) familyRetries.set(info, { ...retry, at });
  return info;
}

function literalNumber(e: Expr | undefined, ctx: FileContext): number | undefined {
  let x = e ? unwrap(e) : undefined;
  if (x?.kind === "name") {
    const v = ctx.values.get(x.name);
    x = v ? unwrap(v) : x;
  }
  return x?.kind === "number" ? x.value : undefined;
}

/** A client of one of these SDKs built by this call, or undefined. */
export function sdkFamilyClientFrom(c: ConstructorCall, ctx: FileContext): ClientInfo | undefined {
  const { call, module: mod, last, options } = c;
  const at = { start: call.start, end: call.end };
  if (mod === "@notionhq/client" && last === "Client" && call.isNew) {
    const retry = options ? propertyValue(options, ["retry"]) : undefined;
    const r = retry ? unwrap(retry) : undefined;
    let retries: number | undefined = NOTION_JS_RETRIES;
    if (r?.kind === "bool") retries = r.value ? NOTION_JS_RETRIES : 0;
    else if (r?.kind === "object") {
      const max = propertyValue(r, ["maxRetries"]);
      retries = max ? literalNumber(max, ctx) : NOTION_JS_RETRIES;
    } else if (r || options?.properties.some((p) => p.spread)) retries = undefined;
    if (retries === undefined) return { kind: "sdk", sdk: "notion", throws: true, retries: new Set([429]) };
    return familyClient(
      "notion",
      [429, 500, 503],
      retries > 0 ? { attempts: retries + 1, off: "retry: false on the client" } : undefined,
      at,
    );
  }
  if (mod === "notion_client" && (last === "Client" || last === "AsyncClient"))
    return familyClient("notion", [], undefined, at);
  if (mod === "@hubspot/api-client" && last === "Client" && call.isNew) {
    const n = options ? propertyValue(options, ["numberOfApiCallRetries"]) : undefined;
    const retries = n ? literalNumber(n, ctx) : 0;
    if (retries === undefined) return { kind: "sdk", sdk: "hubspot", throws: true };
    return familyClient(
      "hubspot",
      [429, 500, 502, 503, 504],
      retries > 0 ? { attempts: retries + 1, off: "numberOfApiCallRetries: 0 on the client" } : undefined,
      at,
    );
  }
  if (/^hubspot(\.|$)/.test(mod) && last === "HubSpot") return familyClient("hubspot", [], undefined, at);
  if (/^sendgrid(\.|$)/.test(mod) && last === "SendGridAPIClient")
    return familyClient("sendgrid", [], undefined, at);
  if (mod === "simple_salesforce" && last === "Salesforce")
    return familyClient("salesforce", [], undefined, at);
  return undefined;
}

/** The retries a family client makes on its own, for `nested-retry`; undefined when it makes none. */
export function familySelfRetry(client: ClientInfo): SelfRetry | undefined {
  const r = familyRetries.get(client);
  if (!r) return undefined;
  return { attempts: r.attempts, by: `the ${client.sdk} client`, off: r.off, at: r.at };
}

const WRITES = /^(create|insert|send|sendMultiple|send_multiple|post|add|append|batchCreate|batch_create)$/;
const UPDATES = /^(update|upsert|patch|batchUpdate|batch_update)$/;
const DELETES = /^(delete|del|archive|remove|batchArchive|batch_archive)$/;
/** Reads, some sent as POST (Notion's `databases.query`, HubSpot's `doSearch`): repeating them duplicates nothing. */
const READS =
  /^(get|retrieve|list|query|query_all|query_more|search|quick_search|do_search|doSearch|me|describe|getById|get_by_id|getPage|get_page|getAll|get_all|get_by_custom_id)$/;

/** `notion.pages.create(...)`, `sf.Contact.create({...})`, `sg.send(message)`: the request a family client's call sends. */
export function familyRequest(client: ClientInfo, method: string, call: Call): RequestInfo | undefined {
  let http: string | undefined;
  if (client.sdk === "sendgrid" && VERBS.has(method)) http = method.toUpperCase();
  else if (WRITES.test(method)) http = "POST";
  else if (UPDATES.test(method)) http = "PATCH";
  else if (DELETES.test(method)) http = "DELETE";
  else if (READS.test(method)) http = "GET";
  else if (method === "apiRequest" || method === "restful") http = undefined;
  else return undefined;
  return {
    client,
    method: http,
    idempotencyKey: http === "POST" || http === "PATCH" ? false : undefined,
    // These SDKs' methods take no headers (and none of these APIs documents an idempotency key).
    takesHeaders: false,
    callee: { start: call.callee.start, end: call.callee.end },
    span: { start: call.start, end: call.end },
  };
}

/** `sgMail.send(msg)`: a call on a module that is itself the client (the default export of `@sendgrid/mail`). */
export function moduleClientRequest(
  module: string | undefined,
  method: string,
  call: Call,
): RequestInfo | undefined {
  if (module !== "@sendgrid/mail" || (method !== "send" && method !== "sendMultiple")) return undefined;
  return familyRequest({ kind: "sdk", sdk: "sendgrid", throws: true }, method, call);
}
