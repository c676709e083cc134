/**
 * What the analyser knows about HTTP clients, SDK exception classes, sleeps
 * and credential refreshes. Library retry defaults live in `core/mechanisms/`;
 * what differs between languages, in each language's profile.
 */

export type { ErrorKnowledge, FileSignals } from "../types";
import type { Expr } from "../ir/types";
import type { ErrorKnowledge } from "../types";
import type { ClassMatch, ExceptionClass, LanguageProfile } from "./model";
import type { Failure } from "./types";

export const NO_ERROR_KNOWLEDGE: ErrorKnowledge = {
  errorCodeStatus: () => undefined,
  exceptionClassStatus: () => undefined,
};

/** The failures every retry is simulated under. */
export const ERROR_STATUSES = [400, 401, 403, 404, 408, 409, 410, 413, 422, 429, 500, 502, 503, 504] as const;
export const FAILURES: readonly Failure[] = [...ERROR_STATUSES, "network"];
/** The 4xx a blind retry re-sends: when all of these are retried with no check naming them, the retry is blind. */
export const NON_RETRYABLE_PROBES = [400, 401, 403, 404, 409, 422] as const;

const isStatus = (f: Failure): f is number => typeof f === "number";
const anyHttp: ClassMatch = (f) => isStatus(f);
const anything: ClassMatch = () => true;
const network: ClassMatch = (f) => f === "network";
/** Matches a network failure only (no response). */
export const NETWORK_FAILURE = network;
export const status =
  (...codes: number[]): ClassMatch =>
  (f) =>
    isStatus(f) && codes.includes(f);
const serverErrors: ClassMatch = (f) => isStatus(f) && f >= 500;
const clientErrors: ClassMatch = (f) => isStatus(f) && f >= 400 && f < 500;

/** Exception classes of HTTP clients and SDKs (Python and JS), by their last name segment. */
const CLASSES: Record<string, ExceptionClass> = {
  // Rate limiting
  RateLimitError: { match: status(429), status: 429 },
  RateLimitExceeded: { match: status(429), status: 429 },
  RateLimitExceededError: { match: status(429), status: 429 },
  TooManyRequests: { match: status(429), status: 429 },
  TooManyRequestsError: { match: status(429), status: 429 },
  HTTPTooManyRequests: { match: status(429), status: 429 },
  ThrottlingException: { match: status(429), status: 429 },
  // Auth
  AuthenticationError: { match: status(401), status: 401 },
  AuthError: { match: status(401), status: 401 },
  UnauthorizedError: { match: status(401), status: 401 },
  Unauthorized: { match: status(401), status: 401 },
  HTTPUnauthorized: { match: status(401), status: 401 },
  InvalidApiKeyError: { match: status(401), status: 401 },
  PermissionDeniedError: { match: status(403), status: 403 },
  PermissionError: { match: status(403), status: 403 },
  ForbiddenError: { match: status(403), status: 403 },
  Forbidden: { match: status(403), status: 403 },
  HTTPForbidden: { match: status(403), status: 403 },
  // Other 4xx
  BadRequestError: { match: status(400), status: 400 },
  NotFoundError: { match: status(404), status: 404 },
  NotFound: { match: status(404), status: 404 },
  HTTPNotFound: { match: status(404), status: 404 },
  ConflictError: { match: status(409), status: 409 },
  UnprocessableEntityError: { match: status(422), status: 422 },
  // 5xx
  ServerError: { match: serverErrors, status: 500 },
  InternalServerError: { match: serverErrors, status: 500 },
  APIServerError: { match: serverErrors, status: 500 },
  ServiceUnavailableError: { match: status(503), status: 503 },
  ServiceUnavailable: { match: status(503), status: 503 },
  HTTPServiceUnavailable: { match: status(503), status: 503 },
  BadGatewayError: { match: status(502), status: 502 },
  GatewayTimeoutError: { match: status(504), status: 504 },
  ClientError: { match: clientErrors },
  // Network
  ConnectionError: { match: network },
  APIConnectionError: { match: network },
  APITimeoutError: { match: network },
  NetworkError: { match: network },
  Timeout: { match: network },
  TimeoutError: { match: network },
  ReadTimeout: { match: network },
  ConnectTimeout: { match: network },
  ConnectTimeoutError: { match: network },
  TransportError: { match: network },
  ConnectError: { match: network },
  ReadError: { match: network },
  RemoteProtocolError: { match: network },
  ClientConnectionError: { match: network },
  ClientConnectorError: { match: network },
  ServerDisconnectedError: { match: network },
  ServerTimeoutError: { match: network },
  ChunkedEncodingError: { match: network },
  URLError: { match: network },
  TimeoutException: { match: network },
  ConnectTimeoutException: { match: network },
  PoolTimeout: { match: network },
  WriteTimeout: { match: network },
  ProxyError: { match: network },
  SSLError: { match: network },
  ServerConnectionError: { match: network },
  ClientOSError: { match: network },
  ClientPayloadError: { match: network },
  IncompleteRead: { match: network },
  ProtocolError: { match: network },
  MaxRetryError: { match: network },
  NewConnectionError: { match: network },
  FetchError: { match: network },
  StripeConnectionError: { match: network },
  StripeAPIError: { match: serverErrors, status: 500 },
  StripeRateLimitError: { match: status(429), status: 429 },
  StripeAuthenticationError: { match: status(401), status: 401 },
  StripePermissionError: { match: status(403), status: 403 },
  StripeInvalidRequestError: { match: status(400), status: 400 },
  StripeIdempotencyError: { match: status(400), status: 400 },
  StripeCardError: { match: status(402), status: 402 },
  socket: { match: network },
  // Every HTTP error status, not network failures
  HTTPError: { match: anyHttp },
  HTTPStatusError: { match: anyHttp },
  ClientResponseError: { match: anyHttp },
  APIStatusError: { match: anyHttp },
  APIError: { match: anyHttp },
  ApiError: { match: anyHttp },
  HttpError: { match: anyHttp },
  ResponseError: { match: anyHttp },
  // Everything
  Exception: { match: anything },
  BaseException: { match: anything },
  Error: { match: anything },
  RequestException: { match: anything },
  RequestError: { match: anything },
  AxiosError: { match: anything },
  HTTPException: { match: anything },
  CaseForgeError: { match: anything },
};

