/**
 * The language-neutral model of error-handling sites that rules see. Built
 * from the IR by `core/sites.ts`; rules never look at syntax trees.
 */

import type { HelperDelay } from "../index/types";
import type { Expr } from "../ir/types";
import type { OtherFileRange, RelatedLocation, Span, TextEdit } from "../types";

/** A failure a request can end in: an HTTP status, or no response at all. */
export type Failure = number | "network";

/** How a status (or a class / code standing for one) is named in the code. */
export interface StatusRef extends Span {
  status: number;
  via: "literal" | "range" | "class" | "code";
  /** As the message names it: `401`, `AuthenticationError (401)`, `invalid_api_key (401)`, `Every 4xx status`. */
  label: string;
  /** For a code or class that stands for another status: the one its API sends (AWS `ThrottlingException`: 400). */
  sent?: number;
  /**
   * For an error code the catalog marks non-retryable though its status is transient
   * (`insufficient_quota` sent with 429): that documented status. `status` is then the
   * client error the analysis simulates the code as.
   */
  documented?: number;
  /**
   * Edits that remove this element from the list literal it sits in (a Python tuple left
   * with one element keeps its comma), when that list is tested right there in the code.
   */
  removal?: TextEdit[];
}

export interface RequestSite extends Span {
  kind: "request";
  /** The callee, where `retry-without-idempotency-key` reports. */
  callee: Span;
  client: string;
  /** Upper-case HTTP method when it can be known. */
  method?: string;
  /** Whether the client throws on HTTP error statuses (axios, got, ky, SDKs, after `raise_for_status()`). */
  throws: boolean;
  idempotencyKey: boolean;
  /** How the API takes its idempotency key, when not as `Idempotency-Key` ("a PayPal-Request-Id header"). */
  keyName?: string;
  /** Edits that add an idempotency key created once before the retry loop (quick fix), when certain. */
  keyFix?: TextEdit[];
  /**
   * The request waits with no timeout of its own: its client has none by default and none is set
   * (`requests` without `timeout=`, axios and got without `timeout`, fetch without `signal`).
   */
  noTimeout?: { client: "requests" | "axios" | "got" | "fetch"; moduleCall: boolean };
  /** The client retries this request by itself (an SDK's default retries, a got/ky instance, a mounted urllib3 adapter). */
  selfRetry?: SelfRetry;
  /** The expression that mints a new idempotency key on every attempt (`uuid4()` inside the loop). */
  keyPerAttempt?: Span;
  /** Edits that create that key once, before the retry loop (quick fix), when certain. */
  keyHoistFix?: TextEdit[];
}

/** A client that retries by itself: how many attempts one call makes, and how to turn that off. */
export interface SelfRetry {
  /** Attempts per call (1 + retries). */
  attempts: number;
  /** As messages name it: `the openai client`, `the got instance`, `the session's urllib3 Retry`. */
  by: string;
  /** What turns it off and where: `max_retries=0 on the client`, `retry: { limit: 0 } on the instance`. */
  off: string;
  /** Where the client or its retry is configured (the constructor, the mounted adapter); `file` when in another file. */
  at: Span & { file?: OtherFileRange };
  /** Edits that set the client's retries to 0 where it is built (quick fix), when certain. */
  offFix?: TextEdit[];
  /** got and ky: only for idempotent methods (a client of another file, before its request's method is known). */
  idempotentOnly?: true;
}

export interface WaitSite extends Span {
  kind: "wait";
  /** The wait as the simulation saw it (absent for library-configured waits). */
  event?: { expr: Expr; delay?: Expr; unit?: "ms" | "s" };
  /** The delay grows between attempts (exponential, multiplied by the attempt). */
  grows: boolean;
  exponential: boolean;
  jitter: boolean;
  /** Computed from Retry-After / X-RateLimit-Reset / retry_after. */
  readsRetryAfter: boolean;
  /** An edit making the wait honour Retry-After (quick fix), when certain. */
  retryAfterFix?: TextEdit[];
  /**
   * For a wait computed from Retry-After itself (the header or an SDK's `retry_after` field, not a
   * reset time): whether a ceiling bounds it (`min(retry_after, 60)`, a comparison with a limit).
   * Undefined for other waits.
   */
  retryAfterCapped?: boolean;
  /** Edits wrapping the delay in a 60 s ceiling (quick fix), when the wait's unit is known. */
  ceilingFix?: TextEdit[];
  /**
   * When the value reaching the wait differs by path (Retry-After on one, a computed fallback on
   * another): each distinct one. The fields above merge them; a rule about the delay judges each.
   */
  variants?: WaitVariant[];
  /**
   * For a wait of a 429/503 retry (`RetrySite.rateLimitWaits`): the statuses whose retrying paths
   * reach it with a delay that does not read Retry-After. `readsRetryAfter` is then false.
   */
  ignoredOn?: number[];
}

