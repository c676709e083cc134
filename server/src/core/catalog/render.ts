/**
 * Builds hover / explain documents from catalog views: a header line, the
 * per-API notes, how to fix, then links (RFC, rule docs). The same document
 * renders as Markdown for hovers and as plain text for the CLI.
 */
import type { HoverTarget } from "../hover-target";
import { DOCS_BASE_URL } from "../rules/define";
import type {
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
import { code, em, link, strong, text, toMarkdown, toPlainText, type Block, type Inline } from "./doc";
import type { Reference, RetryClass, RetryGuidance, SdkRetry } from "./types";

/** Rendering options. */
export interface RenderOptions {
  /** Where rule documentation lives; `<id>.md` is appended. Default: the project's `docs/rules/` on the web. */
  ruleDocsBase?: string;
}

const DEFAULT_RULE_DOCS = DOCS_BASE_URL;

/** Hover Markdown for a target; undefined when nothing is known about it. */
export function renderHover(
  catalog: Catalog,
  target: HoverTarget,
  options: RenderOptions = {},
): string | undefined {
  // Built by the analysis from the code's own configuration, not from catalog data.
  if (target.kind === "retry-policy") return target.markdown;
  const blocks = targetBlocks(catalog, target, options);
  return blocks && toMarkdown(blocks);
}

/**
 * Terminal text for a query: a status number, an error code, an exception
 * class or a header name. Undefined when nothing is known.
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
  if (/^\d{3}$/.test(query)) {
    const blocks = statusBlocks(catalog, Number(query), options);
    return blocks ? [blocks] : [];
  }
  const targets: HoverTarget[] = [
    { kind: "exception", name: query, start: 0, end: 0 },
    { kind: "error-code", code: query, start: 0, end: 0 },
    { kind: "header", name: query, start: 0, end: 0 },
  ];
  const docs = targets
    .map((t) => targetBlocks(catalog, t, options))
    .filter((b): b is Block[] => b !== undefined);
  const api = catalog.api(query);
  if (api) docs.push(apiBlocks(api));
  return docs;
}

// ---------------------------------------------------------------------------
// API overview (explain only)

function apiBlocks(api: MergedApiView): Block[] {
  const blocks: Block[] = [
    { t: "para", v: [strong(text(api.ref.name)), text(" — error reference, "), sourceNote(api.ref.sources)] },
  ];
  if (api.envelope) {
    blocks.push({
      t: "para",
      v: [strong(text("Error envelope:")), text(" "), ...rich(api.envelope.description)],
    });
    if (api.envelope.example) blocks.push({ t: "codeblock", lang: "json", v: api.envelope.example });
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
    blocks.push({ t: "para", v: [strong(text("Error codes:")), text(` ${codes.join(", ")}`)] });
  }
  if (api.exceptions.length > 0) {
    blocks.push({
      t: "para",
      v: [strong(text("SDK exceptions:")), text(` ${api.exceptions.map((e) => e.entry.name).join(", ")}`)],
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
  return blocks;
}

function targetBlocks(catalog: Catalog, target: HoverTarget, options: RenderOptions): Block[] | undefined {
  switch (target.kind) {
    case "status":
      return statusBlocks(catalog, target.status, options);
    case "error-code": {
      const view = catalog.errorCode(target.code);
      return view && errorCodeBlocks(catalog, view, options);
    }
    case "exception": {
      const view = catalog.exception(target.name);
      return view && exceptionBlocks(catalog, view, options);
    }
    case "header": {
      const view = catalog.header(target.name);
      return view && headerBlocks(view, options);
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------
// Status

function statusBlocks(catalog: Catalog, status: number, options: RenderOptions): Block[] | undefined {
  const view = catalog.status(status);
  if (!view) return genericStatusBlocks(status, options);
  const blocks: Block[] = [
    { t: "para", v: [strong(text(statusTitle(view))), text(` — ${retryLabel(view.retry, status)}`)] },
  ];
  const meaning = view.standard?.entry.meaning;
  if (meaning) blocks.push({ t: "para", v: rich(meaning) });
  if (view.apis.length > 0) blocks.push({ t: "list", items: view.apis.map(apiStatusItem) });
  const advice = view.standard?.entry.advice;
  if (advice) blocks.push({ t: "para", v: [strong(text("How to fix:")), text(" "), ...rich(advice)] });
  blocks.push(linksBlock(view.standard?.entry.references ?? [], rulesForStatus(status), options));
  return blocks;
}

function genericStatusBlocks(status: number, options: RenderOptions): Block[] | undefined {
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
      options,
    ),
  ];
}

function apiStatusItem(view: ApiStatusView): Inline[] {
  const out: Inline[] = [strong(text(view.api.name))];
  const names = [...view.codes.map((c) => c.entry.code), ...view.exceptions.map((e) => e.entry.name)];
  if (names.length > 0) out.push(text(" ("), ...join(names.map(code), ", "), text(")"));
  out.push(text(":"));
  const note = view.note?.entry;
  if (note?.when) out.push(text(" "), ...rich(note.when));
  if (note?.fix) out.push(text(" "), strong(text("Fix:")), text(" "), ...rich(note.fix));
  const only = view.codes.length === 1 ? view.codes[0]!.entry : undefined;
  if (!note && only?.description) out.push(text(" "), ...rich(only.description));
  if (!note?.fix && only?.fix) out.push(text(" "), strong(text("Fix:")), text(" "), ...rich(only.fix));
  if (view.rateLimits.length > 0)
    out.push(text(" Limits: "), text(view.rateLimits.map(rateLimitText).join("; ") + "."));
  if (view.retry) out.push(...retryGuidanceText(view.retry));
  if (view.sdkRetry) out.push(text(" "), ...sdkRetryText(view.sdkRetry));
  out.push(text(" "), sourceNote(view.note?.sources ?? view.api.sources));
  return out;
}

// ---------------------------------------------------------------------------
// Error code

function errorCodeBlocks(catalog: Catalog, view: ErrorCodeView, options: RenderOptions): Block[] {
  const status = catalog.errorCodeStatus(view.code);
  const statusView = status === undefined ? undefined : catalog.status(status);
  const nonRetryable = catalog.isNonRetryableCode(view.code);
  const title: Inline[] = [strong(code(view.code))];
  if (status !== undefined) {
    const retry = nonRetryable ? "never" : (statusView?.retry ?? retryClassOfRange(status));
    title.push(text(` — ${statusView ? statusTitle(statusView) : status} · ${retryLabel(retry, status)}`));
  }
  const blocks: Block[] = [
    { t: "para", v: title },
    { t: "list", items: view.definitions.map(codeItem) },
  ];
  if (nonRetryable && status !== undefined && isTransient(status)) {
    blocks.push({
      t: "para",
      v: [
        strong(text("Not transient:")),
        text(` although it comes with ${status}, waiting and retrying will not make it pass.`),
      ],
    });
  }
  const advice = statusView?.standard?.entry.advice;
  if (advice) blocks.push({ t: "para", v: [strong(text("How to fix:")), text(" "), ...rich(advice)] });
  const rules = status === undefined ? [] : rulesForStatus(status);
  blocks.push(linksBlock(statusView?.standard?.entry.references ?? [], rules, options));
  return blocks;
}

function codeItem(def: ErrorCodeDefinition): Inline[] {
  const out: Inline[] = [strong(text(def.api.name))];
  if (def.entry.status !== undefined) out.push(text(` (${def.entry.status})`));
  out.push(text(":"));
  if (def.entry.description) out.push(text(" "), ...rich(def.entry.description));
  if (def.entry.fix) out.push(text(" "), strong(text("Fix:")), text(" "), ...rich(def.entry.fix));
  out.push(text(" "), sourceNote(def.sources));
  return out;
}

// ---------------------------------------------------------------------------
// Exception class

function exceptionBlocks(catalog: Catalog, view: ExceptionView, options: RenderOptions): Block[] {
  const status = catalog.exceptionClassStatus(view.name);
  const statusView = status === undefined ? undefined : catalog.status(status);
  const title: Inline[] = [strong(code(view.name))];
  if (status !== undefined) {
    title.push(
      text(
        ` — ${statusView ? statusTitle(statusView) : status} · ${retryLabel(statusView?.retry ?? retryClassOfRange(status), status)}`,
      ),
    );
  } else if (view.definitions.some((d) => d.entry.retryable)) {
    title.push(text(" — not an HTTP status · retry with backoff"));
  }
  const blocks: Block[] = [
    { t: "para", v: title },
    { t: "list", items: view.definitions.map(exceptionItem) },
  ];
  const advice = statusView?.standard?.entry.advice;
  if (advice) blocks.push({ t: "para", v: [strong(text("How to fix:")), text(" "), ...rich(advice)] });
  const rules = status === undefined ? [] : rulesForStatus(status);
  blocks.push(linksBlock(statusView?.standard?.entry.references ?? [], rules, options));
  return blocks;
}

function exceptionItem(def: ExceptionDefinition): Inline[] {
  const out: Inline[] = [strong(text(def.family))];
  const langs = def.entry.languages?.map(languageName).join(", ");
  if (langs) out.push(text(` (${langs})`));
  out.push(text(": "));
  out.push(...join([...def.ancestors, def.entry.name].map(code), " › "));
  const statuses = def.entry.statuses ?? (def.entry.status === undefined ? [] : [def.entry.status]);
  const described = def.entry.description?.startsWith(String(statuses[0]));
  out.push(text(statuses.length > 0 && !described ? ` — ${statuses.join("/")}.` : "."));
  if (def.entry.description) out.push(text(" "), ...rich(def.entry.description));
  if (def.entry.fix) out.push(text(" "), strong(text("Fix:")), text(" "), ...rich(def.entry.fix));
  if (def.sdkRetry && statuses.some((s) => def.sdkRetry!.statuses.includes(s)))
    out.push(text(" "), ...sdkRetryText(def.sdkRetry));
  out.push(text(" "), sourceNote(def.sources));
  return out;
}

// ---------------------------------------------------------------------------
// Header

function headerBlocks(view: HeaderView, options: RenderOptions): Block[] {
  const entry = view.standard?.entry;
  const blocks: Block[] = [{ t: "para", v: [strong(text(view.name)), text(` — ${headerKind(view.name)}`)] }];
  if (entry?.description) blocks.push({ t: "para", v: rich(entry.description) });
  if (view.apis.length > 0) {
    blocks.push({
      t: "list",
      items: view.apis.map(({ api, note }) => [
        strong(text(api.name)),
        text(": "),
        ...rich(note.entry.description),
        text(" "),
        sourceNote(note.sources),
      ]),
    });
  }
  if (entry?.usage)
    blocks.push({ t: "para", v: [strong(text("How to use:")), text(" "), ...rich(entry.usage)] });
  if (entry?.example) blocks.push({ t: "para", v: [text("Example: "), code(entry.example)] });
  blocks.push(linksBlock(entry?.references ?? [], rulesForHeader(view.name), options));
  return blocks;
}

function headerKind(name: string): string {
  const n = name.toLowerCase();
  if (n.includes("idempotency")) return "idempotency header";
  if (n === "retry-after") return "how long to wait before retrying";
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
      return "retry with backoff, honour Retry-After";
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
  if (n === "retry-after") return ["ignores-retry-after"];
  if (n.includes("idempotency")) return ["retry-without-idempotency-key"];
  if (n.includes("reset") || n === "ratelimit") return ["ignores-retry-after"];
  return [];
}

function linksBlock(
  references: readonly Reference[],
  rules: readonly string[],
  options: RenderOptions,
): Block {
  const base = options.ruleDocsBase ?? DEFAULT_RULE_DOCS;
  const links: Inline[] = [
    ...references.filter((r) => r.url).map((r) => link(r.title, r.url!)),
    ...rules.map((id) => link(`rule ${id}`, `${base}${id}.md`, true)),
  ];
  return { t: "links", v: join(links, " · ") };
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
    text(
      ` retries ${sdk.statuses.join(", ")} up to ${sdk.maxRetries} times${sdk.backoff ? `, ${sdk.backoff}` : ""}`,
    ),
  ];
  if (opts.length > 0) out.push(text(" (options "), ...join(opts.map(code), ", "), text(")"));
  out.push(text("."));
  return out;
}

function sourceNote(sources: readonly string[]): Inline {
  return em(text(`source: ${sources.join(", ")}`));
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

function join(items: readonly Inline[], sep: string): Inline[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [text(sep), item]));
}
