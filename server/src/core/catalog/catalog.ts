// Over 400 lines: the layered catalog and its lookups (statuses, codes, classes, headers, packs) are one immutable value.
/**
 * The error knowledge catalog: built-in layers plus user catalogs and imported
 * OpenAPI documents layered over them (later layers win). Immutable; lookups
 * return views that carry the attribution of every entry.
 */
import { builtinLayers, type PackSelection } from "./builtin";
import type {
  ApiEntry,
  EntryKind,
  ApiHeaderEntry,
  ApiStatusEntry,
  CatalogLayer,
  ErrorCodeEntry,
  ExceptionEntry,
  HeaderEntry,
  LayerOrigin,
  RateLimitEntry,
  RelatedTo,
  RetryClass,
  RetryGuidance,
  SdkRetry,
  StatusEntry,
} from "./types";

/** An API as the views show it. */
export interface ApiRef {
  name: string;
  /** Where its knowledge comes from: reference file names or catalog paths (never shown to users). */
  sources: string[];
  docsUrl?: string;
  /** true for the common-SDK-convention pseudo API. */
  convention: boolean;
  /** The built-in knowledge pack it comes from, with the date its documentation was read. */
  pack?: { id: string; read?: string };
  /** true when a user catalog or OpenAPI document describes it: the workspace relates to it. */
  user: boolean;
  relatedTo?: RelatedTo;
  idempotency?: ApiEntry["idempotency"];
}

/** What a source file shows about the APIs it calls: the modules it imports and the hosts of its literal URLs. */
export interface FileSignals {
  modules: readonly string[];
  hosts: readonly string[];
}

/** An entry with the sources it was merged from. */
export interface Sourced<T> {
  entry: T;
  sources: string[];
  /** 0 for built-in data, 1.. for user layers (higher wins). */
  rank: number;
}

/** What one API says about a status. */
export interface ApiStatusView {
  api: ApiRef;
  note?: Sourced<ApiStatusEntry>;
  codes: Sourced<ErrorCodeEntry>[];
  exceptions: Sourced<ExceptionEntry>[];
  rateLimits: RateLimitEntry[];
  retry?: RetryGuidance;
  sdkRetry?: SdkRetry;
}

/** Everything known about a status. */
export interface StatusView {
  status: number;
  standard?: Sourced<StatusEntry>;
  retry: RetryClass;
  apis: ApiStatusView[];
}

/** One API's definition of an error code. */
export interface ErrorCodeDefinition extends Sourced<ErrorCodeEntry> {
  api: ApiRef;
}

/** Everything known about an error code, highest-ranked definitions first. */
export interface ErrorCodeView {
  code: string;
  definitions: ErrorCodeDefinition[];
}

/** One definition of an exception class. */
export interface ExceptionDefinition extends Sourced<ExceptionEntry> {
  /** The API whose SDK defines it; undefined for library conventions. */
  api?: ApiRef;
  /** The family it belongs to: the API's SDK or the convention name. */
  family: string;
  /** Base classes, root first (without the class itself). */
  ancestors: string[];
  sdkRetry?: SdkRetry;
}

/** Everything known about an exception class, highest-ranked definitions first. */
export interface ExceptionView {
  name: string;
  definitions: ExceptionDefinition[];
}

/** Everything known about a header. */
export interface HeaderView {
  name: string;
  standard?: Sourced<HeaderEntry>;
  apis: { api: ApiRef; note: Sourced<ApiHeaderEntry> }[];
}

interface MergedApi {
  ref: ApiRef;
  envelope?: ApiEntry["envelope"];
  statuses: Map<number, Sourced<ApiStatusEntry>>;
  errorCodes: Map<string, Sourced<ErrorCodeEntry>>;
  exceptions: Map<string, Sourced<ExceptionEntry>>;
  headers: Map<string, Sourced<ApiHeaderEntry>>;
  rateLimits: RateLimitEntry[];
  retry?: RetryGuidance;
  sdkRetry?: SdkRetry;
}

