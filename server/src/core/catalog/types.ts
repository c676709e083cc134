/**
 * The shapes of catalog data. A catalog file (built-in data, a user catalog,
 * an imported OpenAPI document) is a `CatalogData`; it follows
 * `schemas/catalog.schema.json`.
 */

/** How a status may be retried. */
export type RetryClass = "never" | "after-fix" | "backoff" | "retry-after";

/** The retry class an API documents for an entry, or "not-documented" when its documentation does not settle it. */
export type EntryRetry = RetryClass | "not-documented";

/** What an entry stands for when it is not its HTTP status (an AWS throttling code sent with 400 is a rate limit). */
export type EntryKind = "rate-limit" | "server-error" | "network";

/** A link to the text an entry comes from. */
export interface Reference {
  title: string;
  url?: string;
}

/** The standard meaning of an HTTP status. */
export interface StatusEntry {
  status: number;
  name?: string;
  meaning?: string;
  retry?: RetryClass;
  advice?: string;
  references?: Reference[];
}

/** What one API says about a status. */
export interface ApiStatusEntry {
  status: number;
  when?: string;
  fix?: string;
  url?: string;
}

/** A machine-readable error code defined by an API. */
export interface ErrorCodeEntry {
  code: string;
  status?: number;
  description?: string;
  fix?: string;
  /** false: retrying cannot succeed even under 429/5xx. */
  retryable?: boolean;
  retry?: EntryRetry;
  kind?: EntryKind;
  /** The documentation page the entry was read from. */
  url?: string;
}

/** A documented rate limit. */
export interface RateLimitEntry {
  scope: string;
  limit: number;
  window: string;
  algorithm?: string;
  notes?: string;
}

/** An API's advice on retrying. */
export interface RetryGuidance {
  statuses?: number[];
  maxAttempts?: number;
  backoffStartSeconds?: number;
  backoffMaxSeconds?: number;
  formula?: string;
  retryAfter?: string;
  notes?: string[];
}

/** The retry an SDK performs on its own. */
export interface SdkRetry {
  statuses: number[];
  maxRetries: number;
  backoff?: string;
  options?: { language: string; retries?: string; statuses?: string; timeout?: string }[];
  url?: string;
}

/** An exception class of an SDK or client library. */
export interface ExceptionEntry {
  name: string;
  parent?: string;
  status?: number;
  statuses?: number[];
  convention?: string;
  languages?: string[];
  description?: string;
  fix?: string;
  retryable?: boolean;
  retry?: EntryRetry;
  kind?: EntryKind;
  /** The SDK package that defines the class, e.g. "stripe (Python)". */
  sdk?: string;
  url?: string;
}

/** A rate-limit or idempotency header. */
export interface HeaderEntry {
  name: string;
  description?: string;
  usage?: string;
  example?: string;
  references?: Reference[];
}

/** What one API says about a header. */
export interface ApiHeaderEntry {
  name: string;
  description: string;
  url?: string;
  /** true: the header says how long to wait. */
  waits?: boolean;
}

/** How a source file shows that it calls an API. */
export interface RelatedTo {
  /** Module names or prefixes (`@aws-sdk` matches `@aws-sdk/client-s3`, `google.cloud` matches `google.cloud.storage`). */
  imports?: string[];
  /** Host names; subdomains match too. */
  hosts?: string[];
}

/** Everything one API documents about its errors. */
export interface ApiEntry {
  name: string;
  source?: string;
  baseUrl?: string;
  docsUrl?: string;
  envelope?: { description: string; example?: string; url?: string };
  relatedTo?: RelatedTo;
  idempotency?: { description: string; header?: string; url?: string };
  statuses?: ApiStatusEntry[];
  errorCodes?: ErrorCodeEntry[];
  rateLimits?: RateLimitEntry[];
  retry?: RetryGuidance;
  sdkRetry?: SdkRetry;
  exceptions?: ExceptionEntry[];
  headers?: ApiHeaderEntry[];
}

/** The content of one catalog file. */
export interface CatalogData {
  /** Set on built-in knowledge packs. */
  pack?: { id: string; read?: string };
  source?: string;
  statuses?: StatusEntry[];
  apis?: ApiEntry[];
  headers?: HeaderEntry[];
  exceptions?: ExceptionEntry[];
}

/** Where a layer comes from. */
export interface LayerOrigin {
  kind: "builtin" | "user" | "openapi";
  /** The file (built-in: the data file or reference name). */
  path: string;
}

/** One layer of knowledge; later layers override earlier ones. */
export interface CatalogLayer {
  origin: LayerOrigin;
  data: CatalogData;
}

/** A problem in a catalog or OpenAPI file; offsets are UTF-16 offsets into that file's text. */
export interface CatalogProblem {
  path: string;
  message: string;
  start: number;
  end: number;
}