/** What one value of a wait's delay is. */
export type WaitVariant = Pick<WaitSite, "grows" | "exponential" | "jitter" | "readsRetryAfter">;

export type RetryMechanism = "loop" | "recursion" | "decorator" | "helper" | "config";

export interface RetrySite extends Span {
  kind: "retry";
  mechanism: RetryMechanism;
  /** `tenacity`, `backoff`, `p-retry`, `async-retry`, `axios-retry`, `got`, `ky`, `urllib3`, `caseforge`, ... */
  library?: string;
  /** Where mechanism-level findings are reported (loop keyword, recursive call, decorator, callee, key). */
  anchor: Span;
  /** Explicit statuses (literals, ranges, classes, codes) whose failure path leads to another attempt. */
  retriedRefs: StatusRef[];
  /** Every failure that leads to another attempt (named or not). */
  retried: Set<Failure>;
  /** Retries on any failure without any check of status / exception type, and that failure can be an HTTP error. */
  blind: boolean;
  /** false: no cap and no deadline; true: capped; undefined: cannot tell. */
  bounded: boolean | undefined;
  /** A path that retries without waiting at all (undefined when it cannot tell). */
  waitsNothing: boolean;
  /** The waits on the retry paths. */
  waits: WaitSite[];
  /**
   * The waits on paths that retry an explicitly named 429 or 503 (what `ignores-retry-after` checks),
   * judged per status on the paths that reach them (`readsRetryAfter`, `ignoredOn`).
   */
  rateLimitWaits: WaitSite[];
  /** Names of the functions an attempt calls (a handler inside one of them is covered by this retry). */
  calls?: Set<string>;
  /** The requests that an attempt sends. */
  requests: RequestSite[];
  /** The library honours Retry-After by default / backs off with jitter on its own. */
  libraryHonoursRetryAfter?: boolean;
  /** Where a cap could be inserted (quick fix). */
  capFix?: TextEdit[];
  /** A human name for messages of `blind-retry`. */
  label: string;
  /**
   * What the code says it retries on, in words, when a decorator names it (`` `RequestException`
   * (HTTP errors included), unless `is_fatal` gives up ``); `statusesKnown` is false when a
   * predicate it cannot see decides which of them it gives up on.
   */
  retriesOn?: { text: string; statusesKnown: boolean };
  /** How many attempts it makes at most, when a constant says so (`range(5)`, `stop_after_attempt(5)`, `retries: 4`). */
  attempts?: number;
  /** As `nested-retry` names it: `tenacity`, `backoff`, `p-retry`, `this retry loop`. */
  mechanismName?: string;
  /** A library configuration's effective policy, as findings on its status list name it (`got retry: up to 3 retries of GET, PUT`). */
  policy?: string;
  /** A loop that also repeats after a success (polling or paging that retries a named status). */
  repeatsOnSuccess?: boolean;
  /**
   * A call of a retry helper defined in another file: its retry loop there. The helper's own
   * policy is judged (once) in its file; this site carries only what the call adds.
   */
  helperLoop?: RelatedLocation;
  /** How that helper waits between attempts, as its file's summary says (the resilience report shows it). */
  helperDelay?: HelperDelay;
  /** That helper has no attempt cap and no deadline (reported in its file; the report says so at the call). */
  helperUnbounded?: true;
  /**
   * backoff (npm): the strategy and the cap its calls configure, where the report reads their numbers
   * (`options`: the options object; `unseen`: options it cannot see; `failAfter`: the cap's argument,
   * "none" when never set, absent when code it cannot read may set it).
   */
  eventBackoff?: {
    kind: "fibonacci" | "exponential";
    options?: Span;
    unseen: boolean;
    failAfter?: Span | "none";
  };
}

export type { HelperDelay };

/** One handler that discriminates statuses: an if chain, a switch/match, the except clauses of a try. */
export interface HandlerSite extends Span {
  kind: "handler";
  /** The `switch` / first `if` / `try` keyword. */
  head: Span;
  /** The name of the function the handler is in, if any. */
  owner?: string;
  refs: StatusRef[];
  /** Two branches name distinct error statuses / ranges / classes / codes and treat them differently. */
  discriminates: boolean;
  /** The statuses no branch takes leave as errors for the caller (thrown, or returned as an error it builds). */
  propagates: boolean;
  covers429: boolean;
  covers5xx: boolean;
  /** An enclosing (or enclosed) retry mechanism covers 429 / 5xx. */
  retryCovers429: boolean;
  retryCovers5xx: boolean;
}

export type Site = RetrySite | HandlerSite | RequestSite;

export interface Sites {
  retries: RetrySite[];
  handlers: HandlerSite[];
  /** Every request the file sends (those retry mechanisms re-send, then the others). */
  requests: RequestSite[];
}