interface TopException extends Sourced<ExceptionEntry> {
  family: string;
}

/** The merged state of all layers. */
interface Index {
  statuses: Map<number, Sourced<StatusEntry>>;
  headers: Map<string, Sourced<HeaderEntry>>;
  apis: Map<string, MergedApi>;
  exceptions: Map<string, TopException>;
}

const CONVENTION = "common SDK convention";

/**
 * Entries kept per memo of looked-up codes and classes: the strings come from
 * the source text as it is typed, so the memo is emptied when it is full.
 */
export const MAX_MEMO_ENTRIES = 5_000;
/** Scoped views kept per catalog (one per set of related APIs, which follows the imports typed). */
export const MAX_SCOPES = 200;

/** The error knowledge catalog (immutable). */
export class Catalog {
  private static readonly cached = new Map<string, Catalog>();
  private built: Index | undefined;
  private readonly codeStatuses = new Map<string, number | undefined>();
  private readonly classStatuses = new Map<string, number | undefined>();
  private readonly scopes = new Map<string, ScopedKnowledge>();

  private constructor(readonly layers: readonly CatalogLayer[]) {}

  /** The merged layers, indexed on first use (the packs cost nothing until a lookup needs them). */
  private get index(): Index {
    this.built ??= buildIndex(this.layers);
    return this.built;
  }

  /**
   * The built-in catalog (created once per pack selection): `true` (default)
   * with every knowledge pack, `false` with none, or the ids of the packs to keep.
   */
  static builtin(packs: PackSelection = true): Catalog {
    const key = packs === true ? "*" : packs === false ? "" : [...packs].sort().join(",");
    let catalog = Catalog.cached.get(key);
    if (!catalog) {
      catalog = new Catalog(builtinLayers(packs));
      Catalog.cached.set(key, catalog);
    }
    return catalog;
  }

  /** A new catalog with `layers` over this one; later layers win. */
  withLayers(layers: readonly CatalogLayer[]): Catalog {
    return layers.length === 0 ? this : new Catalog([...this.layers, ...layers]);
  }

  /** The names of the APIs in the catalog, in layering order. */
  apiNames(): string[] {
    return [...this.index.apis.values()].map((a) => a.ref.name);
  }

  /** What one API documents, by name (case-insensitive). */
  api(name: string): Readonly<MergedApiView> | undefined {
    const api = this.index.apis.get(name.toLowerCase());
    return api && toApiView(api);
  }

  /** Everything known about an HTTP status; undefined when nothing is. */
  status(status: number): StatusView | undefined {
    const standard = this.index.statuses.get(status);
    const apis = [...this.index.apis.values()].map((a) => apiStatusView(a, status)).filter(isDefined);
    if (!standard && apis.length === 0) return undefined;
    return { status, standard, retry: standard?.entry.retry ?? retryClassOfRange(status), apis };
  }

  /** Every API's definition of an error code (exact, then case-insensitive). */
  errorCode(code: string): ErrorCodeView | undefined {
    let definitions = this.codeDefinitions((c) => c === code);
    if (definitions.length === 0)
      definitions = this.codeDefinitions((c) => c.toLowerCase() === code.toLowerCase());
    return definitions.length === 0 ? undefined : { code: definitions[0]!.entry.code, definitions };
  }

  /** Every definition of an exception class; a dotted name (`openai.RateLimitError`) uses its last part. */
  exception(name: string): ExceptionView | undefined {
    const simple = name.split(".").pop() ?? name;
    const definitions: ExceptionDefinition[] = [];
    for (const api of this.index.apis.values()) {
      const found = api.exceptions.get(simple);
      if (found) definitions.push(apiExceptionDefinition(api, found));
    }
    for (const top of this.index.exceptions.values()) {
      if (top.entry.name === simple) definitions.push(topExceptionDefinition(this.index, top));
    }
    return definitions.length === 0 ? undefined : { name: simple, definitions: byRank(definitions) };
  }

