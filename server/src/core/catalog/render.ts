// Over 400 lines: one renderer per hover and explain kind, sharing the layout helpers at the bottom; split by kind when it next grows.
/**
 * Builds hover / explain documents from catalog views. A hover speaks to the
 * code under the cursor: its first line says what the thing is and what to do,
 * API-specific entries appear only for the APIs the file relates to, and the
 * length is capped with a pointer to `explain`. `explain` shows everything,
 * every API. Sources are shown as the API's name and documentation link,
 * never as a file name.
 */
import type { HoverTarget } from "../hover-target";
import { DOCS_BASE_URL } from "../rules/define";
import type {
  ApiRef,
  ApiStatusView,
  Catalog,
  ErrorCodeDefinition,
  ErrorCodeView,
  ExceptionDefinition,
  ExceptionView,
  HeaderView,
  MergedApiView,
  StatusView,
} from "./catalog";
import { retryClassOfRange } from "./catalog";
import { code, link, strong, text, toMarkdown, toPlainText, type Block, type Inline } from "./doc";
import type { EntryRetry, Reference, RetryClass, RetryGuidance, SdkRetry } from "./types";

/** Rendering options. */
export interface RenderOptions {
  /** Where rule documentation lives; `<id>.md` is appended. Default: the project's `docs/rules/` on the web. */
  ruleDocsBase?: string;
  /**
   * The APIs the file under the cursor relates to (its SDK imports, its URL
   * hosts, user catalogs). Hovers show API-specific entries only for these;
   * undefined shows every API (as `explain` does).
   */
  related?: readonly string[];
}

const DEFAULT_RULE_DOCS = DOCS_BASE_URL;
/** At most this many API items in a hover list; the rest are counted in one line. */
const HOVER_ITEMS = 3;
/** A hover longer than this (Markdown characters) is cut, with a pointer to `explain`. */
const HOVER_MAX_CHARS = 1600;

/** Hover Markdown for a target; undefined when nothing is known about it. */
export function renderHover(
  catalog: Catalog,
  target: HoverTarget,
  options: RenderOptions = {},
): string | undefined {
  // Built by the analysis from the code's own configuration, not from catalog data.
  if (target.kind === "retry-policy") return target.markdown;
  const blocks = targetBlocks(catalog, target, { related: target.related, ...options, hover: true });
  return blocks && toMarkdown(capBlocks(blocks, explainQuery(target)));
}

/**
 * Terminal text for a query: a status number, an error code, an exception
 * class, a header name or an API name. Undefined when nothing is known.
 */
export function renderExplain(
  catalog: Catalog,
  query: string,
  options: RenderOptions = {},
): string | undefined {
  const docs = explainBlocks(catalog, query.trim(), options);
  if (docs.length === 0) return undefined;
  return docs.map(toPlainText).join("\n" + "-".repeat(60) + "\n\n");
}

/** The documents for an `explain` query (one per kind of thing it names). */
export function explainBlocks(catalog: Catalog, query: string, options: RenderOptions = {}): Block[][] {
  const opts: Ctx = { ...options, hover: false };
  if (/^\d{3}$/.test(query)) {
    const blocks = statusBlocks(catalog, Number(query), opts);
    return blocks ? [blocks] : [];
  }
  const targets: HoverTarget[] = [
    { kind: "exception", name: query, start: 0, end: 0 },
    { kind: "error-code", code: query, start: 0, end: 0 },
    { kind: "header", name: query, start: 0, end: 0 },
  ];
  const docs = targets
    .map((t) => targetBlocks(catalog, t, opts))
    .filter((b): b is Block[] => b !== undefined);
  const api = catalog.api(query) ?? catalog.api(packApiName(catalog, query) ?? "");
  if (api) docs.push(apiBlocks(api));
  return docs;
}

interface Ctx extends RenderOptions {
  hover: boolean;
  /** The module the code imports the thing from: its API comes first. */
  module?: string;
}

function explainQuery(target: HoverTarget): string {
  switch (target.kind) {
    case "status":
      return String(target.status);
    case "error-code":
      return target.code;
    case "exception":
    case "header":
      return target.name;
    default:
      return "";
  }
}

/** The API of a pack id (`explain aws` finds "AWS", `explain microsoft-graph` finds "Microsoft Graph"). */
function packApiName(catalog: Catalog, query: string): string | undefined {
  const q = query.toLowerCase();
  return catalog.apiNames().find((n) => catalog.api(n)?.ref.pack?.id === q);
}