/**
 * What an exception class (by its dotted name as written) matches: the
 * language's own reading first (`fetch`'s network failure is a `TypeError` in
 * JS; Python's builtin `PermissionError` is no 403), then the shared table,
 * then the catalog.
 */
export function classMatch(
  dotted: string,
  knowledge: ErrorKnowledge,
  language: LanguageProfile,
  importedFromSdk: boolean,
): ExceptionClass | undefined {
  const name = dotted.slice(dotted.lastIndexOf(".") + 1);
  const own = language.exceptionClass(name, dotted, importedFromSdk);
  if (own === "none") return undefined;
  if (own) return own;
  // The SDK of an API the file calls says what its class stands for (Stripe's `APIError` is 5xx).
  const fromPack = knowledge.packClassStatus?.(name);
  if (fromPack !== undefined) {
    // A 4xx the analysis does not simulate (Stripe's 402 `CardError`) is caught as the client error it is.
    const simulated =
      fromPack >= 400 && fromPack < 500 && !(ERROR_STATUSES as readonly number[]).includes(fromPack)
        ? 400
        : fromPack;
    return { match: simulated >= 500 ? serverErrors : status(simulated), status: fromPack };
  }
  const known = CLASSES[name];
  if (known) return known;
  const fromCatalog = knowledge.exceptionClassStatus(name);
  if (fromCatalog !== undefined) {
    return { match: fromCatalog >= 500 ? serverErrors : status(fromCatalog), status: fromCatalog };
  }
  if (knowledge.exceptionClassKind?.(name) === "network") return { match: network };
  return undefined;
}

/** The status a client error is simulated as when the code says retrying cannot help though its status is transient. */
const NON_RETRYABLE_CODE_STATUS = 400;

/**
 * The status the analysis simulates for an API error code, and the status to
 * show: a code the API documents as never retryable (`insufficient_quota`
 * sent with 429, a declined card) is a client error whatever its status.
 * Undefined for codes the catalog does not know with a status.
 */