  /** Everything known about a header (case-insensitive). */
  header(name: string): HeaderView | undefined {
    const key = name.trim().toLowerCase();
    const standard = this.index.headers.get(key);
    const apis = [...this.index.apis.values()].flatMap((a) => {
      const note = a.headers.get(key);
      return note ? [{ api: a.ref, note }] : [];
    });
    if (!standard && apis.length === 0) return undefined;
    return { name: standard?.entry.name ?? apis[0]!.note.entry.name, standard, apis };
  }

  /**
   * The status an error code stands for (highest-ranked definition with a
   * status or a kind): a rate-limit code sent with 400 (AWS `ThrottlingException`)
   * stands for 429.
   */
  errorCodeStatus(code: string): number | undefined {
    if (!this.codeStatuses.has(code)) {
      if (this.codeStatuses.size >= MAX_MEMO_ENTRIES) this.codeStatuses.clear();
      this.codeStatuses.set(code, this.codeStatusIn(code, undefined));
    }
    return this.codeStatuses.get(code);
  }

  /** The status an exception class stands for (`RateLimitError` -> 429; a throttling class -> 429). */
  exceptionClassStatus(name: string): number | undefined {
    if (!this.classStatuses.has(name)) {
      if (this.classStatuses.size >= MAX_MEMO_ENTRIES) this.classStatuses.clear();
      this.classStatuses.set(name, this.classStatusIn(name, undefined));
    }
    return this.classStatuses.get(name);
  }

  /**
   * The knowledge the analysis of one file uses: the knowledge packs count
   * only for the APIs the file relates to (a `CardError` imported from another
   * SDK is not Stripe's); base data and user catalogs always count.
   */
  scoped(related: readonly string[]): ScopedKnowledge {
    const key = [...related].sort().join("\u0000");
    let view = this.scopes.get(key);
    if (!view) {
      if (this.scopes.size >= MAX_SCOPES) this.scopes.clear();
      view = new ScopedKnowledge(this, new Set(related.map((r) => r.toLowerCase())));
      this.scopes.set(key, view);
    }
    return view;
  }

  /** @internal */
  codeStatusIn(code: string, related: ReadonlySet<string> | undefined): number | undefined {
    const found = this.codeDefinitionsIn(code, related).find(
      (d) => d.entry.status !== undefined || kindStatus(d.entry.kind) !== undefined,
    )?.entry;
    return found && (kindStatus(found.kind) ?? found.status);
  }

  /**
   * @internal The status an error code or exception class is sent with when its kind makes it
   * stand for another (a throttling code sent with 400 stands for 429); undefined otherwise.
   */
  sentStatusIn(name: string, related: ReadonlySet<string> | undefined): number | undefined {
    const entry = [...this.codeDefinitionsIn(name, related), ...this.classDefinitionsIn(name, related)].find(
      (d) => kindStatus(d.entry.kind) !== undefined,
    )?.entry;
    return entry && entry.status !== kindStatus(entry.kind) ? entry.status : undefined;
  }

  /** @internal `packsOnly`: only definitions of knowledge packs count. */
  classStatusIn(
    name: string,
    related: ReadonlySet<string> | undefined,
    packsOnly = false,
  ): number | undefined {
    const definitions = this.classDefinitionsIn(name, related).filter((d) => !packsOnly || d.api?.pack);
    const withStatus = definitions.find(
      (d) => d.entry.status !== undefined || kindStatus(d.entry.kind) !== undefined,
    );
    return (
      (withStatus && (kindStatus(withStatus.entry.kind) ?? withStatus.entry.status)) ??
      definitions.find((d) => d.entry.statuses?.length)?.entry.statuses?.[0]
    );
  }

  /** @internal */
  classKindIn(name: string, related: ReadonlySet<string> | undefined): EntryKind | undefined {
    return this.classDefinitionsIn(name, related).find((d) => d.entry.kind !== undefined)?.entry.kind;
  }

