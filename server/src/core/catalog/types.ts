/**
 * The shapes of catalog data. A catalog file (built-in data, a user catalog,
 * an imported OpenAPI document) is a `CatalogData`; it follows
 * `schemas/catalog.schema.json`.
 */

/** How a status may be retried. */
export type RetryClass = "never" | "after-fix" | "backoff" | "retry-after";

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
}

/** A machine-readable error code defined by an API. */
export interface ErrorCodeEntry {
  code: string;
  status?: number;
  description?: string;
  fix?: string;
  /** false: retrying cannot succeed even under 429/5xx. */
  retryable?: boolean;
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
}

/** Everything one API documents about its errors. */
export interface ApiEntry {
  name: string;
  source?: string;
  baseUrl?: string;
  docsUrl?: string;
  envelope?: { description: string; example?: string };
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