export function codeStatus(
  code: string,
  knowledge: ErrorKnowledge,
): { simulated: number; documented: number } | undefined {
  const documented = knowledge.errorCodeStatus(code);
  if (documented === undefined) return undefined;
  const transient = documented === 408 || documented === 429 || documented >= 500;
  // 402 and other statuses the analysis does not simulate: a never-retry code is still a client error.
  const simulatedStatus = (ERROR_STATUSES as readonly number[]).includes(documented);
  if ((transient || !simulatedStatus) && knowledge.isNonRetryableCode?.(code))
    return { simulated: NON_RETRYABLE_CODE_STATUS, documented };
  return { simulated: documented, documented };
}

/** Node / undici / requests network error codes compared with `err.code`. */
export const NETWORK_ERROR_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ERR_NETWORK",
  "ERR_SOCKET_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_HEADERS_TIMEOUT",
  "ETIMEOUT",
]);

/** Properties that hold an HTTP status. */
export const STATUS_PROPERTIES = new Set([
  "status",
  "statusCode",
  "status_code",
  "httpStatus",
  "http_status",
  "statusCodeValue",
  // AWS SDK v3: `err.$metadata.httpStatusCode`; botocore: `e.response["ResponseMetadata"]["HTTPStatusCode"]`.
  "httpStatusCode",
  "HTTPStatusCode",
]);
/** Names that, bound to nothing we can see, still read as a status when compared with a status number. */
export const STATUS_NAMES = new Set([
  "status",
  "statusCode",
  "status_code",
  "httpStatus",
  "http_status",
  "code_status",
]);
/** Properties / names that hold an API error code string. */
export const CODE_PROPERTIES = new Set([
  "code",
  // botocore: `err.response["Error"]["Code"]`.
  "Code",
  "error_code",
  "errorCode",
  "type",
  "error_type",
  "errorType",
]);

/** Calls that refresh a credential before a retry. */
export function isCredentialRefresh(name: string): boolean {
  return /refresh|re_?auth|renew|relogin|re_?login|login|sign_?in|authenticate|new_?token|fetch_?token|get_?token|obtain_?token|rotate_?(key|token|credential)|token_?refresh/i.test(
    name,
  );
}

/** Reads an API error code: `err.code`, `body.error.error_code`, or a variable named like one. */
export function isCodeAccess(e: Expr): boolean {
  if (e.kind === "member") return CODE_PROPERTIES.has(e.property);
  if (e.kind === "name") return /^(code|error_?code|err_?code|api_?code)$/i.test(e.name);
  return false;
}

/**
 * Text that names Retry-After or a rate-limit reset (header names, strings):
 * `Retry-After`, `retry-after-ms`, `x-ms-retry-after-ms`, Telegram's
 * `retry_after`, the `x-ratelimit-reset(-requests|-tokens|-after)` variants,
 * Anthropic's `anthropic-ratelimit-*-reset` and the IETF `RateLimit` field.
 */
export const RETRY_AFTER_TEXT =
  /retry[-_ ]?after|ratelimit[-_]?reset|rate[-_]?limit[-_]?reset|x-rate-limit-reset|ratelimit-[a-z-]*-reset|^ratelimit$/i;
/** Identifiers that hold a Retry-After value or a reset time. */
export const RETRY_AFTER_NAME =
  /retry_?after|retryafter|ratelimit_?reset|rate_?limit_?reset|reset_?(at|time|after|seconds|ms)|resets?_?in/i;

/** Keys whose value is the list of statuses a retry configuration retries. */
export const RETRY_STATUS_LIST_KEYS = new Set([
  "retryOnStatus",
  "retry_on_status",
  "retryStatusCodes",
  "retry_status_codes",
  "retryableStatusCodes",
  "retryable_status_codes",
  "retryableStatuses",
  "retryable_statuses",
  "statusCodesToRetry",
  "status_codes_to_retry",
  "retryStatuses",
  "retry_statuses",
  "retryOnStatusCodes",
  "retry_on_status_codes",
]);