// ---------------------------------------------------------------------------
// API overview (explain only)

function apiBlocks(api: MergedApiView): Block[] {
  const blocks: Block[] = [
    { t: "para", v: [strong(text(api.ref.name)), text(" — error reference"), ...readNote(api.ref)] },
  ];
  if (api.envelope) {
    blocks.push({
      t: "para",
      v: [strong(text("Error envelope:")), text(" "), ...rich(api.envelope.description)],
    });
    if (api.envelope.example) blocks.push({ t: "codeblock", lang: "json", v: api.envelope.example });
  }
  if (api.ref.idempotency) {
    blocks.push({
      t: "para",
      v: [strong(text("Idempotency:")), text(" "), ...rich(api.ref.idempotency.description)],
    });
  }
  if (api.statuses.length > 0) {
    blocks.push({
      t: "para",
      v: [strong(text("Statuses:")), text(` ${api.statuses.map((s) => s.entry.status).join(", ")}`)],
    });
  }
  if (api.errorCodes.length > 0) {
    const codes = api.errorCodes.map(
      (c) => `${c.entry.code}${c.entry.status === undefined ? "" : ` (${c.entry.status})`}`,
    );
    blocks.push({
      t: "para",
      v: [strong(text(`Error codes (${codes.length}):`)), text(` ${codes.join(", ")}`)],
    });
  }
  if (api.exceptions.length > 0) {
    blocks.push({
      t: "para",
      v: [strong(text("SDK exceptions:")), text(` ${api.exceptions.map((e) => e.entry.name).join(", ")}`)],
    });
  }
  if (api.headers.length > 0) {
    blocks.push({
      t: "para",
      v: [strong(text("Headers:")), text(` ${api.headers.map((h) => h.entry.name).join(", ")}`)],
    });
  }
  if (api.rateLimits.length > 0)
    blocks.push({
      t: "para",
      v: [strong(text("Rate limits:")), text(` ${api.rateLimits.map(rateLimitText).join("; ")}.`)],
    });
  if (api.retry) {
    const notes = [...(api.retry.retryAfter ? [api.retry.retryAfter] : []), ...(api.retry.notes ?? [])];
    blocks.push({
      t: "para",
      v: [
        strong(text("Retry:")),
        text(` statuses ${(api.retry.statuses ?? []).join(", ") || "not stated"}.`),
        ...retryGuidanceText(api.retry).slice(2),
      ],
    });
    if (notes.length > 0) blocks.push({ t: "list", items: notes.map(rich) });
  }
  if (api.sdkRetry) blocks.push({ t: "para", v: sdkRetryText(api.sdkRetry) });
  blocks.push({ t: "links", v: apiLinks(api.ref) });
  return blocks;
}

function readNote(ref: ApiRef): Inline[] {
  return ref.pack?.read ? [text(` (documentation read ${ref.pack.read})`)] : [];
}