  /** @internal */
  nonRetryableIn(code: string, related: ReadonlySet<string> | undefined): boolean {
    const definitions = this.codeDefinitionsIn(code, related);
    if (definitions.length === 0) return false;
    const top = definitions.filter((d) => d.rank === definitions[0]!.rank);
    const explicit = top.filter(
      (d) =>
        d.entry.retryable !== undefined ||
        (d.entry.retry !== undefined && d.entry.retry !== "not-documented"),
    );
    if (explicit.length > 0) return explicit.every((d) => !entryRetryable(d.entry));
    const status = top.find((d) => d.entry.status !== undefined)?.entry.status;
    if (status === undefined) return false;
    const retry = this.index.statuses.get(status)?.entry.retry ?? retryClassOfRange(status);
    return retry === "never" || retry === "after-fix";
  }

  /** @internal */
  hasErrorCodeIn(code: string, related: ReadonlySet<string> | undefined): boolean {
    return this.codeDefinitionsIn(code, related).some((d) => d.entry.code === code);
  }

  private codeDefinitionsIn(code: string, related: ReadonlySet<string> | undefined): ErrorCodeDefinition[] {
    return (this.errorCode(code)?.definitions ?? []).filter((d) => visible(d.api, related));
  }

  /** @internal */
  classDefinitionsIn(name: string, related: ReadonlySet<string> | undefined): ExceptionDefinition[] {
    return (this.exception(name)?.definitions ?? []).filter((d) => !d.api || visible(d.api, related));
  }

  /** Whether the catalog describes this header. */
  hasHeader(name: string): boolean {
    return this.header(name) !== undefined;
  }

  /** Whether some SDK or convention defines this exception class. */
  hasExceptionClass(name: string): boolean {
    return this.exception(name) !== undefined;
  }

  /** Whether some API defines exactly this error code. */
  hasErrorCode(code: string): boolean {
    return this.codeDefinitions((c) => c === code).length > 0;
  }

  /** What an exception class stands for when it is not a status: `network` for connection and timeout classes. */
  exceptionClassKind(name: string): EntryKind | undefined {
    return this.classKindIn(name, undefined);
  }

  /**
   * The APIs a file relates to: those whose SDK it imports or whose host a
   * literal URL names, and those a user catalog describes.
   */
  relatedApis(signals: FileSignals): string[] {
    const out: string[] = [];
    for (const api of this.index.apis.values()) {
      const rel = api.ref.relatedTo;
      const byImport = (rel?.imports ?? []).some((i) => signals.modules.some((m) => moduleMatches(m, i)));
      const byHost = (rel?.hosts ?? []).some((h) => signals.hosts.some((x) => hostMatches(x, h)));
      if (byImport || byHost || api.ref.user) out.push(api.ref.name);
    }
    return out;
  }

  /** Header names that say how long to wait, as the packs document them. */
  waitHeaders(): string[] {
    return [...this.index.apis.values()].flatMap((a) =>
      [...a.headers.values()].filter((h) => h.entry.waits).map((h) => h.entry.name),
    );
  }

  /**
   * Whether retrying cannot help for this code, even under 429/5xx: an entry
   * marked `retryable: false`, or (with no explicit mark) a code whose status
   * is not retryable. Unknown codes are not non-retryable.
   */
  isNonRetryableCode(code: string): boolean {
    return this.nonRetryableIn(code, undefined);
  }

  sentStatus(name: string): number | undefined {
    return this.sentStatusIn(name, undefined);
  }

