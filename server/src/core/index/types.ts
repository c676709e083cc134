/**
 * The data of the workspace index, plain and JSON-serialisable: what a file tells the files
 * that import it (`ModuleSummary`), and what the index hands a file back (`CrossFileInput`).
 */

/** A place in a file, with both offsets and line/character (the other file has no line index). */
/** How a retry helper of another file waits, in words the report can show. */
export interface HelperDelay {
  kind: "none" | "fixed" | "linear" | "exponential" | "unknown";
  jitter: boolean;
  /** It waits what Retry-After (or a reset header) says when the response has one. */
  retryAfter: boolean;
}

export interface SummaryLocation {
  start: number;
  end: number;
  /** 0-based line and UTF-16 character of `start` and `end`. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** A function that runs a function it is given in a retry loop. */
export interface HelperSummary {
  /** The index of the parameter called as the attempt. */
  param: number;
  /** What the loop retries when the attempt throws on HTTP errors (axios, `raise_for_status()`) ... */
  retriedIfThrows: (number | "network")[];
  /** ... and when it returns them (bare `fetch`). */
  retriedIfReturns: (number | "network")[];
  /** The most attempts it makes, when a constant says so. */
  attempts?: number;
  /** It has no attempt cap and no deadline (`while (true)`, recursion without a counter). */
  unbounded?: true;
  /** The loop keyword, where the helper's own policy findings are reported. */
  loop: SummaryLocation;
  /** How it waits between attempts. */
  delay?: HelperDelay;
  /** It retries by calling itself (`loop` is that call), not in a loop. */
  recursive?: true;
  /**
   * It returns the retrying function instead of running it: a decorator (`@retrying`) or a
   * higher-order wrapper (`const getUser = withRetry(async (id) => ...)`).
   */
  wraps?: true;
  /** It takes options and returns the decorator (`@retry(times=5)`); `param` is the decorator's. */
  factory?: true;
  /** A factory's attempts, given by one of its parameters (`times`), with its default when a number. */
  attemptsParam?: { index: number; name: string; default?: number };
}

export interface SummaryImport {
  /** The name the file uses (`withRetry`; a namespace import: `http`). */
  local: string;
  /** As written: `./retry`, `@/lib/http`, `.http`, `pkg.http`. */
  module: string;
  /** The exported name, `default`, or `*` for a namespace. */
  imported: string;
}

/**
 * A call of an imported function that is handed a function sending a request (a retry helper,
 * maybe), or (`arg` -1) a call of an imported function inside a loop, a decorated function or a
 * callback, where a retry may re-send what it sends (a request wrapper, maybe).
 */
export interface HelperUse {
  /** The callee as written: `withRetry`, `http.withRetry`. */
  callee: string;
  /** The argument that holds the function; -1 for a call that may be retried. */
  arg: number;
  /** That function throws on HTTP errors. */
  throws: boolean;
  /** The callee decorates the function (`@retrying`, `@retry(times=5)`): `arg` is the decorator's parameter 0. */
  decorator?: true;
}

/** A function that sends one request (`def ask(q): return client.chat.completions.create(...)`). */
export interface WrapperSummary {
  /** It throws on HTTP errors. */
  throws: boolean;
  /** Upper-case HTTP method, when known. */
  method?: string;
  /** true: the request carries an idempotency key; false: certainly none; absent: cannot tell. */
  idempotencyKey?: boolean;
  /**
   * Its client retries on its own: attempts per call, as messages name it, how to turn it off,
   * where; `idempotentOnly` for got and ky, which retry GET, PUT, DELETE ... only.
   */
  selfRetry?: {
    attempts: number;
    by: string;
    off: string;
    at: SummaryLocation;
    idempotentOnly?: true;
    /** What it retries, when known: a handler around its requests does not see these as hard failures. */
    retries?: (number | "network")[];
    /** The methods whose statuses it retries (a urllib3 Retry's `allowed_methods`); absent: every method. */
    retriesMethods?: string[];
    /** The file of `at`, when not the wrapper's own (axios-retry applied to the global axios by another module). */
    path?: string;
  };
  /** Its request goes through the global `axios` of a file that applies no axios-retry to it: another module of the project may. */
  globalAxios?: true;
}

export interface ModuleSummary {
  imports: SummaryImport[];
  /** Retry helpers by the name they are exported (top-level) under. */
  helpers: Record<string, HelperSummary>;
  /** Request wrappers by the name they are exported (top-level) under. */
  wrappers: Record<string, WrapperSummary>;
  uses: HelperUse[];
  /**
   * Exported names that stand for a top-level name of another name: `default` (`export default
   * withRetry`, `module.exports = withRetry`), `retry` (`exports.retry = withRetry`,
   * `module.exports = { retry: withRetry }`). Star re-exports (`export * from`, Python
   * `from m import *`) are in `imports` with the local name `*`.
   */
  exports?: Record<string, string>;
  /**
   * Clients built at the top of the file that retry on their own (`export const client = new
   * OpenAI({ maxRetries: 5 })`, a requests Session with a mounted urllib3 Retry), by name: a call
   * through one is a request a retry around it multiplies.
   */
  clients?: Record<string, WrapperSummary>;
  /** Python `__all__`, when it is a literal list: the names `from m import *` takes. */
  all?: string[];
  /** axios-retry applied to the global `axios` at the top of the file: it holds for every `axios` request of the project. */
  axiosRetry?: GlobalAxiosRetry;
}

/** `axiosRetry(axios, options)` on the module's default export, as each request through `axios` sees it. */
export interface GlobalAxiosRetry {
  /** Attempts per request (1 + `retries`): 1 with its retries off, 0 when the count cannot be read. */
  attempts: number;
  /** What its `retryCondition` retries. */
  retries: (number | "network")[];
  /** The `axiosRetry(...)` call. */
  at: SummaryLocation;
}

/** A request wrapper of another file, as a caller sees it. */
export interface ImportedWrapper extends WrapperSummary {
  path: string;
  name: string;
  /** A client of that file called through (`client.chat.completions.create`), not a wrapper function. */
  client?: true;
}

/** A retry helper of another file, as a caller sees it. */
export interface ImportedHelper extends HelperSummary {
  /** Its file, as the index names it (for related locations). */
  path: string;
  /** Its name there. */
  name: string;
}

/** What the index hands one file. */
export interface CrossFileInput {
  /** Imported retry helpers, by the callee as this file writes it (`withRetry`, `http.withRetry`). */
  helpers: Record<string, ImportedHelper>;
  /** Imported request wrappers and calls through imported clients, by the callee as this file writes it. */
  wrappers: Record<string, ImportedWrapper>;
  /** This file's top-level functions that other files call with a function sending a request. */
  callers: Record<string, { arg: number; throws: boolean }[]>;
  /**
   * axios-retry applied to the global `axios` by another module of the project (the only
   * policy the project applies to it, with retries on): requests through `axios` here retry.
   */
  axiosRetry?: GlobalAxiosRetry & { path: string };
}