function targetBlocks(catalog: Catalog, target: HoverTarget, ctx: Ctx): Block[] | undefined {
  switch (target.kind) {
    case "status":
      return statusBlocks(catalog, target.status, ctx);
    case "error-code": {
      const view = catalog.errorCode(target.code);
      return view && errorCodeBlocks(catalog, view, ctx);
    }
    case "exception": {
      const view = catalog.exception(target.name);
      return view && exceptionBlocks(catalog, view, { ...ctx, module: target.module });
    }
    case "header": {
      const view = catalog.header(target.name);
      return view && headerBlocks(view, ctx);
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------
// Which APIs a hover speaks about

/** Whether an API's entries belong in the document: always in `explain`; in a hover only for related APIs. */
function shown(api: ApiRef, ctx: Ctx): boolean {
  if (!ctx.hover || ctx.related === undefined) return true;
  return isRelated(api, ctx);
}

function isRelated(api: ApiRef, ctx: Ctx): boolean {
  const name = api.name.toLowerCase();
  return ctx.related?.some((r) => r.toLowerCase() === name) ?? false;
}

/** Definitions of the API the code imports from first, then those of related APIs (stable otherwise). */
function relatedFirst<T extends { api?: ApiRef }>(defs: readonly T[], ctx: Ctx): T[] {
  const root = ctx.module?.split(/[./]/)[0];
  const fromModule = defs.filter(
    (d) => root !== undefined && d.api?.relatedTo?.imports?.some((i) => i.split(/[./]/)[0] === root),
  );
  const rel = defs.filter((d) => !fromModule.includes(d) && d.api && isRelated(d.api, ctx));
  return [...fromModule, ...rel, ...defs.filter((d) => !fromModule.includes(d) && !rel.includes(d))];
}

// ---------------------------------------------------------------------------
// Status

function statusBlocks(catalog: Catalog, status: number, ctx: Ctx): Block[] | undefined {
  const view = catalog.status(status);
  if (!view) return genericStatusBlocks(status, ctx);
  const blocks: Block[] = [
    {
      t: "para",
      v: [strong(text(statusTitle(view))), text(` — ${retryLabel(view.retry, status)}`)],
    },
  ];
  const meaning = view.standard?.entry.meaning;
  if (meaning) blocks.push({ t: "para", v: rich(meaning) });
  const advice = view.standard?.entry.advice;
  if (advice) blocks.push({ t: "para", v: [strong(text("What to do:")), text(" "), ...rich(advice)] });
  const apis = view.apis.filter((a) => !a.api.convention);
  const shownApis = apis.filter((a) => shown(a.api, ctx));
  const hidden = apis.length - shownApis.length;
  const items = shownApis.map((a) => apiStatusItem(a, status, ctx));
  if (ctx.hover && items.length > HOVER_ITEMS) {
    const rest = items.length - HOVER_ITEMS;
    items.splice(HOVER_ITEMS);
    items.push([text(`… and ${rest} more API${rest === 1 ? "" : "s"}.`)]);
  }
  if (items.length > 0) blocks.push({ t: "list", items });
  if (ctx.hover && hidden > 0) {
    blocks.push({
      t: "para",
      v: [
        text(`${hidden} other API${hidden === 1 ? "" : "s"} document ${status}: `),
        code(`api-error-insight explain ${status}`),
        text("."),
      ],
    });
  }
  blocks.push(linksBlock(view.standard?.entry.references ?? [], rulesForStatus(status), ctx));
  return blocks;
}

function genericStatusBlocks(status: number, ctx: Ctx): Block[] | undefined {
  if (status < 100 || status > 599) return undefined;
  const retry = retryClassOfRange(status);
  const range = `${Math.floor(status / 100)}xx`;
  return [
    {
      t: "para",
      v: [strong(text(String(status))), text(` — ${range} status; ${retryLabel(retry, status)}`)],
    },
    linksBlock(
      [{ title: "RFC 9110 §15", url: "https://www.rfc-editor.org/rfc/rfc9110#section-15" }],
      rulesForStatus(status),
      ctx,
    ),
  ];
}

function apiStatusItem(view: ApiStatusView, status: number, ctx: Ctx): Inline[] {
  const out: Inline[] = [strong(text(view.api.name))];
  const note = view.note?.entry;
  if (note?.when) out.push(text(": "), ...rich(note.when));
  if (note?.fix) out.push(text(" "), ...rich(note.fix));
  // Codes of this status whose own guidance differs from the status's are named as exceptions to it.
  const codes = view.codes.slice(0, ctx.hover ? 4 : 50);
  if (codes.length > 0) {
    out.push(text(note ? " Codes: " : ": codes "));
    out.push(
      ...join(
        codes.map((c) => {
          const retry = c.entry.retry;
          const differs = retry && retry !== "not-documented" && !sameVerdict(retry, status);
          return differs
            ? [code(c.entry.code), text(` (${entryRetryLabel(retry, c.entry.status ?? status)})`)]
            : [code(c.entry.code)];
        }),
        ", ",
      ),
    );
    if (view.codes.length > codes.length) out.push(text(` and ${view.codes.length - codes.length} more`));
    out.push(text("."));
  }
  if (view.exceptions.length > 0 && !ctx.hover) {
    out.push(
      text(" SDK: "),
      ...join(
        view.exceptions.map((e) => [code(e.entry.name)]),
        ", ",
      ),
      text("."),
    );
  }
  if (view.rateLimits.length > 0)
    out.push(text(" Limits: "), text(view.rateLimits.map(rateLimitText).join("; ") + "."));
  if (view.retry) out.push(...retryGuidanceText(view.retry));
  if (view.sdkRetry) out.push(text(" "), ...sdkRetryText(view.sdkRetry));
  out.push(text(" "), ...sourceLink(view.api, view.note?.entry.url));
  return out;
}

/** Whether an entry's retry class says the same as the status's own class. */
function sameVerdict(retry: EntryRetry, status: number): boolean {
  const byStatus = retryClassOfRange(status);
  const transient = (r: string): boolean => r === "backoff" || r === "retry-after";
  return transient(retry) === transient(byStatus);
}

// ---------------------------------------------------------------------------
// Error code

function errorCodeBlocks(catalog: Catalog, view: ErrorCodeView, ctx: Ctx): Block[] {
  const defs = relatedFirst(view.definitions, ctx);
  const primary = defs[0]!;
  const title = codeTitle(catalog, primary);
  if (primary.entry.description) title.push(text(": "), ...rich(primary.entry.description));
  const blocks: Block[] = [{ t: "para", v: title }];
  if (primary.entry.fix)
    blocks.push({ t: "para", v: [strong(text("What to do:")), text(" "), ...rich(primary.entry.fix)] });
  if (
    primary.entry.status !== undefined &&
    isTransient(primary.entry.status) &&
    !entryTransient(catalog, primary)
  ) {
    blocks.push({
      t: "para",
      v: [
        strong(text("Not transient:")),
        text(` although it comes with ${primary.entry.status}, waiting and retrying will not make it pass.`),
      ],
    });
  }
  blocks.push({ t: "para", v: sourceLink(primary.api, primary.entry.url) });
  const others = defs.slice(1);
  if (others.length > 0) {
    if (ctx.hover) {
      blocks.push({
        t: "para",
        v: [
          text("Also in: "),
          ...join(
            others.slice(0, 6).map((d) => otherApi(catalog, d)),
            ", ",
          ),
          ...more(others.length, 6),
        ],
      });
    } else {
      blocks.push({ t: "list", items: others.map((d) => codeItem(catalog, d)) });
    }
  }
  const status = primary.entry.status;
  blocks.push(linksBlock([], status === undefined ? [] : rulesForStatus(status), ctx));
  return blocks;
}

/** "Stripe · `card_declined` · 402 — do not retry". */
function codeTitle(catalog: Catalog, def: ErrorCodeDefinition): Inline[] {
  const out: Inline[] = [strong(text(def.api.name)), text(" · "), code(def.entry.code)];
  if (def.entry.status !== undefined) out.push(text(` · ${def.entry.status}`));
  out.push(text(` — ${codeVerdict(catalog, def)}`));
  return out;
}

function codeVerdict(catalog: Catalog, def: ErrorCodeDefinition): string {
  const status = def.entry.status;
  const retry = def.entry.retry;
  if (retry && retry !== "not-documented") return entryRetryLabel(retry, status);
  if (def.entry.retryable === false) return "do not retry";
  const byStatus =
    status === undefined ? undefined : (catalog.status(status)?.retry ?? retryClassOfRange(status));
  const api = def.api.convention ? "the API" : def.api.name;
  if (retry === "not-documented" || def.api.pack)
    return byStatus
      ? `retry not documented by ${api}; by its status: ${retryLabel(byStatus, status!)}`
      : `retry not documented by ${api}`;
  return byStatus ? retryLabel(byStatus, status!) : "see the API's documentation";
}

function entryTransient(catalog: Catalog, def: ErrorCodeDefinition): boolean {
  const retry = def.entry.retry;
  if (retry === "backoff" || retry === "retry-after") return true;
  if (retry === "never" || retry === "after-fix" || def.entry.retryable === false) return false;
  return true;
}

function codeItem(catalog: Catalog, def: ErrorCodeDefinition): Inline[] {
  const out: Inline[] = [strong(text(def.api.name))];
  if (def.entry.status !== undefined) out.push(text(` (${def.entry.status})`));
  out.push(text(` — ${codeVerdict(catalog, def)}.`));
  const detail = definitionDetail(def.entry.description, def.entry.fix);
  if (detail.length > 0) out.push(text(" "), ...detail);
  out.push(text(" "), ...sourceLink(def.api, def.entry.url));
  return out;
}

function otherApi(catalog: Catalog, def: ErrorCodeDefinition): Inline[] {
  const status = def.entry.status === undefined ? "" : ` ${def.entry.status}`;
  return [strong(text(def.api.name)), text(`${status} (${codeVerdict(catalog, def)})`)];
}

function definitionDetail(description: string | undefined, fix: string | undefined): Inline[] {
  const out: Inline[] = [];
  if (description) out.push(...rich(description));
  if (fix)
    out.push(...(out.length > 0 ? [text(" ")] : []), strong(text("What to do:")), text(" "), ...rich(fix));
  return out;
}

// ---------------------------------------------------------------------------
// Exception class

function exceptionBlocks(catalog: Catalog, view: ExceptionView, ctx: Ctx): Block[] {
  const defs = relatedFirst(view.definitions, ctx);
  const primary = defs[0]!;
  const blocks: Block[] = [{ t: "para", v: exceptionTitle(catalog, primary) }];
  blocks.push({ t: "para", v: exceptionBody(primary) });
  if (primary.sdkRetry && exceptionStatuses(primary).some((s) => primary.sdkRetry!.statuses.includes(s)))
    blocks.push({ t: "para", v: sdkRetryText(primary.sdkRetry) });
  const source = primary.api ? sourceLink(primary.api, primary.entry.url) : conventionSource(primary);
  if (source.length > 0) blocks.push({ t: "para", v: source });
  const others = defs.slice(1);
  if (others.length > 0) {
    if (ctx.hover) {
      blocks.push({
        t: "para",
        v: [
          text("Also in: "),
          ...join(
            others.slice(0, 6).map((d) => [strong(text(familyName(d)))]),
            ", ",
          ),
          ...more(others.length, 6),
        ],
      });
    } else {
      blocks.push({ t: "list", items: others.map((d) => exceptionItem(d)) });
    }
  }
  const status = exceptionStatus(catalog, primary);
  blocks.push(linksBlock([], status === undefined ? [] : rulesForStatus(status), ctx));
  return blocks;
}

function familyName(def: ExceptionDefinition): string {
  return def.entry.sdk ?? def.family;
}

function exceptionStatuses(def: ExceptionDefinition): number[] {
  return def.entry.statuses ?? (def.entry.status === undefined ? [] : [def.entry.status]);
}

function exceptionStatus(catalog: Catalog, def: ExceptionDefinition): number | undefined {
  if (def.entry.kind === "rate-limit") return 429;
  return def.entry.status ?? def.entry.statuses?.[0];
}

/** "OpenAI · `RateLimitError` · 429 — retry after the server's wait". */
function exceptionTitle(catalog: Catalog, def: ExceptionDefinition): Inline[] {
  const out: Inline[] = [];
  if (def.api) out.push(strong(text(def.api.name)), text(" · "));
  out.push(code(def.entry.name));
  const statuses = exceptionStatuses(def);
  if (statuses.length > 0) out.push(text(` · ${statuses.join("/")}`));
  const retry = def.entry.retry;
  const status = exceptionStatus(catalog, def);
  if (retry && retry !== "not-documented") out.push(text(` — ${entryRetryLabel(retry, status)}`));
  else if (def.entry.retryable) out.push(text(" — retry with backoff"));
  else if (status !== undefined)
    out.push(text(` — ${retryLabel(catalog.status(status)?.retry ?? retryClassOfRange(status), status)}`));
  else out.push(text(" — branch on the status or code it carries"));
  return out;
}

function exceptionBody(def: ExceptionDefinition): Inline[] {
  const out: Inline[] = [];
  const family = familyName(def);
  const langs = def.entry.languages?.map(languageName).join(", ");
  out.push(text(def.entry.sdk ? `${family}: ` : `${family}${langs ? ` (${langs})` : ""}: `));
  out.push(
    ...join(
      [...def.ancestors, def.entry.name].map((n) => [code(n)]),
      " › ",
    ),
    text("."),
  );
  if (def.entry.description) out.push(text(" "), ...rich(def.entry.description));
  if (def.entry.fix) out.push(text(" "), strong(text("What to do:")), text(" "), ...rich(def.entry.fix));
  return out;
}

function exceptionItem(def: ExceptionDefinition): Inline[] {
  const out: Inline[] = [strong(text(familyName(def))), text(": "), ...exceptionBody(def).slice(1)];
  if (def.api) out.push(text(" "), ...sourceLink(def.api, def.entry.url));
  return out;
}

function conventionSource(def: ExceptionDefinition): Inline[] {
  return def.entry.url ? [link(`${familyName(def)} source`, def.entry.url)] : [];
}

// ---------------------------------------------------------------------------
// Header

function headerBlocks(view: HeaderView, ctx: Ctx): Block[] {
  const entry = view.standard?.entry;
  const apis = relatedFirst(view.apis, ctx);
  const shownApis = apis.filter((a) => shown(a.api, ctx));
  const first = shownApis[0];
  const title: Inline[] = [strong(text(view.name)), text(` — ${headerKind(view.name)}`)];
  if (!entry && first) title.push(text(` (${first.api.name})`));
  const blocks: Block[] = [{ t: "para", v: title }];
  if (entry?.description) blocks.push({ t: "para", v: rich(entry.description) });
  const limit = ctx.hover ? HOVER_ITEMS : shownApis.length;
  if (shownApis.length > 0) {
    blocks.push({
      t: "list",
      items: shownApis
        .slice(0, limit)
        .map(({ api, note }) => [
          strong(text(api.name)),
          text(": "),
          ...rich(note.entry.description),
          text(" "),
          ...sourceLink(api, note.entry.url),
        ]),
    });
  }
  const hidden = apis.filter((a) => !shownApis.slice(0, limit).includes(a));
  if (hidden.length > 0) {
    blocks.push({
      t: "para",
      v: [
        text("Also documented by: "),
        ...join(
          hidden.slice(0, 8).map((a) => [text(a.api.name)]),
          ", ",
        ),
        ...more(hidden.length, 8),
      ],
    });
  }
  if (entry?.usage)
    blocks.push({ t: "para", v: [strong(text("How to use:")), text(" "), ...rich(entry.usage)] });
  if (entry?.example) blocks.push({ t: "para", v: [text("Example: "), code(entry.example)] });
  blocks.push(linksBlock(entry?.references ?? [], rulesForHeader(view.name), ctx));
  return blocks;
}

function headerKind(name: string): string {
  const n = name.toLowerCase();
  if (n.includes("idempotency") || (n.endsWith("request-id") && n.startsWith("paypal")))
    return "idempotency header";
  if (/retry-after/.test(n)) return "how long to wait before retrying";
  if (n.includes("reset")) return "when the rate limit resets";
  if (n.includes("ratelimit") || n.includes("rate-limit")) return "rate-limit header";
  return "HTTP header";
}

// ---------------------------------------------------------------------------
// Shared pieces

function statusTitle(view: StatusView): string {
  const name = view.standard?.entry.name;
  return name ? `${view.status} ${name}` : String(view.status);
}

/** The header-line verdict for a retry class. */
export function retryLabel(retry: RetryClass, status: number): string {
  switch (retry) {
    case "never":
      return status < 400 ? "success, nothing to retry" : "do not retry";
    case "after-fix":
      return status === 401 || status === 403
        ? "do not retry until the credentials are fixed"
        : "do not retry until the request is fixed";
    case "backoff":
      return "retry with backoff";
    case "retry-after":
      return "retry after the server's wait (Retry-After), else back off";
  }
}

/** The verdict for an API entry's own retry class. */
function entryRetryLabel(retry: EntryRetry, status: number | undefined): string {
  switch (retry) {
    case "never":
      return "do not retry";
    case "after-fix":
      return status === 401 || status === 403
        ? "do not retry until the credentials are fixed"
        : "do not retry";
    case "backoff":
      return "retry with backoff";
    case "retry-after":
      return "retry after the server's wait";
    case "not-documented":
      return "retry not documented";
  }
}

function isTransient(status: number): boolean {
  return status === 429 || status >= 500;
}

/** The rules whose documentation a status hover links to. */
export function rulesForStatus(status: number): string[] {
  if (status === 401 || status === 403) return ["retry-on-auth-error"];
  if (status === 429) return ["unhandled-rate-limit", "ignores-retry-after"];
  if (status === 503) return ["unhandled-server-error", "ignores-retry-after"];
  if (status >= 500) return ["unhandled-server-error"];
  if (status >= 400 && status !== 408 && status !== 425) return ["retry-on-client-error"];
  return [];
}

function rulesForHeader(name: string): string[] {
  const n = name.toLowerCase();
  if (/retry-after/.test(n)) return ["ignores-retry-after"];
  if (n.includes("idempotency")) return ["retry-without-idempotency-key"];
  if (n.includes("reset") || n === "ratelimit") return ["ignores-retry-after"];
  return [];
}

function linksBlock(references: readonly Reference[], rules: readonly string[], ctx: RenderOptions): Block {
  const base = ctx.ruleDocsBase ?? DEFAULT_RULE_DOCS;
  const links: Inline[] = [
    ...references.filter((r) => r.url).map((r) => link(r.title, r.url!)),
    ...rules.map((id) => link(`rule ${id}`, `${base}${id}.md`, true)),
  ];
  return {
    t: "links",
    v: join(
      links.map((l) => [l]),
      " · ",
    ),
  };
}

/** The API's name linked to the page an entry came from (or the API's docs); a plain name when there is no link. */
function sourceLink(api: ApiRef, url: string | undefined): Inline[] {
  const target = url ?? api.docsUrl;
  if (api.user && !api.pack) return [text(`(${api.name}, from your catalog)`)];
  // The built-in references the product started from are named, not linked.
  if (!api.pack || !target) return [text(`(${api.name} error reference)`)];
  return [link(`${api.name} docs`, target)];
}

function apiLinks(api: ApiRef): Inline[] {
  return api.docsUrl ? [link(`${api.name} documentation`, api.docsUrl)] : [];
}

function more(total: number, shownCount: number): Inline[] {
  return total > shownCount ? [text(` and ${total - shownCount} more`)] : [];
}

function rateLimitText(r: { scope: string; limit: number; window: string; algorithm?: string }): string {
  return `${r.limit} requests per ${r.window} (${r.scope}${r.algorithm ? `, ${r.algorithm}` : ""})`;
}

function retryGuidanceText(retry: RetryGuidance): Inline[] {
  const parts: string[] = [];
  if (retry.formula) parts.push(retry.formula);
  if (retry.backoffStartSeconds !== undefined) parts.push(`backoff from ${retry.backoffStartSeconds} s`);
  if (retry.backoffMaxSeconds !== undefined) parts.push(`up to ${retry.backoffMaxSeconds} s`);
  if (retry.maxAttempts !== undefined) parts.push(`at most ${retry.maxAttempts} attempts`);
  return parts.length === 0 ? [] : [text(" "), strong(text("Retry:")), text(` ${parts.join(", ")}.`)];
}

function sdkRetryText(sdk: SdkRetry): Inline[] {
  const opts = (sdk.options ?? [])
    .map((o) => [o.retries, o.statuses].filter(Boolean).join("/"))
    .filter((s) => s.length > 0);
  const out: Inline[] = [
    strong(text("SDK default:")),
    text(` retries ${sdk.statuses.join(", ")} up to ${sdk.maxRetries} times`),
    ...(sdk.backoff ? [text(", "), ...rich(sdk.backoff)] : []),
  ];
  if (opts.length > 0)
    out.push(
      text(" (turn off: "),
      ...join(
        opts.map((o) => [code(o)]),
        ", ",
      ),
      text(")"),
    );
  out.push(text("."));
  return out;
}

function languageName(lang: string): string {
  return lang === "node" ? "Node" : lang === "python" ? "Python" : lang;
}

/** Text where `backticked` parts become code spans. */
function rich(value: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`/g;
  let last = 0;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    if (m.index > last) out.push(text(value.slice(last, m.index)));
    out.push(code(m[1]!));
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push(text(value.slice(last)));
  return out;
}

function join(items: readonly Inline[][], sep: string): Inline[] {
  return items.flatMap((item, i) => (i === 0 ? item : [text(sep), ...item]));
}

/**
 * Caps a hover: blocks are kept while the Markdown stays under the limit
 * (the first line always stays); what is cut is replaced by a pointer to `explain`.
 */
function capBlocks(blocks: Block[], query: string): Block[] {
  const links = blocks[blocks.length - 1]?.t === "links" ? blocks[blocks.length - 1]! : undefined;
  const body = links ? blocks.slice(0, -1) : blocks;
  const kept: Block[] = [];
  let size = links ? toMarkdown([links]).length : 0;
  let cut = false;
  for (const [i, block] of body.entries()) {
    const n = toMarkdown([block]).length + 2;
    if (i > 0 && size + n > HOVER_MAX_CHARS) {
      cut = true;
      break;
    }
    kept.push(block);
    size += n;
  }
  if (cut && query) kept.push({ t: "para", v: [text("More: "), code(`api-error-insight explain ${query}`)] });
  return links ? [...kept, links] : kept;
}