  /** All keys, for suggestions: statuses, error codes, exception classes, headers. */
  keys(): { statuses: number[]; codes: string[]; exceptions: string[]; headers: string[] } {
    const apis = [...this.index.apis.values()];
    const statuses = new Set<number>([
      ...this.index.statuses.keys(),
      ...apis.flatMap((a) => [...a.statuses.keys()]),
    ]);
    const codes = new Set(apis.flatMap((a) => [...a.errorCodes.values()].map((c) => c.entry.code)));
    const exceptions = new Set([
      ...apis.flatMap((a) => [...a.exceptions.keys()]),
      ...[...this.index.exceptions.values()].map((e) => e.entry.name),
    ]);
    const headers = new Set([
      ...[...this.index.headers.values()].map((h) => h.entry.name),
      ...apis.flatMap((a) => [...a.headers.values()].map((h) => h.entry.name)),
    ]);
    return {
      statuses: [...statuses].sort((x, y) => x - y),
      codes: [...codes].sort(),
      exceptions: [...exceptions].sort(),
      headers: [...headers].sort(),
    };
  }

  private codeDefinitions(match: (code: string) => boolean): ErrorCodeDefinition[] {
    const out: ErrorCodeDefinition[] = [];
    for (const api of this.index.apis.values()) {
      for (const [code, sourced] of api.errorCodes) if (match(code)) out.push({ ...sourced, api: api.ref });
    }
    return byRank(out);
  }
}

/** A read-only view of one merged API. */
export interface MergedApiView {
  ref: ApiRef;
  envelope?: ApiEntry["envelope"];
  statuses: Sourced<ApiStatusEntry>[];
  errorCodes: Sourced<ErrorCodeEntry>[];
  exceptions: Sourced<ExceptionEntry>[];
  headers: Sourced<ApiHeaderEntry>[];
  rateLimits: RateLimitEntry[];
  retry?: RetryGuidance;
  sdkRetry?: SdkRetry;
}

/** The retry class of a status nobody describes, from its range. */
export function retryClassOfRange(status: number): RetryClass {
  if (status === 408 || status === 425) return "backoff";
  if (status === 429) return "retry-after";
  if (status >= 500) return "backoff";
  if (status >= 400) return "after-fix";
  return "never";
}

/** The analysis knowledge of one file: the catalog restricted to the APIs the file relates to. */
export class ScopedKnowledge {
  private readonly codes = new Map<string, number | undefined>();
  private readonly classes = new Map<string, number | undefined>();

  constructor(
    private readonly catalog: Catalog,
    private readonly related: ReadonlySet<string>,
  ) {}

  errorCodeStatus(code: string): number | undefined {
    if (!this.codes.has(code)) {
      if (this.codes.size >= MAX_MEMO_ENTRIES) this.codes.clear();
      this.codes.set(code, this.catalog.codeStatusIn(code, this.related));
    }
    return this.codes.get(code);
  }

  exceptionClassStatus(name: string): number | undefined {
    if (!this.classes.has(name)) {
      if (this.classes.size >= MAX_MEMO_ENTRIES) this.classes.clear();
      this.classes.set(name, this.catalog.classStatusIn(name, this.related));
    }
    return this.classes.get(name);
  }

  exceptionClassKind(name: string): EntryKind | undefined {
    return this.catalog.classKindIn(name, this.related);
  }

  isNonRetryableCode(code: string): boolean {
    return this.catalog.nonRetryableIn(code, this.related);
  }

  sentStatus(name: string): number | undefined {
    return this.catalog.sentStatusIn(name, this.related);
  }

  hasErrorCode(code: string): boolean {
    return this.catalog.hasErrorCodeIn(code, this.related);
  }

  hasExceptionClass(name: string): boolean {
    return this.catalog.classDefinitionsIn(name, this.related).length > 0;
  }

  hasHeader(name: string): boolean {
    return this.catalog.hasHeader(name);
  }

  packClassStatus(name: string): number | undefined {
    return this.catalog.classStatusIn(name, this.related, true);
  }
}

/** Whether an API's entries count for a file relating to `related` (all count when undefined). */
function visible(api: ApiRef, related: ReadonlySet<string> | undefined): boolean {
  return !related || !api.pack || api.user || related.has(api.name.toLowerCase());
}

/** The status an entry's kind stands for. */
function kindStatus(kind: EntryKind | undefined): number | undefined {
  return kind === "rate-limit" ? 429 : kind === "server-error" ? 500 : undefined;
}

/** Whether an entry says retrying can help (its `retry` class, else `retryable`). */
function entryRetryable(entry: { retry?: string; retryable?: boolean }): boolean {
  if (entry.retry === "never" || entry.retry === "after-fix") return false;
  if (entry.retry === "backoff" || entry.retry === "retry-after") return true;
  return entry.retryable !== false;
}

/** `@aws-sdk/client-s3` matches `@aws-sdk`; `google.cloud.storage` matches `google.cloud`; `openai` matches `openai`. */
function moduleMatches(module: string, pattern: string): boolean {
  return module === pattern || module.startsWith(pattern + "/") || module.startsWith(pattern + ".");
}

/** `api.stripe.com` matches `api.stripe.com`; `foo.myshopify.com` matches `myshopify.com`. */
function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase();
  return h === pattern || h.endsWith("." + pattern);
}

function toApiView(api: MergedApi): MergedApiView {
  return {
    ref: api.ref,
    envelope: api.envelope,
    statuses: [...api.statuses.values()],
    errorCodes: [...api.errorCodes.values()],
    exceptions: [...api.exceptions.values()],
    headers: [...api.headers.values()],
    rateLimits: api.rateLimits,
    retry: api.retry,
    sdkRetry: api.sdkRetry,
  };
}

function apiStatusView(api: MergedApi, status: number): ApiStatusView | undefined {
  const note = api.statuses.get(status);
  const codes = [...api.errorCodes.values()].filter((c) => c.entry.status === status);
  const exceptions = [...api.exceptions.values()].filter(
    (e) => e.entry.status === status || (e.entry.statuses ?? []).includes(status),
  );
  if (!note && codes.length === 0 && exceptions.length === 0) return undefined;
  const retry = api.retry?.statuses?.includes(status) ? api.retry : undefined;
  const sdkRetry = api.sdkRetry?.statuses.includes(status) ? api.sdkRetry : undefined;
  const rateLimits = status === 429 ? api.rateLimits : [];
  return { api: api.ref, note, codes, exceptions, rateLimits, retry, sdkRetry };
}

function apiExceptionDefinition(api: MergedApi, found: Sourced<ExceptionEntry>): ExceptionDefinition {
  const ancestors = ancestorsOf(found.entry, (n) => api.exceptions.get(n)?.entry);
  return { ...found, api: api.ref, family: `${api.ref.name} SDK`, ancestors, sdkRetry: api.sdkRetry };
}

function topExceptionDefinition(index: Index, top: TopException): ExceptionDefinition {
  const parentOf = (n: string): ExceptionEntry | undefined =>
    index.exceptions.get(topKey(top.family, n))?.entry;
  return { ...top, family: top.family, ancestors: ancestorsOf(top.entry, parentOf) };
}

function ancestorsOf(entry: ExceptionEntry, lookup: (name: string) => ExceptionEntry | undefined): string[] {
  const chain: string[] = [];
  let parent = entry.parent;
  while (parent && !chain.includes(parent) && chain.length < 10) {
    chain.unshift(parent);
    parent = lookup(parent)?.parent;
  }
  return chain;
}

function byRank<T extends { rank: number }>(items: T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => b.item.rank - a.item.rank || a.i - b.i)
    .map((x) => x.item);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

function topKey(family: string, name: string): string {
  return `${family}\u0000${name}`;
}

// ---------------------------------------------------------------------------
// Building the index

function buildIndex(layers: readonly CatalogLayer[]): Index {
  const index: Index = { statuses: new Map(), headers: new Map(), apis: new Map(), exceptions: new Map() };
  let userRank = 0;
  for (const layer of layers) {
    const rank = layer.origin.kind === "builtin" ? 0 : ++userRank;
    addLayer(index, layer, rank);
  }
  freezeIndex(index);
  return index;
}

/** Freezes what the views hand out, so a caller cannot change the catalog. */
function freezeIndex(index: Index): void {
  const all: Sourced<object>[] = [
    ...index.statuses.values(),
    ...index.headers.values(),
    ...index.exceptions.values(),
  ];
  for (const api of index.apis.values()) {
    all.push(
      ...api.statuses.values(),
      ...api.errorCodes.values(),
      ...api.exceptions.values(),
      ...api.headers.values(),
    );
    deepFreeze(api.ref);
    deepFreeze(api.rateLimits);
    if (api.retry) deepFreeze(api.retry);
    if (api.sdkRetry) deepFreeze(api.sdkRetry);
    if (api.envelope) deepFreeze(api.envelope);
  }
  for (const s of all) deepFreeze(s);
}

function deepFreeze(value: object): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) if (v !== null && typeof v === "object") deepFreeze(v as object);
}

function addLayer(index: Index, layer: CatalogLayer, rank: number): void {
  const { data, origin } = layer;
  const source = data.source ?? origin.path;
  for (const s of data.statuses ?? []) merge(index.statuses, s.status, s, source, rank);
  for (const h of data.headers ?? []) merge(index.headers, h.name.toLowerCase(), h, source, rank);
  for (const e of data.exceptions ?? []) {
    const family = e.convention ?? source;
    const key = topKey(family, e.name);
    merge(index.exceptions, key, e, source, rank);
    index.exceptions.get(key)!.family = family;
  }
  for (const api of data.apis ?? []) addApi(index, api, origin, rank, data.pack);
}

function addApi(
  index: Index,
  api: ApiEntry,
  origin: LayerOrigin,
  rank: number,
  pack: CatalogLayer["data"]["pack"],
): void {
  const key = api.name.toLowerCase();
  const source = api.source ?? origin.path;
  let merged = index.apis.get(key);
  if (!merged) {
    merged = {
      ref: { name: api.name, sources: [], convention: api.source === CONVENTION, user: false },
      statuses: new Map(),
      errorCodes: new Map(),
      exceptions: new Map(),
      headers: new Map(),
      rateLimits: [],
    };
    index.apis.set(key, merged);
  }
  addUnique(merged.ref.sources, source);
  if (origin.kind !== "builtin") merged.ref.user = true;
  if (pack) merged.ref.pack = pack;
  if (api.relatedTo) merged.ref.relatedTo = api.relatedTo;
  if (api.idempotency) merged.ref.idempotency = api.idempotency;
  if (api.docsUrl) merged.ref.docsUrl = api.docsUrl;
  if (api.envelope) merged.envelope = api.envelope;
  if (api.rateLimits) merged.rateLimits = api.rateLimits;
  if (api.retry) merged.retry = { ...merged.retry, ...api.retry };
  if (api.sdkRetry) merged.sdkRetry = { ...merged.sdkRetry, ...api.sdkRetry };
  for (const s of api.statuses ?? []) merge(merged.statuses, s.status, s, source, rank);
  for (const c of api.errorCodes ?? []) merge(merged.errorCodes, c.code, c, source, rank);
  for (const e of api.exceptions ?? []) merge(merged.exceptions, e.name, e, source, rank);
  for (const h of api.headers ?? []) merge(merged.headers, h.name.toLowerCase(), h, source, rank);
}

/** Adds or merges (field by field, later wins) an entry under `key`. */
function merge<K, T extends object, S extends Sourced<T>>(
  map: Map<K, S>,
  key: K,
  entry: T,
  source: string,
  rank: number,
): void {
  const old = map.get(key);
  if (!old) {
    map.set(key, { entry: { ...entry }, sources: [source], rank } as S);
    return;
  }
  old.entry = { ...old.entry, ...entry };
  addUnique(old.sources, source);
  old.rank = Math.max(old.rank, rank);
}

function addUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
